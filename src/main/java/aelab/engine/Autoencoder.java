package aelab.engine;

import java.util.SplittableRandom;

/**
 * A stack of dense layers, widths[0] → widths[1] → … → widths[L], L = widths.length − 1.
 * Layer l maps a row x (widths[l]) to f(x·W_l + b_l). Hidden layers use one activation, the last
 * layer its own. Plain data: the maths of a pass lives in {@link Workspace}.
 */
public final class Autoencoder {
    final int[] widths;
    final Activation hidden, output;
    final float[][] w; // w[l]: (widths[l], widths[l+1]), row-major
    final float[][] b; // b[l]: (widths[l+1])

    public Autoencoder(int[] widths, Activation hidden, Activation output) {
        this.widths = widths.clone();
        this.hidden = hidden;
        this.output = output;
        int layers = widths.length - 1;
        w = new float[layers][];
        b = new float[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = new float[widths[l] * widths[l + 1]];
            b[l] = new float[widths[l + 1]];
        }
    }

    /**
     * Glorot-uniform weights (Glorot &amp; Bengio 2010), W ~ U(−r, r) with r = √(6 / (fan_in + fan_out)),
     * and zero biases — Keras's Dense defaults. One seed fixes every weight.
     */
    public static Autoencoder glorot(int[] widths, Activation hidden, Activation output, long seed) {
        Autoencoder m = new Autoencoder(widths, hidden, output);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int l = 0; l < m.w.length; l++) {
            double r = Math.sqrt(6.0 / (widths[l] + widths[l + 1]));
            float[] wl = m.w[l];
            for (int i = 0; i < wl.length; i++) wl[i] = (float) (rng.nextDouble(-r, r));
        }
        return m;
    }

    public static Autoencoder of(TrainingConfig c) {
        return glorot(c.layers(), c.hidden(), c.output(), c.seed());
    }

    public int layerCount() { return w.length; }

    public int[] widths() { return widths.clone(); }

    public int width(int i) { return widths[i]; }

    public Activation hidden() { return hidden; }

    public Activation output() { return output; }

    /** The parameter arrays, live: W_0, b_0, W_1, b_1, … (what the optimizer updates). */
    public float[][] params() {
        float[][] p = new float[2 * w.length][];
        for (int l = 0; l < w.length; l++) {
            p[2 * l] = w[l];
            p[2 * l + 1] = b[l];
        }
        return p;
    }

    public int[] paramSizes() {
        float[][] p = params();
        int[] s = new int[p.length];
        for (int k = 0; k < p.length; k++) s[k] = p[k].length;
        return s;
    }

    /** Width of the code layer: the narrowest layer, the bottleneck. */
    public int bottleneckLayer() {
        int best = 1;
        for (int i = 1; i < widths.length - 1; i++) if (widths[i] < widths[best]) best = i;
        return best;
    }

    public Autoencoder copy() {
        Autoencoder c = new Autoencoder(widths, hidden, output);
        c.copyFrom(this);
        return c;
    }

    public void copyFrom(Autoencoder o) {
        for (int l = 0; l < w.length; l++) {
            System.arraycopy(o.w[l], 0, w[l], 0, w[l].length);
            System.arraycopy(o.b[l], 0, b[l], 0, b[l].length);
        }
    }

    /** Whether every weight and bias is finite. */
    public boolean isFinite() {
        for (float[] p : params()) for (float v : p) if (!Float.isFinite(v)) return false;
        return true;
    }
}
