package aelab.engine;

/**
 * Reconstruction losses, as Keras computes them: the per-element loss l(p, y), averaged over the
 * pixels of an image and then over the batch. Methods here work on flat element ranges and return
 * sums; the caller divides by (batch · width), so the gradient carries that same 1/(B·D) factor.
 *   bce  l = −[y log p + (1 − y) log(1 − p)],  p clipped to [ε, 1 − ε], ε = 1e-7
 *        dl/dp = (p − y) / (p (1 − p)) inside the clip range, 0 outside (the clip has no slope)
 *   mse  l = (p − y)²                          dl/dp = 2 (p − y)
 *   mae  l = |p − y|                           dl/dp = sign(p − y)
 */
public enum Loss {
    BCE("bce") {
        @Override public double sum(float[] p, float[] y, int n) {
            double s = 0;
            for (int i = 0; i < n; i++) s += bce(p[i], y[i]);
            return s;
        }
        @Override public void gradient(float[] p, float[] y, float[] d, int n, float scale) {
            for (int i = 0; i < n; i++) {
                float q = p[i];
                d[i] = q < EPSILON || q > 1 - EPSILON ? 0f : scale * (q - y[i]) / (q * (1 - q));
            }
        }
    },
    MSE("mse") {
        @Override public double sum(float[] p, float[] y, int n) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                float e = p[i] - y[i];
                s += e * e;
            }
            return s;
        }
        @Override public void gradient(float[] p, float[] y, float[] d, int n, float scale) {
            float twice = 2 * scale;
            for (int i = 0; i < n; i++) d[i] = twice * (p[i] - y[i]);
        }
    },
    MAE("mae") {
        @Override public double sum(float[] p, float[] y, int n) {
            double s = 0;
            for (int i = 0; i < n; i++) s += Math.abs(p[i] - y[i]);
            return s;
        }
        @Override public void gradient(float[] p, float[] y, float[] d, int n, float scale) {
            for (int i = 0; i < n; i++) d[i] = scale * Math.signum(p[i] - y[i]);
        }
    };

    /** Keras's backend epsilon: BCE clips predictions to [ε, 1 − ε] so log never sees 0. */
    public static final float EPSILON = 1e-7f;

    private final String label;

    Loss(String label) { this.label = label; }

    /** Σ l(p_i, y_i) over the first n elements, accumulated in double. */
    public abstract double sum(float[] p, float[] y, int n);

    /** d_i = scale · dl/dp(p_i, y_i). */
    public abstract void gradient(float[] p, float[] y, float[] d, int n, float scale);

    /** Per-element BCE with Keras's clipping of p to [ε, 1 − ε]; also the [0,1]-scale metric. */
    public static double bce(float p, float y) {
        return bceUnclipped(Math.min(Math.max(p, EPSILON), 1 - EPSILON), y);
    }

    /**
     * The formula itself, in doubles and unclipped: BCE(p; y) = −[y ln p + (1 − y) ln(1 − p)], with
     * 0 · ln 0 counted as 0. The explainer draws this; the kernels' loops compute it clipped, from logits.
     */
    public static double bceUnclipped(double p, double y) {
        return -(term(y, p) + term(1 - y, 1 - p));
    }

    private static double term(double weight, double q) {
        return weight == 0 ? 0 : weight * Math.log(q);
    }

    /**
     * BCE of sigmoid(z) against y straight from the logit z, finite for any z:
     *   l = max(z, 0) − z y + log(1 + e^{−|z|})      dl/dz = sigmoid(z) − y
     * (TensorFlow's sigmoid_cross_entropy_with_logits, which Keras uses under a sigmoid output.)
     */
    public static double bceFromLogit(float z, float y) {
        return Math.max(z, 0) - (double) z * y + Math.log1p(Math.exp(-Math.abs(z)));
    }

    public static Loss parse(String s) {
        for (Loss l : values()) if (l.label.equalsIgnoreCase(s.trim())) return l;
        throw new IllegalArgumentException("unknown loss '" + s + "' (bce, mse, mae)");
    }

    @Override public String toString() { return label; }
}
