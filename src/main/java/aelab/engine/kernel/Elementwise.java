package aelab.engine.kernel;

/**
 * The element-wise loops of a training step that call exp or log once or more per pixel (the output
 * layer's sigmoid, BCE and the [0,1] metrics). At batch 100 they touch 78,400 outputs a step, and in
 * plain Java they would cost more than all the matrix products; the Vector API version evaluates
 * exp/log 16 lanes at a time. Create one instance per thread.
 */
public interface Elementwise {
    /** p_i = σ(z_i) = 1 / (1 + e^{−z_i}). */
    void sigmoid(float[] z, float[] p, int n);

    /**
     * Σ BCE(σ(z_i); y_i) from the logits, with p_i = σ(z_i) given, and d_i = scale · (p_i − y_i)
     * (dBCE/dz = σ(z) − y) unless d is null:
     *   l = max(z, 0) − z·y − ln σ(|z|),  σ(|z|) = p if z ≥ 0 else 1 − p,
     * which is log(1 + e^{−|z|}) written with a log of a number in [½, 1]: finite for every z.
     */
    double bceFromLogits(float[] z, float[] p, float[] y, float[] d, int n, float scale);

    /**
     * The [0,1]-scale metrics of predictions q = p·pScale against targets t = y·yScale, into out:
     * out[0] = Σ BCE(q; t) with q clipped to [1e-7, 1 − 1e-7] (left at 0 unless withBce: two logs
     * per element), out[1] = Σ (q − t)², out[2] = Σ p.
     */
    void metrics(float[] p, float[] y, int from, int to, float pScale, float yScale, boolean withBce, double[] out);

    /**
     * Σ BCE(p_i; y_i) with p clipped to [ε, 1 − ε], ε = 1e-7 (Keras's form, for outputs that are not a
     * sigmoid), and unless d is null d_i = scale · dBCE/dp = scale · (p − y) / (p (1 − p)) inside the
     * clip range, 0 outside it.
     */
    double bceClipped(float[] p, float[] y, float[] d, int n, float scale);

    /** p = softmax(z) row by row, over rows of cols: p_j = e^{z_j − max z} / Σ_i e^{z_i − max z}. */
    void softmax(float[] z, float[] p, int rows, int cols);

    /** d_i ← 0 where a_i ≤ 0: ReLU's backward pass, dL/dz = dL/da · [a > 0]. */
    void reluBackward(float[] a, float[] d, int n);

    String name();

    /** The Vector API version when its module is present, else the scalar one. */
    static Elementwise best() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (Elementwise) Class.forName("aelab.engine.kernel.VectorElementwise")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                System.getLogger(Elementwise.class.getName()).log(System.Logger.Level.WARNING,
                        "vector element-wise kernel unavailable (" + e + "); using scalar loops");
            }
        }
        return new ScalarElementwise();
    }
}
