package aelab.engine.kernel;

/**
 * Dense single-precision matrix products on row-major arrays without offsets.
 *
 * <p>Legend: {@code m} rows of C, {@code n} columns of C, {@code k} the summed (inner) dimension.
 * Every method writes C (m×n); with {@code accumulate} it adds to what C holds, otherwise it
 * overwrites it. Implementations are single-threaded and allocate nothing per call in steady state;
 * the engine splits a batch across threads and gives each thread its own instance.
 */
public interface MatMul {

    /** C(m×n) = A(m×k)·B(k×n), or C += … when accumulate.  (Z = X·W) */
    void mul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** C(m×n) = Aᵀ·B with A stored (k×m), B (k×n); or C += … when accumulate.  (dW = Xᵀ·dZ) */
    void mulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** C(m×n) = A·Bᵀ with A stored (m×k), B stored (n×k); or C += … when accumulate.  (dX = dZ·Wᵀ) */
    void mulTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** A short label for logs and benchmarks. */
    String name();

    /** Fails fast on arrays too short for the shapes, so a wrong shape is not a silent wrong answer. */
    static void checkSizes(float[] a, float[] b, float[] c, int m, int k, int n) {
        if (m < 0 || k < 0 || n < 0) {
            throw new IllegalArgumentException("negative shape m=" + m + " k=" + k + " n=" + n);
        }
        if (a.length < (long) m * k || b.length < (long) k * n || c.length < (long) m * n) {
            throw new IllegalArgumentException("arrays too short for m=" + m + " k=" + k + " n=" + n
                    + ": a=" + a.length + " b=" + b.length + " c=" + c.length);
        }
    }
}
