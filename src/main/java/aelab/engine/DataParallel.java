package aelab.engine;

import aelab.data.ImageSet;
import aelab.engine.kernel.MatMul;
import aelab.engine.kernel.MatMuls;

import java.util.Arrays;

/**
 * Splits each mini-batch over the workers of a {@link WorkerPool}: worker w takes rows
 * [B·w/n, B·(w+1)/n) into its own {@link Workspace}, runs forward and backward with its own kernel,
 * then every worker sums the n gradients over its share of each parameter array and applies the
 * optimizer there. Two hand-offs per batch, nothing allocated; the sums are always taken in worker
 * order, so the same thread count gives the same numbers. The model's kind acts in each workspace
 * ({@link CodeLayer}) and here: a denoising step corrupts its rows ({@link Corruption}); rows that
 * sample draw from streams keyed by (seed, step, row in the batch), so threads do not change them.
 */
final class DataParallel {
    private final Autoencoder model;
    private final ModelKind kind;
    private final Noise noise;
    private final long seed;
    private final WorkerPool pool;
    private final Workspace[] ws;
    private final MatMul[] mm;
    private final float[][] params;
    private final float[][][] grads; // [worker][param]
    private final int capacity;

    // The current batch, read by the workers; written only between pool runs.
    private byte[] pixels;
    private int[] order;
    private int from, rows;
    private float factor, scale, yScale, pDivisor, perImage;
    private long step;        // the training step, or RowKeys.TEST_STEP for test-time draws
    private boolean noisy;    // evaluation on the fixed noisy test inputs
    private Loss loss;
    private Optimizer optimizer;
    // The pool's tasks, made once: a method reference written at the call would be a new object each batch.
    private final java.util.function.IntConsumer forwardBackward = this::forwardBackward,
            reduceAndUpdate = this::reduceAndUpdate, forwardOnly = this::forwardOnly;

    /** A plain model's step, or any model's with its kind's parameters at their defaults. */
    DataParallel(Autoencoder model, WorkerPool pool, int rowsPerBatch) {
        this(model, pool, rowsPerBatch, TrainingConfig.defaults().with(Settings.KIND, model.kind));
    }

    /** The kind's parameters (noise, λ, β) and the seed of its random streams come from config. */
    DataParallel(Autoencoder model, WorkerPool pool, int rowsPerBatch, TrainingConfig config) {
        this.model = model;
        this.pool = pool;
        this.kind = model.kind;
        this.noise = config.noise();
        this.seed = config.seed();
        this.l1 = config.l1();
        this.beta = config.beta();
        int threads = pool.size();
        capacity = Math.max(1, (rowsPerBatch + threads - 1) / threads);
        ws = new Workspace[threads];
        mm = new MatMul[threads];
        grads = new float[threads][][];
        for (int w = 0; w < threads; w++) {
            ws[w] = new Workspace(model, capacity, l1, beta, kind == ModelKind.DENOISING);
            mm[w] = MatMuls.best();
            grads[w] = ws[w].grads();
        }
        params = model.params();
    }

    private final double l1, beta;

    int threads() { return ws.length; }

    /**
     * What the trained loss's sums are divided by to give the batch's loss: images × pixels for a mean
     * per pixel, images for the VAE's nats per image.
     */
    double lossDivisor(int rows) {
        return kind.lossPerImage() ? rows : (double) rows * model.widths[model.widths.length - 1];
    }

    String kernelName() { return mm[0].name(); }

    /**
     * One training step on images order[from … from+rows) of pixels. Returns false, leaving the model
     * untouched, when the batch loss is not finite. The batch's sums are then in {@link #sums}.
     */
    boolean step(byte[] pixels, int[] order, int from, int rows, Scale sc, Loss loss, Optimizer opt) {
        return step(pixels, order, from, rows, sc, loss, opt, 0);
    }

