package aelab.app.model;

import aelab.engine.BatchPoint;
import aelab.engine.EpochInsights;
import aelab.engine.EpochMetrics;
import aelab.engine.Preview;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.TrainingConfig;
import aelab.engine.timeline.Timeline;
import aelab.engine.timeline.TimelineRecorder;
import aelab.data.ImageSet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One training run as the window remembers it: its settings, its curves, its latest reconstructions
 * and how it ended. Changed only on the FX thread, from snapshots the trainer sent; views read it.
 * x positions are in epochs (step / batches per epoch), so runs with different batch sizes line up.
 */
public final class Run {
    /**
     * Points per curve at most: 500 to 1,000, one or two per pixel of a chart at its usual width. A 50 ×
     * 600-batch run is thinned to this; the software rasteriser strokes every point each redraw.
     */
    public static final int CURVE_CAP = 1000;
    private static final double SMOOTHING = 0.9;

    private int id;   // changes only when Undo brings a run back whose number a newer run took
    private TrainingConfig config;
    private int colour;
    private final Curve trainBce = new Curve(CURVE_CAP), trainMse = new Curve(CURVE_CAP);
    private final Curve testBce = new Curve(CURVE_CAP), testMse = new Curve(CURVE_CAP);
    private final Smoother bceSmoother = new Smoother(SMOOTHING), mseSmoother = new Smoother(SMOOTHING);
    private final List<String> warnings = new ArrayList<>();
    private final RunRecord record = new RunRecord();
    private RunInfo info;
    private BatchPoint lastBatch;
    private EpochMetrics lastEpoch;
    private Preview preview;
    private EpochInsights insights;
    private TimelineRecorder timeline;
    private RunOutcome outcome;
    private long pausedNanos;
    private long pauseStart = -1;
    private long startStep;   // steps done before this stretch of training (a run continued from a checkpoint)
    // The pace is measured over the recent training time: from ref (between one and two PACE_WINDOW ago) to the
    // latest batch, in steps and in training nanoseconds (pauses left out). The first batch of a stretch
    // only sets ref: it carries the model's set-up and the JIT's first compilations (the first ETA of a
    // 6 s run once said 1 min 24 s).
    static final long PACE_WINDOW = 1_000_000_000L;
    private long refStep = -1, refActive, markStep, markActive;
    private Pace pace = Pace.UNKNOWN;
    private double lastWindow, windowBefore;   // nanoseconds per step in the last two whole windows; 0: none yet

    Run(int id, TrainingConfig config, int colour) {
        this.id = id;
        this.config = config;
        this.colour = colour;
    }

    public void started(RunInfo runInfo) {
        info = runInfo;
        for (String w : runInfo.warnings()) addWarning(w);
    }

    public void addBatch(BatchPoint p) {
        record.add(p);
        lastBatch = p;
        long active = p.nanos() - pausedNanos;
        if (refStep < 0) {
            refStep = markStep = p.step();
            refActive = markActive = active;
        } else if (active - markActive >= PACE_WINDOW) {
            windowBefore = lastWindow;
            lastWindow = (active - markActive) / (double) Math.max(1, p.step() - markStep);
            refStep = markStep;
            refActive = markActive;
            markStep = p.step();
            markActive = active;
        }
        pace = measurePace();
        double x = info == null ? p.step() : p.epochPosition(info.batchesPerEpoch());
        trainBce.add(x, bceSmoother.add(p.bce()));
        trainMse.add(x, mseSmoother.add(p.mse()));
    }

    public void addEpoch(EpochMetrics m) {
        record.add(m);
        lastEpoch = m;
        testBce.add(m.epoch(), m.testBce());
        testMse.add(m.epoch(), m.testMse());
    }

    public void setPreview(Preview p) { preview = p; }

    /** The run's timeline follows these test images, laid out {@code columns} a row; before its first snapshot. */
    public void followDigits(ImageSet test, int[] indices, int columns) {
        timeline = new TimelineRecorder(test, indices, columns);
    }

    /** A snapshot for the timeline (ignored when the run follows no digits). */
    public void addSnapshot(Preview p, boolean epochEnd) {
        if (timeline != null) timeline.add(p, epochEnd);
    }

    public void setInsights(EpochInsights i) {
        insights = i;
        if (timeline != null) timeline.add(i);
    }

    /** A reopened run's timeline, to go on from. */
    public void restoreTimeline(Timeline t) {
        timeline = t.isEmpty() && t.indices().length == 0 ? null : new TimelineRecorder(t);
    }

    /** Everything the run's timeline kept so far: the same object until a snapshot or an epoch's codes arrive. */
    public Timeline timeline() { return timeline == null ? Timeline.EMPTY : timeline.timeline(); }

