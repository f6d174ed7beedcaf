package aelab.engine;

import aelab.data.Dataset;
import aelab.data.ImageSet;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs one experiment: epochs of shuffled mini-batches, an evaluation on the test images after each,
 * progress to a {@link TrainingListener}. {@link #run()} works on the calling thread; pause, resume
 * and stop may be called from any thread and act between mini-batches, so the model is always the
 * result of whole optimizer steps. A non-finite loss stops the run and restores the last weights
 * whose loss was finite; so does a non-finite weight or optimizer state (Adam's v overflows to
 * Infinity while the loss stays finite). The state is scanned where the last good copy is kept —
 * every {@value #CHECKPOINT_EVERY} steps, at each epoch's end and whenever the run ends — so a
 * checkpoint is always finite and the scan costs no more than the copy it guards.
 */
public final class Trainer {
    private static final int CHECKPOINT_EVERY = 50; // steps between copies of the last good weights

    private final TrainingConfig config;
    private final Dataset data;
    private final TrainingListener listener;
    private final CoreLending lending;
    private final Autoencoder model;
    private final Optimizer optimizer;
    private final Autoencoder goodModel;
    private final Optimizer goodOptimizer;
    private volatile int[] previewIndices = new int[0];
    private volatile long previewIntervalNanos = 250_000_000L;
    private final RunGate gate = new RunGate();     // pause, Step, pace and stop, between mini-batches
    private volatile boolean checkpointRequested;   // set by any thread, answered by the training thread
    private volatile int insightCodes, insightExtremes;
    private int epochsDone;
    private int batchesDone;       // of the epoch after epochsDone
    private double partialLossSum; // Σ batch losses of those batches
    private long stepsDone;

    /** A new run from Glorot-initialised weights. */
    public Trainer(TrainingConfig config, Dataset data, TrainingListener listener) {
        this(config, data, listener, null);
    }

    /**
     * Trains on from a checkpoint (a copy is taken), or from fresh weights when it is null.
     *
     * @throws IllegalArgumentException with a one-line message when the run cannot fit in this Java's
     *         memory ({@link MemoryNeed#check}), before anything large is allocated
     */
    public Trainer(TrainingConfig config, Dataset data, TrainingListener listener, Checkpoint from) {
        this(config, data, listener, from, CoreLending.NONE);
    }

    /** The same, giving a core up while lending says so (a window drawing): {@link #run()} hands it to its pool. */
    public Trainer(TrainingConfig config, Dataset data, TrainingListener listener, Checkpoint from,
                   CoreLending lending) {
        MemoryNeed.check(config).ifPresent(problem -> { throw new IllegalArgumentException(problem); });
        this.config = config;
        this.data = data;
        this.listener = listener;
        this.lending = lending;
        this.model = Autoencoder.of(config);
        int[] sizes = model.paramSizes();
        this.optimizer = config.optimizer().create(sizes, config.learningRate());
        if (from != null) {
            model.copyFrom(from.model());
            optimizer.copyFrom(from.optimizer());
            epochsDone = from.epochsDone();
            batchesDone = from.batchesDone();
            partialLossSum = from.partialLossSum();
            stepsDone = from.steps();
        }
        this.goodModel = model.copy();
        this.goodOptimizer = config.optimizer().create(sizes, config.learningRate());
        keepGood();
    }

    /**
     * Where the run stands; call only when no run is in progress. Always finite: should the weights or
     * the optimizer state not be (a run that failed part-way), the last good state is handed out.
     */
    public Checkpoint checkpoint() {
        boolean sound = nonFinite() == null;
        Optimizer o = config.optimizer().create(model.paramSizes(), config.learningRate());
        o.copyFrom(sound ? optimizer : goodOptimizer);
        return sound ? new Checkpoint(model.copy(), o, epochsDone, batchesDone, partialLossSum, stepsDone)
                : new Checkpoint(goodModel.copy(), o, goodEpochs, goodBatches, goodLossSum, goodSteps);
    }

    /**
     * Asks for a copy of where the run stands while it goes on, from any thread. The training thread
     * answers with {@link TrainingListener#checkpoint} between two mini-batches, after the step and the
     * checks on it (never part-way through an epoch's end); while paused it answers at once, from the
     * wait. A stopped or ended run answers nothing: its {@link #checkpoint()} is then safe to call.
     * A request made while the state is not finite is dropped (the run is about to diverge and go back).
     */
    public void requestCheckpoint() {
        checkpointRequested = true;
        gate.wake();   // a paused trainer wakes to answer, then waits again
    }

    public TrainingConfig config() { return config; }

    /** The model; read it only when no run is in progress (before run() or after it returned). */
    public Autoencoder model() { return model; }

    public Optimizer optimizer() { return optimizer; }

    public int epochsDone() { return epochsDone; }

    /** Test images whose reconstructions are sent as {@link Preview}s, at most every interval. */
    public void setPreview(int[] testIndices, long intervalMillis) {
        previewIndices = testIndices.clone();
        previewIntervalNanos = intervalMillis * 1_000_000L;
    }

    /**
     * Asks for {@link EpochInsights} after each epoch: the PCA of the bottleneck codes of the first
     * codes test images, and the extremes best and worst reconstructed ones. 0, 0 turns them off.
     */
    public void setInsights(int codes, int extremes) {
        insightCodes = codes;
        insightExtremes = extremes;
    }

    public void pause() { gate.pause(); }

    public void resume() { gate.resume(); }

    /**
     * A watching pace: at most this many mini-batches a second, so that a person can follow the first
     * epoch (0 goes back to full speed). Any thread; it acts from the next batch. The wait between
     * batches ends at once on stop, pause or a change of pace.
     */
    public void setPace(double batchesPerSecond) { gate.setPace(batchesPerSecond); }

    /** Pauses (if it was not) and lets the run take the given number of mini-batches more, then wait again. */
    public void step(int batches) { gate.step(batches); }

    /** Pauses (if it was not) and lets the run go on to the end of its epoch, evaluation included, then wait. */
    public void stepEpoch() { gate.stepEpoch(); }

    public void stop() { gate.stop(); }

    /** Trains to the end (or until stopped) on its own threads; returns how it ended, also sent to the listener. */
    public RunOutcome run() {
        try (WorkerPool pool = new WorkerPool(threadsFor(config), lending)) {
            return run(pool);
        }
    }

    /** The same on a pool shared with other runs (side-by-side training). */
    public RunOutcome run(WorkerPool pool) {
        RunOutcome outcome = open(pool);
        while (outcome == null) outcome = advance();
        return outcome;
    }

    static int threadsFor(TrainingConfig c) {
        return Math.max(1, Math.min(c.effectiveThreads(), c.batchSize()));
    }

    // The state of an open run, between open() and the outcome.
    private DataParallel dp;
    private int[] order;
    private int count, batch, batches, epoch;
    private long start, epochStart, lastPreview;

    /** Prepares the run and announces it; the outcome if it cannot start, else null. */
    RunOutcome open(WorkerPool pool) {
        ImageSet train = data.train(), test = data.test();
        List<Setting.Problem> problems = config.problems(train.imageSize());
        if (!problems.isEmpty())
            return finish(new RunOutcome(RunOutcome.Status.FAILED, Setting.Problem.join(problems), 0, 0));
        try {
            count = config.trainCount(train.count());
            batch = config.batchFor(count);
            batches = (count + batch - 1) / batch;
            dp = new DataParallel(model, pool, batch, config);
            RunInfo info = new RunInfo(config, count, config.testLimit() == 0 ? test.count()
                    : Math.min(config.testLimit(), test.count()), batches,
                    Entropy.bceFloor(test, config.testLimit()), List.copyOf(config.warnings()), dp.kernelName(),
                    pool.size());
            listener.started(info);
            order = new int[count];
            start = System.nanoTime();
            lastPreview = start;
            if (stepsDone == 0) sendSnapshot(0, false);   // the fresh weights; a run trained on has its own already
            else sendPreview(epochsDone, stepsDone);
            epoch = epochsDone;
            return epoch >= config.epochs() ? finished() : null;
        } catch (RuntimeException | OutOfMemoryError e) {
            return failed(e);
        }
    }

    /**
     * One mini-batch, followed by the evaluation when it ends an epoch. Waits here while paused.
     * Returns null while the run goes on, else how it ended.
     */
    RunOutcome advance() {
        try {
            if (!gate.awaitGo(this::answerFromTheWait) || !gate.awaitPace())
                return finish(nonFinite() == null ? stopped() : diverged(epoch, batchesDone, nonFinite()));
            ImageSet train = data.train();
            if (epochStart == 0) beginEpoch();
            int b = batchesDone, from = b * batch, rows = Math.min(batch, count - from);
            double n = (double) rows * model.width(model.layerCount()), divisor = dp.lossDivisor(rows);
            if (!dp.step(train.pixels(), order, from, rows, config.scale(), config.loss(), optimizer, stepsDone + 1))
                return finish(diverged(epoch, b + 1, "the loss became " + dp.sums(0) / divisor));
            stepsDone++;
            batchesDone = b + 1;
            double loss = dp.sums(0) / divisor;
            partialLossSum += loss;
            listener.batch(new BatchPoint(epoch, b + 1, stepsDone, loss, dp.sums(1) / n, dp.sums(2) / n,
                    System.nanoTime() - start));
            if (stepsDone % CHECKPOINT_EVERY == 0) {
                String bad = nonFinite();
                if (bad != null) return finish(diverged(epoch, b + 1, bad));
                keepGood();
            }
            long now = System.nanoTime();
            if (SnapshotSchedule.takes(stepsDone) && batchesDone < batches) {   // an epoch's end sends its own, below
                sendSnapshot(epoch, false);
                lastPreview = now;
            } else if (now - lastPreview >= previewIntervalNanos) {
                sendPreview(epoch, stepsDone);
                lastPreview = now;
            }
            RunOutcome ended = batchesDone == batches ? endEpoch() : null;
            // Here, not before endEpoch: with every batch of the epoch done but its evaluation not yet,
            // (epochsDone, batchesDone = batches) is no place a trainer can start from.
            if (ended == null && checkpointRequested) handOutCheckpoint();
            return ended;
        } catch (RuntimeException | OutOfMemoryError e) {
            return failed(e);
        }
    }

    /**
     * Sends a copy of the state between two mini-batches, on the training thread: as {@link #checkpoint()}
     * builds it, when finite. The scan and the copy cost about one copy of the weights and the optimizer
     * state (a few MB for the default model), a fraction of one mini-batch, asked for every few seconds.
     */
    private void handOutCheckpoint() {
        checkpointRequested = false;   // before the copy: a request made meanwhile is answered next time
        if (nonFinite() != null) return;
        Checkpoint c;
        try {
            Optimizer o = config.optimizer().create(model.paramSizes(), config.learningRate());
            o.copyFrom(optimizer);
            c = new Checkpoint(model.copy(), o, epochsDone, batchesDone, partialLossSum, stepsDone);
        } catch (OutOfMemoryError e) {
            // MemoryNeed counts the end's checkpoint, not these: a run that only just fits goes on without
            // them rather than failing (the half-made copy is garbage again once this returns)
            return;
        }
        listener.checkpoint(c);
    }

    private void beginEpoch() {
        epoch = epochsDone + 1;
        epochStart = System.nanoTime();
        shuffle(order, config.seed(), epoch);
    }

    private RunOutcome endEpoch() {
        int testCount = config.testLimit() == 0 ? data.test().count() : Math.min(config.testLimit(), data.test().count());
        boolean insight = insightCodes > 0 || insightExtremes > 0;
        DataParallel.Detail detail = insight ? new DataParallel.Detail(model, testCount, insightCodes, dp.threads()) : null;
        Evaluation e = dp.evaluate(data.test(), config.testLimit(), config.scale(), config.loss(), detail);
        if (!Double.isFinite(e.loss())) return finish(diverged(epoch, batches, "the test loss became " + e.loss()));
        String bad = nonFinite();
        if (bad != null) return finish(diverged(epoch, batches, bad));
        double trainLoss = partialLossSum / batches;
        epochsDone = epoch;
        batchesDone = 0;
        partialLossSum = 0;
        gate.epochEnded();   // Step epoch: this one is done
        keepGood();
        sendSnapshot(epoch, true);
        listener.epoch(new EpochMetrics(epoch, trainLoss, e.loss(), e.bce(), e.mse(), e.outputSum(),
                (System.nanoTime() - epochStart) / 1e9, e.kind()));
        if (detail != null) listener.insights(Insights.of(epoch, detail, data.test(), insightExtremes, model,
                images -> dp.preview(data.test(), images, config.scale(), stepsDone, epoch, false)));
        epochStart = 0;
        return epochsDone >= config.epochs() ? finished() : null;
    }

    private RunOutcome finished() {
        return finish(new RunOutcome(RunOutcome.Status.FINISHED, "finished " + config.epochs() + (config.epochs() == 1 ? " epoch" : " epochs"),
                epochsDone, stepsDone));
    }

    private RunOutcome failed(Throwable e) {
        String why = e instanceof OutOfMemoryError ? "out of memory: the run " + MemoryNeed.of(config).describe(Runtime.getRuntime().maxMemory())
                : e.toString();
        return finish(new RunOutcome(RunOutcome.Status.FAILED, "training failed: " + why, epochsDone, stepsDone));
    }

    private RunOutcome finish(RunOutcome outcome) {
        dp = null;
        listener.finished(outcome);
        return outcome;
    }

    private void sendPreview(int epoch, long step) {
        int[] idx = previewIndices;
        if (idx.length > 0) listener.preview(dp.preview(data.test(), idx, config.scale(), step, epoch));
    }

    /** A preview of the current weights for the timeline, and as the latest preview. */
    private void sendSnapshot(int epoch, boolean epochEnd) {
        int[] idx = previewIndices;
        if (idx.length == 0) return;
        Preview p = dp.preview(data.test(), idx, config.scale(), stepsDone, epoch);
        listener.snapshot(p, epochEnd);
        listener.preview(p);
    }

    /**
     * The order of an epoch: a Fisher–Yates shuffle of 0 … n−1 seeded by (seed, epoch) alone, so a run
     * continued from a checkpoint sees the same batches as one that never stopped.
     */
    static void shuffle(int[] a, long seed, int epoch) {
        for (int i = 0; i < a.length; i++) a[i] = i;
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1), t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Paused between batches the state is whole: a checkpoint asked for meanwhile is handed out from the wait. */
    private void answerFromTheWait() {
        if (checkpointRequested) handOutCheckpoint();
    }

    private int goodEpochs, goodBatches;
    private double goodLossSum;
    private long goodSteps;

    private void keepGood() {
        goodModel.copyFrom(model);
        goodOptimizer.copyFrom(optimizer);
        goodEpochs = epochsDone;
        goodBatches = batchesDone;
        goodLossSum = partialLossSum;
        goodSteps = stepsDone;
    }

    private RunOutcome stopped() {
        return new RunOutcome(RunOutcome.Status.STOPPED, "stopped after " + stepsDone + " batches ("
                + epochsDone + (epochsDone == 1 ? " whole epoch)" : " whole epochs)"), epochsDone, stepsDone);
    }

    /** What is not finite in the weights or the optimizer state, or null when all of it is. */
    private String nonFinite() {
        if (!model.isFinite()) return "a weight became infinite or NaN";
        if (!optimizer.isFinite()) return "the optimizer's state overflowed to Infinity or NaN (while the loss was still finite)";
        return null;
    }

    /** Said once, in the outcome: listeners show it from there (the CLI prints it, the window diagnoses it). */
    private RunOutcome diverged(int epoch, int batch, String what) {
        model.copyFrom(goodModel);
        optimizer.copyFrom(goodOptimizer);
        epochsDone = goodEpochs;
        batchesDone = goodBatches;
        partialLossSum = goodLossSum;
        stepsDone = goodSteps;
        String msg = "training diverged: " + what + " at epoch " + epoch + ", batch " + batch
                + "; the weights are back to the last ones with a finite loss (step " + goodSteps
                + "). Try a lower learning rate or scale pixels to [0,1].";
        return new RunOutcome(RunOutcome.Status.DIVERGED, msg, epochsDone, stepsDone);
    }
}
