package aelab.engine;

import aelab.engine.kernel.MatMul;

/**
 * The sparse autoencoder's code: the hidden activation, and an L1 penalty on it (Keras's
 * {@code activity_regularizer=l1(λ)}, which adds λ · Σ|a| / batch size to the loss):
 *   forward    term = λ Σ_rows Σ_j |code_j|
 *   backward   dL/dcode_j += λ/B · sign(code_j),  then the activation's derivative
 * It also counts what the test figures report: Σ|code| and the code values below 1e-3.
 */
final class SparseCode implements CodeLayer {
    static final float ZERO = 1e-3f; // below this a code value counts as zero (code_zero_fraction)

    private final CodeLayer activated;
    private final float lambda;
    double absSum;  // Σ_rows Σ_j |code_j| of the last forward
    long zeros;     // how many of those values were below ZERO

    SparseCode(float lambda) {
        this.activated = CodeLayer.activated();
        this.lambda = lambda;
    }

    @Override public double forward(Autoencoder m, MatMul mm, float[] in, float[] code, int rows, long[] keys) {
        activated.forward(m, mm, in, code, rows, keys);
        int n = rows * m.widths[m.bottleneckLayer()];
        double s = 0;
        long z = 0;
        for (int i = 0; i < n; i++) {
            float a = Math.abs(code[i]);
            s += a;
            if (a < ZERO) z++;
        }
        absSum = s;
        zeros = z;
        return lambda * s;
    }

    @Override public void backward(Autoencoder m, float[] code, float[] g, int rows, float perImage) {
        int n = rows * m.widths[m.bottleneckLayer()];
        float f = lambda * perImage;
        for (int i = 0; i < n; i++) g[i] += f * Math.signum(code[i]);
        activated.backward(m, code, g, rows, perImage);
    }
}