    /** The same as training step number `step` (1, 2, …), whose number keys the rows' random streams. */
    boolean step(byte[] pixels, int[] order, int from, int rows, Scale sc, Loss loss, Optimizer opt, long step) {
        this.pixels = pixels;
        this.order = order;
        this.from = from;
        this.rows = rows;
        this.step = step;
        this.noisy = kind == ModelKind.DENOISING;
        this.factor = sc.factor();
        this.loss = loss;
        this.yScale = sc.toUnit();
        this.pDivisor = sc.outputDivisor(model.output);
        this.perImage = 1f / rows;
        this.scale = (float) (1.0 / lossDivisor(rows));
        pool.run(forwardBackward);
        if (!Double.isFinite(sums(0))) return false;
        this.optimizer = opt;
        opt.beginStep();
        pool.run(reduceAndUpdate);
        return true;
    }

    private void forwardBackward(int w) {
        int n = ws.length, r0 = WorkerPool.split(rows, n, w), r1 = WorkerPool.split(rows, n, w + 1);
        Workspace s = ws[w];
        s.lossSum = s.bceSum = s.mseSum = s.outputSum = 0;
        if (r1 == r0) { // fewer rows than workers: this one adds a zero gradient
            for (float[] g : grads[w]) java.util.Arrays.fill(g, 0f);
            return;
        }
        prepare(s, r0, r1);
        s.forward(model, mm[w], r1 - r0, true);
        s.lossAndDelta(model, loss, r1 - r0, scale);
        boolean lossIsBce = Workspace.fromLogits(model, loss) && yScale == 1f && pDivisor == 1f;
        if (lossIsBce) s.bceSum = s.lossSum; // the same BCE, from the logits; saves two logs a pixel
        s.lossSum += penalty(s);
        s.metrics(r1 - r0, yScale, pDivisor, !lossIsBce);
        s.backward(model, mm[w], r1 - r0, perImage);
    }

    /**
     * Loads the worker's rows [r0, r1) of the batch and gives each its random stream: the noise of a
     * denoising step (or the fixed noise of a noisy test image), a VAE's ε.
     */
    private void prepare(Workspace s, int r0, int r1) {
        s.load(pixels, order, from + r0, r1 - r0, factor);
        boolean test = step == RowKeys.TEST_STEP;
        if (noisy) {
            for (int r = r0; r < r1; r++)
                s.keys[r - r0] = test ? Corruption.testKey(order[from + r]) : RowKeys.of(seed, RowKeys.NOISE, step, r);
            s.corrupt(noise, r1 - r0, 255f * factor);
        }
        if (kind == ModelKind.VAE)
            for (int r = r0; r < r1; r++)
                s.keys[r - r0] = RowKeys.of(seed, RowKeys.EPSILON, step, test ? order[from + r] : r);
    }

    /** The kind's loss term in the units of the loss's sums: per image × pixels for a per-pixel loss. */
    private double penalty(Workspace s) {
        return s.penaltySum * (kind.lossPerImage() ? 1 : model.widths[model.widths.length - 1]);
    }

    /** Worker w sums the gradients of its share of every array, then updates that share. */
    private void reduceAndUpdate(int w) {
        int n = ws.length;
        for (int k = 0; k < params.length; k++) {
            int len = params[k].length, i0 = WorkerPool.split(len, n, w), i1 = WorkerPool.split(len, n, w + 1);
            float[] g = grads[0][k];
            for (int v = 1; v < n; v++) {
                float[] gv = grads[v][k];
                for (int i = i0; i < i1; i++) g[i] += gv[i];
            }
            optimizer.update(k, params[k], g, i0, i1);
        }
    }

    /**
     * Sums of the last step or evaluation over all workers, in worker order:
     * which = 0 trained loss, 1 BCE on [0,1], 2 MSE on [0,1], 3 Σ outputs; of an evaluation also
     * 4 a VAE's KL, 5 a sparse code's Σ|code|, 6 its values below {@link SparseCode#ZERO}.
     */
    double sums(int which) {
        double s = 0;
        for (Workspace w : ws) {
            s += switch (which) {
                case 0 -> w.lossSum;
                case 1 -> w.bceSum;
                case 2 -> w.mseSum;
                case 3 -> w.outputSum;
                case 4 -> w.klSum;
                case 5 -> w.codeAbsSum;
                default -> w.codeZeros;
            };
        }
        return s;
    }

