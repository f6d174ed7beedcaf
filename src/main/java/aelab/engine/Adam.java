package aelab.engine;

/**
 * Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization"), in the form Keras uses,
 * with ε outside the bias correction:
 *   m ← β1 m + (1 − β1) g          v ← β2 v + (1 − β2) g²
 *   α_t = lr · √(1 − β2^t) / (1 − β1^t)
 *   p ← p − α_t · m / (√v + ε)
 * Defaults are Keras's: lr 0.001, β1 0.9, β2 0.999, ε 1e-7.
 */
public final class Adam implements Optimizer {
    /** Keras's defaults; the Python export reads them from here. */
    public static final double BETA_1 = 0.9, BETA_2 = 0.999, EPSILON = 1e-7;

    private final float lr, beta1, beta2, epsilon;
    private final float[][] m, v;
    private long t;
    private float alpha;

    public Adam(int[] sizes, double lr) { this(sizes, lr, BETA_1, BETA_2, EPSILON); }

    public Adam(int[] sizes, double lr, double beta1, double beta2, double epsilon) {
        this.lr = (float) lr;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        m = new float[sizes.length][];
        v = new float[sizes.length][];
        for (int k = 0; k < sizes.length; k++) {
            m[k] = new float[sizes[k]];
            v[k] = new float[sizes[k]];
        }
    }

    @Override public void beginStep() {
        t++;
        alpha = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
    }

    @Override public void update(int k, float[] p, float[] g, int from, int to) {
        float[] mk = m[k], vk = v[k];
        float b1 = beta1, b2 = beta2, c1 = 1 - beta1, c2 = 1 - beta2, a = alpha, eps = epsilon;
        for (int i = from; i < to; i++) {
            float gi = g[i];
            float mi = b1 * mk[i] + c1 * gi;
            float vi = b2 * vk[i] + c2 * gi * gi;
            mk[i] = mi;
            vk[i] = vi;
            p[i] -= a * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    @Override public float[][] state() {
        float[][] s = new float[m.length * 2][];
        System.arraycopy(m, 0, s, 0, m.length);
        System.arraycopy(v, 0, s, m.length, v.length);
        return s;
    }

    @Override public long steps() { return t; }

    @Override public void setSteps(long t) { this.t = t; }

    @Override public String toString() {
        return "Adam(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
    }
}
