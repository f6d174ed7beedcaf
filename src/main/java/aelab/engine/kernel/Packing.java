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
    static void rows(float[] a, int rs, int ps, int i0, int rows, int k, float[] dst) {
        int mr = MicroKernel.MR;
        for (int p = 0; p < k; p++) {
            int d = p * mr;
            for (int r = 0; r < mr; r++) {
                dst[d + r] = r < rows ? a[(i0 + r) * rs + p * ps] : 0f;
            }
        }
    }

    /** Columns j0.. of B (k×n) as a (k, width) panel: {@code dst[p·width + c] = B[p, j0 + c]} for c < cols, else 0. */
    static void columns(float[] b, int n, int k, int j0, int cols, int width, float[] dst) {
        for (int p = 0; p < k; p++) {
            int d = p * width, s = p * n + j0;
            for (int c = 0; c < width; c++) {
                dst[d + c] = c < cols ? b[s + c] : 0f;
            }
        }
    }

    /**
     * Rows j0.. of B stored (n×k), transposed into a (k, width) panel of Bᵀ:
     * {@code dst[p·width + c] = B[j0 + c, p]} for c < cols, else 0.
     * Walks B row by row so reads are sequential; the writes stride by width within a panel that
     * stays in L1/L2.
     */
    static void transposed(float[] b, int k, int j0, int cols, int width, float[] dst) {
        for (int c = 0; c < width; c++) {
            if (c < cols) {
                int s = (j0 + c) * k;
                for (int p = 0, d = c; p < k; p++, d += width) {
                    dst[d] = b[s + p];
                }
            } else {
                for (int p = 0, d = c; p < k; p++, d += width) {
                    dst[d] = 0f;
                }
            }
        }
    }
}