    /** Per-image figures an evaluation can also collect (see {@link EpochInsights}). */
    static final class Detail {
        final double[] bce, mse, sum; // per image
        final float[] codes;          // (codeCount, bottleneck width)
        final int codeCount, codeLayer, codeWidth;
        final boolean[][][] fired;    // [worker][hidden layer − 1][unit]

        Detail(Autoencoder m, int count, int codeCount, int workers) {
            bce = new double[count];
            mse = new double[count];
            sum = new double[count];
            codeLayer = m.bottleneckLayer();
            codeWidth = m.widths[codeLayer];
            this.codeCount = Math.min(codeCount, count);
            codes = new float[this.codeCount * codeWidth];
            fired = new boolean[workers][m.widths.length - 2][];
            for (boolean[][] f : fired) for (int l = 0; l < f.length; l++) f[l] = new boolean[m.widths[l + 1]];
        }
    }

    private Detail detail;

    /** Means over the first limit images of a set (all when limit is 0 or too large). */
    Evaluation evaluate(ImageSet set, int limit, Scale sc, Loss loss) {
        return evaluate(set, limit, sc, loss, null);
    }

    /**
     * The same, also filling detail (sized for the same images) when it is not null. The kind's figures
     * come with it: a denoising run's from a second pass over the fixed noisy test inputs; a VAE's loss
     * from one seeded sample per image, its BCE and MSE from the reconstruction of μ.
     */
    Evaluation evaluate(ImageSet set, int limit, Scale sc, Loss loss, Detail detail) {
        this.detail = detail;
        int count = limit <= 0 ? set.count() : Math.min(limit, set.count());
        double[] t = pass(set, count, sc, loss, false);
        this.detail = null;
        double d = model.widths[model.widths.length - 1], n = (double) count * d;
        double noisyBce = Double.NaN, noisyMse = Double.NaN, codeL1 = Double.NaN, zeros = Double.NaN,
                recon = Double.NaN, kl = Double.NaN;
        if (kind == ModelKind.DENOISING) {
            double[] noisyT = pass(set, count, sc, loss, true);
            noisyBce = noisyT[1] / n;
            noisyMse = noisyT[2] / n;
        } else if (kind == ModelKind.SPARSE) {
            codeL1 = t[5] / count;
            zeros = t[6] / ((double) count * model.widths[model.bottleneckLayer()]);
        } else if (kind == ModelKind.VAE) {
            kl = t[4] / count;
            recon = t[0] / count - beta * kl;
        }
        return new Evaluation(t[0] / (kind.lossPerImage() ? count : n), t[1] / n, t[2] / n, t[3] / count, count,
                new KindFigures(noisyBce, noisyMse, codeL1, zeros, recon, kl));
    }

    /** Sums 0 … 6 of {@link #sums} over the first count images, on the clean or the noisy test inputs. */
    private double[] pass(ImageSet set, int count, Scale sc, Loss loss, boolean noisyInputs) {
        int[] identity = new int[count];
        for (int i = 0; i < count; i++) identity[i] = i;
        double[] t = new double[7];
        int chunk = capacity * ws.length;
        this.pixels = set.pixels();
        this.order = identity;
        this.step = RowKeys.TEST_STEP;
        this.noisy = noisyInputs;
        this.factor = sc.factor();
        this.loss = loss;
        this.yScale = sc.toUnit();
        this.pDivisor = sc.outputDivisor(model.output);
        for (int start = 0; start < count; start += chunk) {
            this.from = start;
            this.rows = Math.min(chunk, count - start);
            pool.run(forwardOnly);
            for (int k = 0; k < t.length; k++) t[k] += sums(k);
        }
        return t;
    }

