package aelab.engine.kernel;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * The plain, trusted path: EJML's row-major float products on the caller's arrays.
 *
 * <p>The three {@link FMatrixRMaj} headers are reused and pointed at the caller's arrays on each
 * call (EJML reads {@code data} with {@code numRows}/{@code numCols}), so nothing is copied and
 * nothing is allocated. Used when the Vector API is missing, and as the oracle in tests.
 */
public final class ReferenceMatMul implements MatMul {
    private final FMatrixRMaj ma = new FMatrixRMaj(0, 0);
    private final FMatrixRMaj mb = new FMatrixRMaj(0, 0);
    private final FMatrixRMaj mc = new FMatrixRMaj(0, 0);

    @Override
    public void mul(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        MatMul.checkSizes(a, b, c, m, k, n);
        wrap(ma, a, m, k); wrap(mb, b, k, n); wrap(mc, c, m, n);
        // C = A·B  or  C += A·B
        if (accumulate) CommonOps_FDRM.multAdd(ma, mb, mc); else CommonOps_FDRM.mult(ma, mb, mc);
    }

    @Override
    public void mulTransA(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        MatMul.checkSizes(a, b, c, m, k, n);
        wrap(ma, a, k, m); wrap(mb, b, k, n); wrap(mc, c, m, n);
        // C = Aᵀ·B  or  C += Aᵀ·B
        if (accumulate) CommonOps_FDRM.multAddTransA(ma, mb, mc); else CommonOps_FDRM.multTransA(ma, mb, mc);
    }

    @Override
    public void mulTransB(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        MatMul.checkSizes(a, b, c, m, k, n);
        wrap(ma, a, m, k); wrap(mb, b, n, k); wrap(mc, c, m, n);
        // C = A·Bᵀ  or  C += A·Bᵀ
        if (accumulate) CommonOps_FDRM.multAddTransB(ma, mb, mc); else CommonOps_FDRM.multTransB(ma, mb, mc);
    }

    @Override
    public String name() {
        return "EJML reference";
    }

    private static void wrap(FMatrixRMaj header, float[] data, int rows, int cols) {
        header.data = data;
        header.numRows = rows;
        header.numCols = cols;
    }
}
