package aelab.engine;

import aelab.engine.kernel.Elementwise;
import aelab.engine.kernel.MatMul;

/**
 * What a kind of autoencoder does at its code, the bottleneck layer c: between the dense layer into it
 * (layer c−1, whose pre-activation arrives in {@code code}) and the decoder, which reads what forward
 * leaves in {@code code}. Backward receives dL/d(code) in {@code g} and leaves there dL/dz of layer c−1.
 * One object per {@link Workspace}: it may keep buffers of its own.
 *   plain, denoising   code = f(z)                                     ({@link #activated})
 *   sparse             code = f(z), loss += λ Σ_rows Σ_j |code_j|       ({@link SparseCode})
 *   vae                μ = z, log σ² from a head of its own, code = μ + σ·ε ({@link VaeCode})
 * Loss terms are returned summed over the rows in per-image units; perImage = 1 / (rows of the batch)
 * turns them into the batch mean's gradient.
 */
interface CodeLayer {
    /**
     * Forward for rows [0, rows): in is the encoder's last activation (rows, n_{c−1}); keys are the rows'
     * random streams (null: no sampling, a VAE's code is μ). Returns the kind's loss term Σ over the rows.
     */
    double forward(Autoencoder m, MatMul mm, float[] in, float[] code, int rows, long[] keys);

    /** dL/d(code) in g (rows, n_c) becomes dL/dz_{c−1}, in place. */
    void backward(Autoencoder m, float[] code, float[] g, int rows, float perImage);

    /**
     * After layer c−1's own gradients: heads of the kind's own add their weight gradients, and their
     * share of dL/d(in) to dIn (null when layer c−1 reads the input itself). The plain layer has none.
     */
    default void backwardHeads(Autoencoder m, MatMul mm, float[] in, float[] dIn, int rows) { }

    /** Gradients of the kind's own parameters, in {@link Autoencoder#params()} order after the layers'. */
    default float[][] grads() { return new float[0][]; }

    static CodeLayer of(Autoencoder m, int capacity, double l1, double beta) {
        return switch (m.kind) {
            case PLAIN, DENOISING -> activated();
            case SPARSE -> new SparseCode((float) l1);
            case VAE -> new VaeCode(m, capacity, (float) beta);
        };
    }

    /** The model's hidden activation and nothing else: the plain model's code. */
    static CodeLayer activated() {
        Elementwise ew = Elementwise.best();
        return new CodeLayer() {
            @Override public double forward(Autoencoder m, MatMul mm, float[] in, float[] code, int rows, long[] keys) {
                int k = m.widths[m.bottleneckLayer()];
                m.hidden.forward(code, rows * k, k);
                return 0;
            }

            @Override public void backward(Autoencoder m, float[] code, float[] g, int rows, float perImage) {
                int k = m.widths[m.bottleneckLayer()];
                if (m.hidden == Activation.RELU) ew.reluBackward(code, g, rows * k); // the hot case, vectorised
                else m.hidden.backward(code, g, rows * k, k);
            }
        };
    }
}
