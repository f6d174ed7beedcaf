package aelab.engine;

import aelab.data.ImageSet;
import aelab.engine.kernel.MatMul;
import aelab.engine.kernel.MatMuls;

/**
 * Splits each mini-batch over the workers of a {@link WorkerPool}: worker w takes rows
 * [B·w/n, B·(w+1)/n) into its own {@link Workspace}, runs forward and backward with its own kernel,
 * then every worker sums the n gradients over its share of each parameter array and applies the
 * optimizer there. Two hand-offs per batch, nothing allocated; the sums are always taken in worker
 * order, so the same thread count gives the same numbers.
 */
final class DataParallel {
    private final Autoencoder model;
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
    private float factor, scale, yScale, pDivisor;
    private Loss loss;
    private Optimizer optimizer;
    // The pool's tasks, made once: a method reference written at the call would be a new object each batch.
    private final java.util.function.IntConsumer forwardBackward = this::forwardBackward,
            reduceAndUpdate = this::reduceAndUpdate, forwardOnly = this::forwardOnly;

    DataParallel(Autoencoder model, WorkerPool pool, int rowsPerBatch) {
        this.model = model;
        this.pool = pool;
        int threads = pool.size();
        capacity = Math.max(1, (rowsPerBatch + threads - 1) / threads);
        ws = new Workspace[threads];
        mm = new MatMul[threads];
        grads = new float[threads][][];
        for (int w = 0; w < threads; w++) {
            ws[w] = new Workspace(model.widths, capacity);
            mm[w] = MatMuls.best();
            grads[w] = ws[w].grads();
        }
        params = model.params();
    }

    int threads() { return ws.length; }

    String kernelName() { return mm[0].name(); }

    /**
     * One training step on images order[from … from+rows) of pixels. Returns false, leaving the model
     * untouched, when the batch loss is not finite. The batch's sums are then in {@link #sums}.
     */
    boolean step(byte[] pixels, int[] order, int from, int rows, Scale sc, Loss loss, Optimizer opt) {
        this.pixels = pixels;
        this.order = order;
        this.from = from;
        this.rows = rows;
        this.factor = sc.factor();
        this.loss = loss;
        this.yScale = sc.toUnit();
        this.pDivisor = sc.outputDivisor(model.output);
        this.scale = 1f / ((float) rows * model.widths[model.widths.length - 1]);
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
        s.load(pixels, order, from + r0, r1 - r0, factor);
        s.forward(model, mm[w], r1 - r0);
        s.lossAndDelta(model, loss, r1 - r0, scale);
        boolean lossIsBce = Workspace.fromLogits(model, loss) && yScale == 1f && pDivisor == 1f;
        if (lossIsBce) s.bceSum = s.lossSum; // the same BCE, from the logits; saves two logs a pixel
        s.metrics(r1 - r0, yScale, pDivisor, !lossIsBce);
        s.backward(model, mm[w], r1 - r0);
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
     * which = 0 trained loss, 1 BCE on [0,1], 2 MSE on [0,1], 3 Σ outputs.
     */
    double sums(int which) {
        double s = 0;
        for (Workspace w : ws) {
            s += switch (which) {
                case 0 -> w.lossSum;
                case 1 -> w.bceSum;
                case 2 -> w.mseSum;
                default -> w.outputSum;
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

    /** The same, also filling detail (sized for the same images) when it is not null. */
    Evaluation evaluate(ImageSet set, int limit, Scale sc, Loss loss, Detail detail) {
        this.detail = detail;
        int count = limit <= 0 ? set.count() : Math.min(limit, set.count());
        int[] identity = new int[count];
        for (int i = 0; i < count; i++) identity[i] = i;
        double l = 0, bce = 0, mse = 0, sum = 0;
        int chunk = capacity * ws.length;
        this.pixels = set.pixels();
        this.order = identity;
        this.factor = sc.factor();
        this.loss = loss;
        this.yScale = sc.toUnit();
        this.pDivisor = sc.outputDivisor(model.output);
        for (int start = 0; start < count; start += chunk) {
            this.from = start;
            this.rows = Math.min(chunk, count - start);
            pool.run(forwardOnly);
            l += sums(0);
            bce += sums(1);
            mse += sums(2);
            sum += sums(3);
        }
        this.detail = null;
        double d = model.widths[model.widths.length - 1], n = (double) count * d;
        return new Evaluation(l / n, bce / n, mse / n, sum / count, count);
    }

    private void forwardOnly(int w) {
        int n = ws.length, r0 = WorkerPool.split(rows, n, w), r1 = WorkerPool.split(rows, n, w + 1);
        Workspace s = ws[w];
        s.lossSum = s.bceSum = s.mseSum = s.outputSum = 0;
        if (r1 == r0) return;
        s.load(pixels, order, from + r0, r1 - r0, factor);
        s.forward(model, mm[w], r1 - r0);
        s.lossOnly(model, loss, r1 - r0);
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

    /** Reconstructions of the given images, on the caller's thread with worker 0's kernel. */
    Preview preview(ImageSet set, int[] indices, Scale sc, long step, int epoch) {
        int count = indices.length, d = model.widths[model.widths.length - 1];
        if (previewSpace == null || previewSpace.capacity < count) previewSpace = new Workspace(model.widths, count);
        Workspace s = previewSpace;
        s.load(set.pixels(), indices, 0, count, sc.factor());
        s.forward(model, mm[0], count);
        float[] p = s.output(), pixels = new float[count * d];
        float inv = 1f / sc.outputDivisor(model.output);
        for (int j = 0; j < count * d; j++) pixels[j] = p[j] * inv;
        double[] bce = new double[count], mse = new double[count], sum = new double[count];
        s.rowMetrics(count, sc.toUnit(), sc.outputDivisor(model.output), bce, mse, sum, 0);
        return new Preview(step, epoch, indices.clone(), d, pixels, bce, mse, sum);
    }

}
