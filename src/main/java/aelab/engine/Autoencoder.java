package aelab.engine;

import java.util.SplittableRandom;

/**
 * A stack of dense layers, widths[0] → widths[1] → … → widths[L], L = widths.length − 1.
 * Layer l maps a row x (widths[l]) to f(x·W_l + b_l). Hidden layers use one activation, the last
 * layer its own. Plain data: the maths of a pass lives in {@link Workspace}.
 * A VAE has one array pair more, its log σ² head beside the layer into the bottleneck c (whose own
 * weights are then the μ head, without activation): wv (widths[c−1], widths[c]), bv (widths[c]).
 */
public final class Autoencoder {
    final int[] widths;
    final Activation hidden, output;
    final ModelKind kind;
    final float[][] w; // w[l]: (widths[l], widths[l+1]), row-major
    final float[][] b; // b[l]: (widths[l+1])
    final float[] wv, bv; // the VAE's log σ² head, null for other kinds

    public Autoencoder(int[] widths, Activation hidden, Activation output) {
        this(widths, hidden, output, ModelKind.PLAIN);
    }

    public Autoencoder(int[] widths, Activation hidden, Activation output, ModelKind kind) {
        this.widths = widths.clone();
        this.hidden = hidden;
        this.output = output;
        this.kind = kind;
        int layers = widths.length - 1;
        w = new float[layers][];
        b = new float[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = new float[MemoryNeed.arrayLength(widths[l], widths[l + 1], "the weights between layers " + l + " and " + (l + 1))];
            b[l] = new float[widths[l + 1]];
        }
        if (kind == ModelKind.VAE) {
            int c = bottleneckLayer();
            wv = new float[MemoryNeed.arrayLength(widths[c - 1], widths[c], "the weights of the log σ² head")];
            bv = new float[widths[c]];
        } else {
            wv = bv = null;
        }
    }

    /**
     * Glorot-uniform weights (Glorot &amp; Bengio 2010), W ~ U(−r, r) with r = √(6 / (fan_in + fan_out)),
     * and zero biases — Keras's Dense defaults. One seed fixes every weight.
     */
    public static Autoencoder glorot(int[] widths, Activation hidden, Activation output, long seed) {
        return glorot(widths, hidden, output, ModelKind.PLAIN, seed);
    }

    /** The same; a VAE's log σ² head is drawn last, so its other weights are the plain model's of that seed. */
    public static Autoencoder glorot(int[] widths, Activation hidden, Activation output, ModelKind kind, long seed) {
        Autoencoder m = new Autoencoder(widths, hidden, output, kind);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int l = 0; l < m.w.length; l++) uniform(m.w[l], widths[l], widths[l + 1], rng);
        if (m.wv != null) uniform(m.wv, widths[m.bottleneckLayer() - 1], widths[m.bottleneckLayer()], rng);
        return m;
    }

    private static void uniform(float[] w, int fanIn, int fanOut, SplittableRandom rng) {
        double r = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < w.length; i++) w[i] = (float) (rng.nextDouble(-r, r));
    }

    public static Autoencoder of(TrainingConfig c) {
        return glorot(c.layers(), c.hidden(), c.output(), c.kind(), c.seed());
    }

    public ModelKind kind() { return kind; }

    public int layerCount() { return w.length; }

    public int[] widths() { return widths.clone(); }

    public int width(int i) { return widths[i]; }

    public Activation hidden() { return hidden; }

    public Activation output() { return output; }

    /** The parameter arrays, live: W_0, b_0, W_1, b_1, …, then a VAE's W_logvar, b_logvar (what the optimizer updates). */
    public float[][] params() {
        float[][] p = new float[2 * w.length + (wv == null ? 0 : 2)][];
        for (int l = 0; l < w.length; l++) {
            p[2 * l] = w[l];
            p[2 * l + 1] = b[l];
        }
        if (wv != null) {
            p[2 * w.length] = wv;
            p[2 * w.length + 1] = bv;
        }
        return p;
    }

    /** How many arrays {@link #params()} holds for these widths and kind, without making the model. */
    public static int paramCount(int[] widths, ModelKind kind) {
        return 2 * (widths.length - 1) + (kind == ModelKind.VAE && widths.length > 2 ? 2 : 0);
    }

    /** The name of array k of {@link #params()}, as files store it: W0, b0, …, then W_logvar, b_logvar. */
    public static String paramName(int[] widths, ModelKind kind, int k) {
        int layers = widths.length - 1;
        if (k >= 2 * layers) return k == 2 * layers ? "W_logvar" : "b_logvar";
        return (k % 2 == 0 ? "W" : "b") + k / 2;
    }

    /** The shape of array k: W_l is (n_l, n_{l+1}) row-major, b_l is (n_{l+1}); the log σ² head is layer c−1's. */
    public static int[] paramShape(int[] widths, ModelKind kind, int k) {
        int layers = widths.length - 1;
        int l = k >= 2 * layers ? bottleneckOf(widths) - 1 : k / 2;
        return k % 2 == 0 ? new int[]{widths[l], widths[l + 1]} : new int[]{widths[l + 1]};
    }

    /** The narrowest hidden layer (the first of equals): the code. 1 when there is no hidden layer. */
    public static int bottleneckOf(int[] widths) {
        int best = 1;
        for (int i = 1; i < widths.length - 1; i++) if (widths[i] < widths[best]) best = i;
        return best;
    }

    public int[] paramSizes() {
        float[][] p = params();
        int[] s = new int[p.length];
        for (int k = 0; k < p.length; k++) s[k] = p[k].length;
        return s;
    }

    /** Width of the code layer: the narrowest layer, the bottleneck. */
    public int bottleneckLayer() { return bottleneckOf(widths); }

    public Autoencoder copy() {
        Autoencoder c = new Autoencoder(widths, hidden, output, kind);
        c.copyFrom(this);
        return c;
    }

    public void copyFrom(Autoencoder o) {
        float[][] to = params(), from = o.params();
        if (to.length != from.length) throw new IllegalArgumentException("a " + o.kind + " model's weights cannot go into a " + kind + " model");
        for (int k = 0; k < to.length; k++) System.arraycopy(from[k], 0, to[k], 0, to[k].length);
    }

    /** Whether every weight and bias is finite. */
    public boolean isFinite() {
        for (float[] p : params()) for (float v : p) if (!Float.isFinite(v)) return false;
        return true;
    }
}
