package aelab.engine;

import aelab.engine.kernel.Elementwise;
import aelab.engine.kernel.MatMul;

/**
 * The buffers and the maths of one forward/backward pass over up to R rows, for one thread.
 * Dimension legend: R = rows capacity, D = image width (widths[0] = widths[L]), L = layers,
 * n_l = widths[l]. Each worker of a data-parallel step owns one workspace.
 *
 * Forward, for l = 0 … L−1:   z_l = a_{l−1}·W_l + b_l,   a_l = f(z_l)        (a_{−1} = x)
 * Backward, from δ_{L−1} = dL/dz_{L−1}, for l = L−1 … 0:
 *   dW_l = a_{l−1}ᵀ · δ_l          db_l = Σ_rows δ_l
 *   δ_{l−1} = (δ_l · W_lᵀ) ⊙ f'(z_{l−1})
 */
final class Workspace {
    final int capacity;
    final int[] widths;
    final float[] x;      // (R, D) inputs, on the network's scale
    float[] y;            // (R, D) targets: x itself for an autoencoder; the clean rows for a denoising one
    final long[] keys;    // (R) the rows' random streams (RowKeys), filled by the caller when the kind samples
    final int code;       // the bottleneck: index into widths of the layer the kind acts on
    CodeLayer codeLayer;  // what the kind does there
    double penaltySum;    // the kind's loss term of the last forward, Σ over rows, per-image units
    final float[][] a;    // a[l]: (R, n_{l+1}); a[L−1] is the output p
    final float[] z;      // (R, D) output logits
    final float[] d1, d2; // (R, max n) δ buffers, used in turn
    final float[][] gW;   // like W
    final float[][] gB;   // like b
    /** Sums over the rows of the last pass: trained loss (own scale), BCE and MSE on [0,1], Σ outputs. */
    double lossSum, bceSum, mseSum, outputSum;
    /** Of an evaluation: a VAE's Σ KL, a sparse code's Σ|code| and its values below 1e-3. */
    double klSum, codeAbsSum, codeZeros;
    private final Elementwise ew = Elementwise.best();
    private final double[] sums = new double[3];

    Workspace(int[] widths, int capacity) {
        this(new Autoencoder(widths, Activation.RELU, Activation.SIGMOID), capacity, 0, 0, false);
    }

    /** Buffers for rows of model m; l1 and beta are a sparse run's λ and a VAE's β; cleanTargets keeps y apart from x. */
    Workspace(Autoencoder m, int capacity, double l1, double beta, boolean cleanTargets) {
        int[] widths = m.widths;
        this.capacity = capacity;
        this.widths = widths.clone();
        this.keys = new long[Math.max(capacity, 1)];
        this.code = m.bottleneckLayer();
        this.codeLayer = widths.length > 2 ? CodeLayer.of(m, capacity, l1, beta) : null;
        int layers = widths.length - 1, d = widths[0], max = 0;
        for (int n : widths) max = Math.max(max, n);
        x = new float[MemoryNeed.arrayLength(capacity, d, "a worker's input rows")];
        y = cleanTargets ? new float[x.length] : x;
        z = new float[MemoryNeed.arrayLength(capacity, widths[layers], "a worker's output rows")];
        a = new float[layers][];
        gW = new float[layers][];
        gB = new float[layers][];
        for (int l = 0; l < layers; l++) {
            a[l] = new float[MemoryNeed.arrayLength(capacity, widths[l + 1], "a worker's activations")];
            gW[l] = new float[MemoryNeed.arrayLength(widths[l], widths[l + 1], "the gradients between layers " + l + " and " + (l + 1))];
            gB[l] = new float[widths[l + 1]];
        }
        d1 = new float[MemoryNeed.arrayLength(capacity, max, "a worker's row buffer")];
        d2 = new float[d1.length];
    }

    /** Fills rows [0, rows) of y (= x unless kept apart) from images idx[from …] of a byte pixel array: pixel · factor. */
    void load(byte[] pixels, int[] idx, int from, int rows, float factor) {
        int d = widths[0];
        for (int r = 0; r < rows; r++) {
            int src = idx[from + r] * d, dst = r * d;
            for (int j = 0; j < d; j++) y[dst + j] = (pixels[src + j] & 0xFF) * factor;
        }
        if (y != x) System.arraycopy(y, 0, x, 0, rows * d);
    }

