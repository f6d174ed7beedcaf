package aelab.engine.kernel;

/**
 * Copies of the awkward pieces of A and B into small contiguous, zero-padded buffers, so the
 * micro-kernel only ever sees full MR-row and full-vector blocks. Zero padding makes the extra
 * rows and lanes compute harmless zeros that the caller then clips away.
 */
final class Packing {
    private Packing() {
    }

    /**
     * Leftover rows of A as a (k, MR) panel: {@code dst[p·MR + r] = A(i0 + r, p)} for r < rows, else 0,
     * where A(i, p) = {@code a[i·rs + p·ps]} covers both A (m×k) and Aᵀ (stored k×m).
     */
    static void rows(float[] a, int ao, int rs, int ps, int i0, int rows, int k, float[] dst) {
        int mr = MicroKernel.MR;
        for (int p = 0; p < k; p++) {
            int d = p * mr;
            for (int r = 0; r < mr; r++) {
                dst[d + r] = r < rows ? a[ao + (i0 + r) * rs + p * ps] : 0f;
            }
        }
    }

    /** Columns j0.. of B (k×n) as a (k, width) panel: {@code dst[p·width + c] = B[p, j0 + c]} for c < cols, else 0. */
    static void columns(float[] b, int bo, int n, int k, int j0, int cols, int width, float[] dst) {
        for (int p = 0; p < k; p++) {
            int d = p * width, s = bo + p * n + j0;
            for (int c = 0; c < width; c++) {
                dst[d + c] = c < cols ? b[s + c] : 0f;
            }
        }
    }

    /**
     * Rows j0.. of B stored (n×k, row length ldb, first column at bo), transposed into a (k, width)
     * panel of Bᵀ: {@code dst[p·width + c] = B[j0 + c, bo + p]} for c < cols, else 0.
     * Four rows of B at a time: four sequential read streams, and each p writes four adjacent floats,
     * about 1.5× faster than one row at a time (a strided write per element).
     */
    static void transposed(float[] b, int bo, int ldb, int k, int j0, int cols, int width, float[] dst) {
        int c = 0;
        for (; c + 4 <= cols; c += 4) {
            int s0 = bo + (j0 + c) * ldb, s1 = s0 + ldb, s2 = s1 + ldb, s3 = s2 + ldb;
            for (int p = 0, d = c; p < k; p++, d += width) {
                dst[d] = b[s0 + p];
                dst[d + 1] = b[s1 + p];
                dst[d + 2] = b[s2 + p];
                dst[d + 3] = b[s3 + p];
            }
        }
        for (; c < width; c++) {
            int s = bo + (j0 + c) * ldb;
            boolean inside = c < cols;
            for (int p = 0, d = c; p < k; p++, d += width) {
                dst[d] = inside ? b[s + p] : 0f;
            }
        }
    }
}
