package aelab.engine.kernel;

import java.util.Random;

/** The naive triple loop (summing in double) and the float tolerance every kernel test compares with. */
final class Oracle {
    private Oracle() {
    }

    /** The three products under test; A(i, p), B(p, j) read each stored layout directly. */
    enum Variant {
        MUL, TRANS_A, TRANS_B;

        void run(MatMul kernel, float[] a, float[] b, float[] c, int m, int k, int n, boolean acc) {
            switch (this) {
                case MUL -> kernel.mul(a, b, c, m, k, n, acc);
                case TRANS_A -> kernel.mulTransA(a, b, c, m, k, n, acc);
                case TRANS_B -> kernel.mulTransB(a, b, c, m, k, n, acc);
            }
        }

        /** C[i, j] = c0[i, j] + Σ_p A(i, p)·B(p, j), with A (m×k) or stored (k×m), B (k×n) or stored (n×k). */
        float[] naive(float[] a, float[] b, float[] c0, int m, int k, int n) {
            float[] c = c0.clone();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = c[i * n + j];
                    for (int p = 0; p < k; p++) {
                        float x = this == TRANS_A ? a[p * m + i] : a[i * k + p];
                        float y = this == TRANS_B ? b[j * k + p] : b[p * n + j];
                        s += (double) x * y;
                    }
                    c[i * n + j] = (float) s;
                }
            }
            return c;
        }
    }

    /**
     * Worst error of {@code actual} against {@code expected} in units of the tolerance, so ≤ 1 passes:
     * |x − y| ≤ tol·max(1, |y|) with tol = 4·(k + 1)·ε_float. Float sums of k products drift by about
     * k·ε relative to their size; the floor of 1 keeps near-zero sums (cancellation) from demanding
     * impossible relative accuracy. Entries are in [-1, 1), so 1 is the scale of a single product.
     */
    static double worstError(float[] expected, float[] actual, int size, int k) {
        double tol = 4.0 * (k + 1) * Math.ulp(1f);
        double worst = 0;
        for (int i = 0; i < size; i++) {
            double y = expected[i], x = actual[i];
            double e = Math.abs(x - y) / (tol * Math.max(1.0, Math.abs(y)));
            worst = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(worst, e);
        }
        return worst;
    }

    static float[] random(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rnd.nextFloat() * 2 - 1;
        return x;
    }
}