    /** Replaces the inputs x by a corrupted copy of the clean rows y, row r drawing from keys[r]. */
    void corrupt(Noise noise, int rows, float top) {
        Corruption.apply(noise, y, x, rows, widths[0], top, keys);
    }

    float[] output() { return a[a.length - 1]; }

    void forward(Autoencoder m, MatMul mm, int rows) {
        forward(m, mm, rows, false);
    }

    /**
     * The forward pass; with sample, the kind draws from the rows' streams in {@link #keys} (a VAE's ε),
     * without, it takes the mean (a VAE's code is μ). The kind's loss term goes to {@link #penaltySum}.
     */
    void forward(Autoencoder m, MatMul mm, int rows, boolean sample) {
        penaltySum = 0;
        forwardFrom(m, mm, rows, sample, 0, x);
    }

    /**
     * The decoder alone: rows of codes (rows, n_c) through layers c … L−1 to the output. A VAE's
     * samples are its decoder's pictures of draws z ~ N(0, I).
     */
    void decode(Autoencoder m, MatMul mm, int rows, float[] codes) {
        forwardFrom(m, mm, rows, false, code, codes);
    }

    private void forwardFrom(Autoencoder m, MatMul mm, int rows, boolean sample, int first, float[] in) {
        int layers = m.layerCount();
        for (int l = first; l < layers; l++) {
            int nIn = widths[l], nOut = widths[l + 1];
            boolean last = l == layers - 1;
            float[] out = last ? z : a[l];
            for (int r = 0; r < rows; r++) System.arraycopy(m.b[l], 0, out, r * nOut, nOut); // z = b + …
            mm.mul(in, m.w[l], out, rows, nIn, nOut, true);                                // … + a·W
            if (!last && l == code - 1) penaltySum = codeLayer.forward(m, mm, in, out, rows, sample ? keys : null);
            else if (!last) m.hidden.forward(out, rows * nOut, nOut);
            in = out;
        }
        float[] p = output();
        int n = rows * widths[layers];
        if (m.output == Activation.SIGMOID) {
            ew.sigmoid(z, p, n);
        } else if (m.output == Activation.SOFTMAX) {
            ew.softmax(z, p, rows, widths[layers]);
        } else {
            System.arraycopy(z, 0, p, 0, n);
            m.output.forward(p, n, widths[layers]);
        }
    }

    /** Whether the loss is computed from the logits (sigmoid + BCE): finite for any z. */
    static boolean fromLogits(Autoencoder m, Loss loss) {
        return m.output == Activation.SIGMOID && loss == Loss.BCE;
    }

    /**
     * The trained loss over the rows (into lossSum) and δ = dL/dz of the output layer into d1, where
     * L is the batch mean: scale = 1 / (batch rows · D).
     */
    void lossAndDelta(Autoencoder m, Loss loss, int rows, float scale) {
        int n = rows * widths[widths.length - 1];
        float[] p = output();
        if (fromLogits(m, loss)) {
            lossSum = ew.bceFromLogits(z, p, y, d1, n, scale);
            return;
        }
        if (loss == Loss.BCE) { // the same sum and gradient as Loss.BCE, vectorised
            lossSum = ew.bceClipped(p, y, d1, n, scale);
        } else {
            lossSum = loss.sum(p, y, n);
            loss.gradient(p, y, d1, n, scale);
        }
        m.output.backward(p, d1, n, widths[widths.length - 1]);
    }

    /** The trained loss alone, without gradients (evaluation). */
    void lossOnly(Autoencoder m, Loss loss, int rows) {
        int n = rows * widths[widths.length - 1];
        if (fromLogits(m, loss)) lossSum = ew.bceFromLogits(z, output(), y, null, n, 0f);
        else if (loss == Loss.BCE) lossSum = ew.bceClipped(output(), y, null, n, 0f);
        else lossSum = loss.sum(output(), y, n);
    }

    /**
     * BCE and MSE on the [0,1] pixel scale and Σ outputs, over the rows: targets x · yScale, predictions
     * p / pDivisor. The same figures whatever loss is trained, so runs can be compared. With withBce
     * false BCE is not computed and bceSum is left as it is — for training batches where the trained
     * loss is already that BCE (sigmoid + BCE on [0,1]).
     */
    void metrics(int rows, float yScale, float pDivisor, boolean withBce) {
        int n = rows * widths[widths.length - 1];
        ew.metrics(output(), y, 0, n, 1f / pDivisor, yScale, withBce, sums);
        if (withBce) bceSum = sums[0];
        mseSum = sums[1];
        outputSum = sums[2];
    }

