package aelab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner loops of {@link VectorMatMul}: one MR×NR tile of C held in registers
 * while p runs over the whole inner dimension k.
 *
 * <p>Legend: MR = 5 rows of C, L = lanes of one vector (16 floats with AVX-512), NR = 4·L columns.
 * For each p the tile takes one rank-1 update, an outer product of a column of A and a row of B:
 * <pre>  C[i+r, j..j+NR) += A[i+r, p] · B[p, j..j+NR)      r = 0..MR-1</pre>
 * that is 4 vector loads of B, 5 broadcasts of A and 20 fused multiply-adds. 20 accumulators
 * + 4 B vectors + 1 broadcast = 25 of the 32 AVX-512 registers, so nothing spills.
 *
 * <p>Strides let one kernel read every layout without copying: A(i, p) is {@code a[ao + r·rs + p·ps]}
 * (rs = k, ps = 1 for A stored m×k; rs = 1, ps = m for Aᵀ stored k×m; rs = 1, ps = MR when packed),
 * and B's row p starts at {@code b[bo + p·bs]}. The accumulators are plain locals so C2 keeps them
 * in registers; arrays of vectors would defeat that.
 *
 * <p>The kernels always accumulate (C is loaded into the accumulators first; the caller zeroes C
 * for a plain product) and pass no vector to a helper method. Both keep C2's node count low enough
 * that every Vector API call is inlined and intrinsified: in JDK 17, a helper that misses inlining
 * (NodeCountInliningCutoff) receives boxed vectors and runs the slow Java fallback, about 8× slower.
 */
final class MicroKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 5;
    static final int NV = 4;
    static final int NR = NV * L;

    private MicroKernel() {
    }

    /** C[5 × 4L] += A[5 × k]·B[k × 4L]; C row r starts at {@code c[co + r·ldc]}. */
    static void tile(float[] a, int ao, int rs, int ps, float[] b, int bo, int bs, int k,
                     float[] c, int co, int ldc) {
        int o0 = co, o1 = co + ldc, o2 = co + 2 * ldc, o3 = co + 3 * ldc, o4 = co + 4 * ldc;
        FloatVector c00 = load(c, o0), c01 = load(c, o0 + L), c02 = load(c, o0 + 2 * L), c03 = load(c, o0 + 3 * L);
        FloatVector c10 = load(c, o1), c11 = load(c, o1 + L), c12 = load(c, o1 + 2 * L), c13 = load(c, o1 + 3 * L);
        FloatVector c20 = load(c, o2), c21 = load(c, o2 + L), c22 = load(c, o2 + 2 * L), c23 = load(c, o2 + 3 * L);
        FloatVector c30 = load(c, o3), c31 = load(c, o3 + L), c32 = load(c, o3 + 2 * L), c33 = load(c, o3 + 3 * L);
        FloatVector c40 = load(c, o4), c41 = load(c, o4 + L), c42 = load(c, o4 + 2 * L), c43 = load(c, o4 + 3 * L);
        int a0 = ao, a1 = ao + rs, a2 = ao + 2 * rs, a3 = ao + 3 * rs, a4 = ao + 4 * rs;
        for (int p = 0, q = 0, pb = bo; p < k; p++, q += ps, pb += bs) {
            FloatVector b0 = load(b, pb), b1 = load(b, pb + L), b2 = load(b, pb + 2 * L), b3 = load(b, pb + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + q]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02); c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + q]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12); c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + q]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22); c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + q]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32); c33 = x.fma(b3, c33);
            x = FloatVector.broadcast(S, a[a4 + q]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41); c42 = x.fma(b2, c42); c43 = x.fma(b3, c43);
        }
        c00.intoArray(c, o0); c01.intoArray(c, o0 + L); c02.intoArray(c, o0 + 2 * L); c03.intoArray(c, o0 + 3 * L);
        c10.intoArray(c, o1); c11.intoArray(c, o1 + L); c12.intoArray(c, o1 + 2 * L); c13.intoArray(c, o1 + 3 * L);
        c20.intoArray(c, o2); c21.intoArray(c, o2 + L); c22.intoArray(c, o2 + 2 * L); c23.intoArray(c, o2 + 3 * L);
        c30.intoArray(c, o3); c31.intoArray(c, o3 + L); c32.intoArray(c, o3 + 2 * L); c33.intoArray(c, o3 + 3 * L);
        c40.intoArray(c, o4); c41.intoArray(c, o4 + L); c42.intoArray(c, o4 + 2 * L); c43.intoArray(c, o4 + 3 * L);
    }

    /** C[5 × L] += A[5 × k]·B[k × L]: the same update one vector wide, for the columns left over. */
    static void strip(float[] a, int ao, int rs, int ps, float[] b, int bo, int bs, int k,
                      float[] c, int co, int ldc) {
        int o0 = co, o1 = co + ldc, o2 = co + 2 * ldc, o3 = co + 3 * ldc, o4 = co + 4 * ldc;
        FloatVector c0 = load(c, o0), c1 = load(c, o1), c2 = load(c, o2), c3 = load(c, o3), c4 = load(c, o4);
        int a0 = ao, a1 = ao + rs, a2 = ao + 2 * rs, a3 = ao + 3 * rs, a4 = ao + 4 * rs;
        for (int p = 0, q = 0, pb = bo; p < k; p++, q += ps, pb += bs) {
            FloatVector bv = load(b, pb);
            c0 = FloatVector.broadcast(S, a[a0 + q]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[a1 + q]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[a2 + q]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[a3 + q]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, a[a4 + q]).fma(bv, c4);
        }
        c0.intoArray(c, o0); c1.intoArray(c, o1); c2.intoArray(c, o2); c3.intoArray(c, o3); c4.intoArray(c, o4);
    }

    private static FloatVector load(float[] x, int offset) {
        return FloatVector.fromArray(S, x, offset);
    }
}
