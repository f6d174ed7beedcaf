package aelab.engine.kernel;

import static aelab.engine.kernel.MicroKernel.L;
import static aelab.engine.kernel.MicroKernel.MR;
import static aelab.engine.kernel.MicroKernel.NR;

import java.util.Arrays;

/**
 * The fast path: all three products run through one register-blocked micro-kernel
 * ({@link MicroKernel}, a 5 × 4-vector tile of C) built on {@code jdk.incubator.vector}.
 *
 * <p>Loop order: column panels of C (NR wide) outside, row panels (MR tall) inside, so one panel of
 * B (k × NR) is reused by every row panel while it is hot in cache; A (m×k) is small enough
 * (50 × 784 floats = 157 KB) to stay in L2 across panels. A and B are read in place whenever their
 * layout already gives the kernel a row of B and a strided column of A; only the leftovers
 * (m mod 5 rows, a last partial vector of columns) and Bᵀ for {@link #mulTransB} are packed into
 * scratch buffers. In-place B needs no blocking over k: the hardware prefetcher streams a
 * 784 × 64 panel from L2 fast enough to keep the FMA units busy. Packed Bᵀ is built 64 rows of k at
 * a time, which keeps the freshly transposed block in L1 while every row panel uses it.
 *
 * <p>Not thread-safe: the scratch buffers are per instance. Give each thread its own.
 */
public final class VectorMatMul implements MatMul {
    /** k-block for packed Bᵀ: a 64 × NR panel is 64 · 64 · 4 B = 16 KB, so it stays in L1 across row panels. */
    private static final int KC_PACKED = 64;
    private float[] aTail = new float[0];             // (k, MR)  leftover rows of A, zero-padded
    private float[] bPanel = new float[0];            // (k, NR)  one panel of B when it must be packed
    private final float[] cTile = new float[MR * NR]; // (MR, NR) an edge tile before it is clipped into C

    @Override
    public void mul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        MatMul.checkSizes(a, b, c, m, k, n);
        // C = A·B: A(i, p) = a[i·k + p], B row p = b[p·n ..]
        product(a, k, 1, b, false, c, m, k, n, accumulate);
    }

    @Override
    public void mulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        MatMul.checkSizes(a, b, c, m, k, n);
        // C = Aᵀ·B: Aᵀ(i, p) = a[p·m + i], B row p = b[p·n ..]
        product(a, 1, m, b, false, c, m, k, n, accumulate);
    }

    @Override
    public void mulTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        MatMul.checkSizes(a, b, c, m, k, n);
        // C = A·Bᵀ: A(i, p) = a[i·k + p], Bᵀ row p is column p of B (n×k), packed per panel
        product(a, k, 1, b, true, c, m, k, n, accumulate);
    }

    @Override
    public String name() {
        return "Vector API " + MR + "x" + (NR / L) + "·" + L;
    }

    /** C (+)= Â·B̂ with Â(i, p) = a[i·rs + p·ps] and B̂ = B (k×n) or, when bTransposed, Bᵀ of B (n×k). */
    private void product(float[] a, int rs, int ps, float[] b, boolean bTransposed,
                         float[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0f); // the kernels add into C: C = A·B is 0 + A·B
        }
        // Bᵀ is packed KC_PACKED rows of k at a time; B read in place needs no blocking (see class doc).
        int kcMax = bTransposed ? KC_PACKED : Math.max(k, 1);
        for (int p0 = 0; p0 < k; p0 += kcMax) {
            int kc = Math.min(kcMax, k - p0);
            // A(i, p0 + p) = a[i·rs + (p0 + p)·ps]; B row p0 + p starts at b[p0·n], Bᵀ row p0 + p at b[p0]
            block(a, p0 * ps, rs, ps, b, bTransposed ? p0 : p0 * n, bTransposed, c, m, kc, k, n);
        }
    }

    /** C += Â·B̂ over one block of k; ldb is the row length of B stored (n×k) when bTransposed. */
    private void block(float[] a, int ao, int rs, int ps, float[] b, int bo0, boolean bTransposed,
                       float[] c, int m, int k, int ldb, int n) {
        int mFull = m - m % MR;
        if (mFull < m) {
            aTail = grow(aTail, k * MR);
            Packing.rows(a, ao, rs, ps, mFull, m - mFull, k, aTail);
        }
        bPanel = grow(bPanel, k * NR);
        int j = 0;
        for (; j + NR <= n; j += NR) {
            if (bTransposed) {
                Packing.transposed(b, bo0, ldb, k, j, NR, NR, bPanel);
                rowPanels(true, a, ao, rs, ps, bPanel, 0, NR, c, m, mFull, k, n, j, NR);
            } else {
                rowPanels(true, a, ao, rs, ps, b, bo0 + j, n, c, m, mFull, k, n, j, NR);
            }
        }
        for (; j < n; j += L) {
            int cols = Math.min(L, n - j);
            if (bTransposed) {
                Packing.transposed(b, bo0, ldb, k, j, cols, L, bPanel);
                rowPanels(false, a, ao, rs, ps, bPanel, 0, L, c, m, mFull, k, n, j, cols);
            } else if (cols < L) {
                Packing.columns(b, bo0, n, k, j, cols, L, bPanel);
                rowPanels(false, a, ao, rs, ps, bPanel, 0, L, c, m, mFull, k, n, j, cols);
            } else {
                rowPanels(false, a, ao, rs, ps, b, bo0 + j, n, c, m, mFull, k, n, j, L);
            }
        }
    }

    /** Columns j..j+cols of C, all row panels: full ones straight from A, the last from aTail. */
    private void rowPanels(boolean wide, float[] a, int ao, int rs, int ps, float[] b, int bo, int bs,
                           float[] c, int m, int mFull, int k, int n, int j, int cols) {
        for (int i = 0; i < mFull; i += MR) {
            tile(wide, a, ao + i * rs, rs, ps, b, bo, bs, k, c, n, i, j, MR, cols);
        }
        if (mFull < m) {
            tile(wide, aTail, 0, 1, MR, b, bo, bs, k, c, n, mFull, j, m - mFull, cols);
        }
    }

    /** One tile (wide) or strip of C at (i, j); a partial one goes through cTile and is clipped. */
    private void tile(boolean wide, float[] a, int ao, int rs, int ps, float[] b, int bo, int bs, int k,
                      float[] c, int n, int i, int j, int rows, int cols) {
        int width = wide ? NR : L;
        if (rows == MR && cols == width) {
            if (wide) MicroKernel.tile(a, ao, rs, ps, b, bo, bs, k, c, i * n + j, n);
            else MicroKernel.strip(a, ao, rs, ps, b, bo, bs, k, c, i * n + j, n);
            return;
        }
        Arrays.fill(cTile, 0f);
        if (wide) MicroKernel.tile(a, ao, rs, ps, b, bo, bs, k, cTile, 0, width);
        else MicroKernel.strip(a, ao, rs, ps, b, bo, bs, k, cTile, 0, width);
        for (int r = 0; r < rows; r++) {
            int o = (i + r) * n + j, t = r * width;
            for (int q = 0; q < cols; q++) {
                c[o + q] += cTile[t + q];
            }
        }
    }

    /** Scratch grows to the largest shape seen and is then reused: no allocation in steady state. */
    private static float[] grow(float[] buf, int size) {
        return buf.length >= size ? buf : new float[size];
    }
}