    private void forwardOnly(int w) {
        int n = ws.length, r0 = WorkerPool.split(rows, n, w), r1 = WorkerPool.split(rows, n, w + 1);
        Workspace s = ws[w];
        s.lossSum = s.bceSum = s.mseSum = s.outputSum = s.klSum = s.codeAbsSum = s.codeZeros = 0;
        if (r1 == r0) return;
        prepare(s, r0, r1);
        boolean vae = kind == ModelKind.VAE;
        s.forward(model, mm[w], r1 - r0, vae);   // a VAE's test loss is of one seeded sample per image
        s.lossOnly(model, loss, r1 - r0);
        s.lossSum += penalty(s);
        if (s.codeLayer instanceof SparseCode sparse) {
            s.codeAbsSum = sparse.absSum;
            s.codeZeros = sparse.zeros;
        } else if (s.codeLayer instanceof VaeCode v) {
            s.klSum = v.klSum;
            s.forward(model, mm[w], r1 - r0, false);   // its BCE and MSE are of the decoded μ
        }
        Detail dt = detail;
        if (dt == null) {
            s.rowMetrics(r1 - r0, yScale, pDivisor, null, null, null, 0);
            return;
        }
        s.rowMetrics(r1 - r0, yScale, pDivisor, dt.bce, dt.mse, dt.sum, from + r0);
        s.markFiring(r1 - r0, dt.fired[w]);
        int first = from + r0, last = Math.min(from + r1, dt.codeCount);
        if (first < last)
            System.arraycopy(s.layerOutput(dt.codeLayer), 0, dt.codes, first * dt.codeWidth, (last - first) * dt.codeWidth);
    }

    private Workspace previewSpace;

    /**
     * Reconstructions of the given images, on the caller's thread with worker 0's kernel; a VAE's from μ.
     * With noisyInputs (a denoising run) they are of the fixed noisy versions of the images
     * ({@link Corruption#testInput}), the per-image figures against the clean ones.
     */
    Preview preview(ImageSet set, int[] indices, Scale sc, long step, int epoch) {
        return preview(set, indices, sc, step, epoch, kind == ModelKind.DENOISING);
    }

    Preview preview(ImageSet set, int[] indices, Scale sc, long step, int epoch, boolean noisyInputs) {
        int count = indices.length, d = model.widths[model.widths.length - 1];
        if (previewSpace == null || previewSpace.capacity < count)
            previewSpace = new Workspace(model, count, l1, beta, kind == ModelKind.DENOISING);
        Workspace s = previewSpace;
        s.load(set.pixels(), indices, 0, count, sc.factor());
        if (noisyInputs && kind == ModelKind.DENOISING) {
            for (int r = 0; r < count; r++) s.keys[r] = Corruption.testKey(indices[r]);
            s.corrupt(noise, count, 255f * sc.factor());
        }
        s.forward(model, mm[0], count);
        float[] p = s.output(), pixels = new float[count * d];
        float inv = 1f / sc.outputDivisor(model.output);
        for (int j = 0; j < count * d; j++) pixels[j] = p[j] * inv;
        double[] bce = new double[count], mse = new double[count], sum = new double[count];
        s.rowMetrics(count, sc.toUnit(), sc.outputDivisor(model.output), bce, mse, sum, 0);
        int k = model.widths[model.bottleneckLayer()];
        float[] codes = s.codeLayer instanceof SparseCode ? Arrays.copyOf(s.layerOutput(model.bottleneckLayer()), count * k) : null;
        float[] samples = kind == ModelKind.VAE ? samples(s, count) : null;   // as many as digits shown: a row under them
        return new Preview(step, epoch, indices.clone(), d, pixels, bce, mse, sum, samples, codes);
    }

    /**
     * The decoder's pictures of n fixed draws z_i ~ N(0, I) (the same draws at every preview of the run,
     * so the row shows the decoder changing, not the draws).
     */
    private float[] samples(Workspace s, int n) {
        int k = model.widths[model.bottleneckLayer()], d = model.widths[model.widths.length - 1];
        float[] z = new float[n * k];
        for (int i = 0; i < n; i++) {
            java.util.SplittableRandom rng = new java.util.SplittableRandom(RowKeys.of(seed, RowKeys.PRIOR, 0, i));
            for (int j = 0; j < k; j++) z[i * k + j] = (float) rng.nextGaussian();
        }
        s.decode(model, mm[0], n, z);
        return Arrays.copyOf(s.output(), n * d);
    }

}
