package aelab.engine;

/**
 * RMSprop (Tieleman &amp; Hinton 2012, Coursera lecture 6.5), as Keras writes it:
 *   v ← ρ v + (1 − ρ) g²        p ← p − lr · g / (√v + ε)
 * Defaults are Keras's: lr 0.001, ρ 0.9, ε 1e-7.
 */
public final class RmsProp implements Optimizer {
    /** Keras's defaults; the Python export reads them from here. */
    public static final double RHO = 0.9, EPSILON = 1e-7;

    private final float lr, rho, epsilon;
    private final float[][] v;
    private long t;

    public RmsProp(int[] sizes, double lr) { this(sizes, lr, RHO, EPSILON); }

    public RmsProp(int[] sizes, double lr, double rho, double epsilon) {
        this.lr = (float) lr;
        this.rho = (float) rho;
        this.epsilon = (float) epsilon;
        v = new float[sizes.length][];
        for (int k = 0; k < sizes.length; k++) v[k] = new float[sizes[k]];
    }

    @Override public void beginStep() { t++; }

    @Override public void update(int k, float[] p, float[] g, int from, int to) {
        float[] vk = v[k];
        float c = 1 - rho;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            vk[i] = rho * vk[i] + c * gi * gi;
            p[i] -= lr * gi / ((float) Math.sqrt(vk[i]) + epsilon);
        }
    }

    @Override public float[][] state() { return v.clone(); }

    @Override public long steps() { return t; }

    @Override public void setSteps(long t) { this.t = t; }

    @Override public String toString() { return "RMSprop(lr=" + lr + ", rho=" + rho + ", epsilon=" + epsilon + ")"; }
}
