package aelab.engine;

/**
 * Stochastic gradient descent with momentum (Polyak 1964; Sutskever et al. 2013), as Keras writes it:
 *   u ← μ u − lr · g        p ← p + u
 * Defaults: lr 0.01, μ 0.9.
 */
public final class Sgd implements Optimizer {
    /** The default momentum; the Python export reads it from here. */
    public static final double MOMENTUM = 0.9;

    private final float lr, momentum;
    private final float[][] u;
    private long t;

    public Sgd(int[] sizes, double lr) { this(sizes, lr, MOMENTUM); }

    public Sgd(int[] sizes, double lr, double momentum) {
        this.lr = (float) lr;
        this.momentum = (float) momentum;
        u = new float[sizes.length][];
        for (int k = 0; k < sizes.length; k++) u[k] = new float[sizes[k]];
    }

    @Override public void beginStep() { t++; }

    @Override public void update(int k, float[] p, float[] g, int from, int to) {
        float[] uk = u[k];
        for (int i = from; i < to; i++) {
            uk[i] = momentum * uk[i] - lr * g[i];
            p[i] += uk[i];
        }
    }

    @Override public float[][] state() { return u.clone(); }

    @Override public long steps() { return t; }

    @Override public void setSteps(long t) { this.t = t; }

    @Override public String toString() { return "SGD(lr=" + lr + ", momentum=" + momentum + ")"; }
}