    public void addWarning(String w) {
        if (!warnings.contains(w)) warnings.add(w);
    }

    public void finish(RunOutcome o) {
        outcome = o;
        if (pauseStart >= 0) resumed(System.nanoTime());
    }

    /** The user paused at this time (System.nanoTime()); the time until resumed() is not training time. */
    public void paused(long nanoTime) {
        if (pauseStart < 0) pauseStart = nanoTime;
    }

    /** Whether the user paused it and has not resumed it. */
    public boolean isPaused() { return pauseStart >= 0 && !isFinished(); }

    public void resumed(long nanoTime) {
        if (pauseStart >= 0) pausedNanos += nanoTime - pauseStart;
        pauseStart = -1;
    }

    /**
     * Samples per second and time left over the recent training time (over the whole stretch until there
     * is any), as of the latest batch: measured when it arrives, because until the next batch after a pause
     * the time paused is known but not yet part of any batch's time.
     */
    public Pace pace() { return pace; }

    /**
     * Whether the speed has settled: the last two whole windows took steps within 25 % of each other.
     * While the JIT warms up, the first second's batches run many times slower than the rest (3k
     * against 88k samples/s here), and no time left drawn from them would be worth showing.
     */
    private boolean settled() {
        // Once settled, settled for the rest of the run: the JIT warms up once, and a machine that later slows for
        // a moment (another program, the window) must not take a sensible time left back to "estimating".
        speedSettled |= windowBefore > 0 && lastWindow > 0
                && Math.max(lastWindow, windowBefore) <= 1.25 * Math.min(lastWindow, windowBefore);
        return speedSettled;
    }

    private boolean speedSettled;

    private Pace measurePace() {
        if (info == null || lastBatch == null) return Pace.UNKNOWN;
        long steps = lastBatch.step() - refStep, nanos = lastBatch.nanos() - pausedNanos - refActive;
        if (refStep >= 0 && steps > 0 && nanos > 0)
            return Pace.over(steps, nanos, info.totalBatches() - lastBatch.step(), config.batchSize(), settled());
        Pace whole = Pace.estimate(lastBatch.step() - startStep, info.totalBatches() - startStep, config.batchSize(),
                lastBatch.nanos() - pausedNanos);
        return whole.known() ? new Pace(whole.samplesPerSecond(), whole.secondsLeft(), false) : whole;   // one batch: not settled
    }

    /** Fraction of the run's mini-batches done, 0 to 1. */
    public double progress() {
        if (info == null || lastBatch == null || info.totalBatches() == 0) return 0;
        return Math.min(1, lastBatch.step() / (double) info.totalBatches());
    }

    public int id() { return id; }

    public TrainingConfig config() { return config; }

    /** Plans more epochs for a run that will train on (Train more epochs): its settings say the new total. */
    public void planEpochs(int total) {
        if (total < config.epochs()) throw new IllegalArgumentException("a run's epochs can only grow: " + total);
        config = config.with(aelab.engine.Settings.EPOCHS, total);
    }

    /** Index into the window's palette; distinct among the runs on the charts. */
    public int colour() { return colour; }

    /** A run put back on the charts (Undo) whose colour a newer run has taken meanwhile. */
    void recolour(int c) { colour = c; }

    void renumber(int n) { id = n; }

    public Curve trainBce() { return trainBce; }

    public Curve trainMse() { return trainMse; }

    public Curve testBce() { return testBce; }

    public Curve testMse() { return testMse; }

    public RunInfo info() { return info; }

    public BatchPoint lastBatch() { return lastBatch; }

    public EpochMetrics lastEpoch() { return lastEpoch; }

    public Preview preview() { return preview; }

    /** What the bottleneck and the extremes looked like after the latest epoch, or null before the first. */
    public EpochInsights insights() { return insights; }

    /** Seconds spent training so far (up to the latest mini-batch), pauses left out; 0 before the first. */
    public double seconds() {
        return lastBatch == null ? 0 : Math.max(0, lastBatch.nanos() - pausedNanos) / 1e9;
    }

    public List<String> warnings() { return Collections.unmodifiableList(warnings); }

    public RunOutcome outcome() { return outcome; }

    public boolean isFinished() { return outcome != null; }

    /** Every point as sent, where the run stands once ended, and its dataset: what saving keeps. */
    public RunRecord record() { return record; }

    /**
     * The run trains on from its checkpoint: it is going again, and its pace is measured from here
     * (the trainer's clock restarts at 0 for the new stretch).
     */
    public void continued() {
        outcome = null;
        startStep = lastBatch == null ? 0 : lastBatch.step();
        pausedNanos = 0;
        pauseStart = -1;
        refStep = -1;
        pace = Pace.UNKNOWN;
        lastWindow = windowBefore = 0;
        speedSettled = false;
    }
}
