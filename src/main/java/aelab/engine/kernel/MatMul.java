package aelab.engine.kernel;

/**
 * Single-threaded dense matrix products on row-major float arrays. The engine splits a batch over
 * its threads itself; a kernel never starts threads and never allocates per call.
 */
public interface MatMul {
    /** C(m×n) = A(m×k)·B(k×n), or C += … when accumulate. */
    void mul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** C(m×n) = Aᵀ·B with A stored (k×m), B (k×n); or C += … when accumulate.  (dW = Xᵀ·dZ) */
    void mulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    /** C(m×n) = A·Bᵀ with A stored (m×k), B stored (n×k); or C += … when accumulate. (dX = dZ·Wᵀ) */
    void mulTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate);

    String name();
}