    /**
     * The same metrics row by row: per-image means per pixel of BCE and MSE, and Σ outputs, into
     * bce/mse/sum at [offset, offset + rows) when they are not null; their totals into bceSum, mseSum,
     * outputSum. Evaluations always sum this way, so their figures do not depend on whether per-image
     * figures were asked for.
     */
    void rowMetrics(int rows, float yScale, float pDivisor, double[] bce, double[] mse, double[] sum, int offset) {
        int d = widths[widths.length - 1];
        double b = 0, m = 0, t = 0;
        for (int r = 0; r < rows; r++) {
            ew.metrics(output(), y, r * d, (r + 1) * d, 1f / pDivisor, yScale, true, sums);
            if (bce != null) {
                bce[offset + r] = sums[0] / d;
                mse[offset + r] = sums[1] / d;
                sum[offset + r] = sums[2];
            }
            b += sums[0];
            m += sums[1];
            t += sums[2];
        }
        bceSum = b;
        mseSum = m;
        outputSum = t;
    }

    /** Marks in fired[l − 1][j] every unit j of hidden layer l whose activation is positive in some row. */
    void markFiring(int rows, boolean[][] fired) {
        for (int l = 1; l < widths.length - 1; l++) {
            float[] act = a[l - 1];
            boolean[] f = fired[l - 1];
            int n = widths[l];
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < n; j++) if (act[r * n + j] > 0f) f[j] = true;
        }
    }

    /** Gradients of every parameter from δ_{L−1} in d1, for a batch of these rows alone. */
    void backward(Autoencoder m, MatMul mm, int rows) {
        backward(m, mm, rows, 1f / rows);
    }

    /**
     * Gradients of every parameter from δ_{L−1} in d1; hidden activations' derivatives from a; the
     * kind's own terms at the code scaled by perImage = 1 / (rows of the whole batch).
     */
    void backward(Autoencoder m, MatMul mm, int rows, float perImage) {
        float[] delta = d1, spare = d2;
        for (int l = m.layerCount() - 1; l >= 0; l--) {
            int nIn = widths[l], nOut = widths[l + 1];
            float[] in = l == 0 ? x : a[l - 1];
            mm.mulTransA(in, delta, gW[l], nIn, rows, nOut, false); // dW = inᵀ·δ   (nIn, nOut)
            float[] gb = gB[l];
            java.util.Arrays.fill(gb, 0f);
            for (int r = 0; r < rows; r++) {
                int o = r * nOut;
                for (int j = 0; j < nOut; j++) gb[j] += delta[o + j];
            }
            if (l == 0 && code == 1 && codeLayer != null) codeLayer.backwardHeads(m, mm, in, null, rows);
            if (l > 0) {
                mm.mulTransB(delta, m.w[l], spare, rows, nOut, nIn, false); // δ·Wᵀ   (rows, nIn)
                if (l == code - 1 && codeLayer != null) codeLayer.backwardHeads(m, mm, in, spare, rows);
                if (l == code && codeLayer != null) codeLayer.backward(m, a[l - 1], spare, rows, perImage);
                else if (m.hidden == Activation.RELU) ew.reluBackward(a[l - 1], spare, rows * nIn); // the hot case, vectorised
                else m.hidden.backward(a[l - 1], spare, rows * nIn, nIn);
                float[] t = delta;
                delta = spare;
                spare = t;
            }
        }
    }

    /** Gradient arrays in the order of {@link Autoencoder#params()}. */
    float[][] grads() {
        float[][] own = codeLayer == null ? new float[0][] : codeLayer.grads();
        float[][] g = new float[2 * gW.length + own.length][];
        for (int l = 0; l < gW.length; l++) {
            g[2 * l] = gW[l];
            g[2 * l + 1] = gB[l];
        }
        System.arraycopy(own, 0, g, 2 * gW.length, own.length);
        return g;
    }

    /** Activations of hidden layer l (1 … L−1), i.e. a[l−1]: (rows, n_l). */
    float[] layerOutput(int l) { return a[l - 1]; }
}
