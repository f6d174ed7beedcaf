package aelab.io;

import aelab.engine.Autoencoder;
import aelab.engine.BatchPoint;
import aelab.engine.Checkpoint;
import aelab.engine.EpochMetrics;
import aelab.engine.Optimizer;
import aelab.engine.Setting;
import aelab.engine.TrainingConfig;
import aelab.engine.timeline.Snapshot;
import aelab.engine.timeline.Timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One run as it is kept: its settings, where it stands (weights, optimizer state, position), the BCE
 * floor of its test images and its whole metric history. The constructor checks that all of it fits
 * together, so a SavedRun that exists can be written, and one read from a file can be trained on.
 * The checkpoint is not copied: {@link aelab.engine.Trainer#checkpoint()} already hands out copies.
 *
 * @param bceFloor mean binary entropy of the test pixels, the lowest BCE any model can reach
 * @param batches  every mini-batch point up to the checkpoint, in step order
 * @param epochs   every finished epoch up to the checkpoint, in order
 * @param label    what the UI shows for the run, e.g. "sigmoid + bce, [0,1]"
 * @param timeline its snapshots up to the checkpoint ({@link Timeline#EMPTY} for a file from before them)
 */
public record SavedRun(TrainingConfig config, Checkpoint checkpoint, double bceFloor, List<BatchPoint> batches,
                       List<EpochMetrics> epochs, String label, Timeline timeline) {

    /** A run without a timeline. */
    public SavedRun(TrainingConfig config, Checkpoint checkpoint, double bceFloor, List<BatchPoint> batches,
                    List<EpochMetrics> epochs, String label) {
        this(config, checkpoint, bceFloor, batches, epochs, label, Timeline.EMPTY);
    }

    public SavedRun {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(timeline, "timeline");
        batches = List.copyOf(batches);
        epochs = List.copyOf(epochs);
        checkSettings(config);
        checkCheckpoint(config, checkpoint);
        if (!(bceFloor >= 0) || Double.isInfinite(bceFloor))
            throw new IllegalArgumentException("bceFloor must be a finite number ≥ 0, not " + bceFloor);
        checkBatches(batches, checkpoint);
        checkEpochs(epochs, checkpoint);
        checkTimeline(timeline, checkpoint);
    }

    /**
     * A run as a trainer left it, keeping only the history its checkpoint has reached. After a
     * divergence the trainer goes back to the last good weights, and the points recorded after them
     * describe weights that no longer exist; training on from the checkpoint records them afresh.
     */
    public static SavedRun upToCheckpoint(TrainingConfig config, Checkpoint checkpoint, double bceFloor,
                                          List<BatchPoint> batches, List<EpochMetrics> epochs, String label) {
        return upToCheckpoint(config, checkpoint, bceFloor, batches, epochs, label, Timeline.EMPTY);
    }

    /** The same with the run's timeline, cut at the checkpoint too. */
    public static SavedRun upToCheckpoint(TrainingConfig config, Checkpoint checkpoint, double bceFloor,
                                          List<BatchPoint> batches, List<EpochMetrics> epochs, String label,
                                          Timeline timeline) {
        List<BatchPoint> b = new ArrayList<>();
        for (BatchPoint p : batches) if (p.step() <= checkpoint.steps()) b.add(p);
        List<EpochMetrics> e = new ArrayList<>();
        for (EpochMetrics m : epochs) if (m.epoch() <= checkpoint.epochsDone()) e.add(m);
        return new SavedRun(config, checkpoint, bceFloor, b, e, label,
                timeline.upTo(checkpoint.steps(), checkpoint.epochsDone()));
    }

    /** Whether the run has trained all its epochs. */
    public boolean finished() { return checkpoint.epochsDone() == config.epochs(); }

    static void checkSettings(TrainingConfig c) {
        if (c.layers().length < 2) throw new IllegalArgumentException("settings: give at least two layer widths");
        List<Setting.Problem> problems = c.problems(c.inputWidth());
        if (!problems.isEmpty()) throw new IllegalArgumentException("settings: " + Setting.Problem.join(problems));
    }

    private static void checkCheckpoint(TrainingConfig c, Checkpoint cp) {
        Autoencoder m = Objects.requireNonNull(cp.model(), "checkpoint model");
        Optimizer o = Objects.requireNonNull(cp.optimizer(), "checkpoint optimizer");
        if (!Arrays.equals(m.widths(), c.layers()) || m.hidden() != c.hidden() || m.output() != c.output() || m.kind() != c.kind())
            throw new IllegalArgumentException("the model (" + Arrays.toString(m.widths()) + ", " + m.hidden() + ", "
                    + m.output() + ") is not the one the settings describe");
        float[][] p = m.params();
        for (int k = 0; k < p.length; k++) requireFinite(p[k], "weights " + ParamNames.of(c.layers(), c.kind(), k));
        int[] sizes = m.paramSizes();
        Optimizer fresh = c.optimizer().create(sizes, c.learningRate());
        float[][] s = o.state(), want = fresh.state();
        if (o.getClass() != fresh.getClass() || s.length != want.length)
            throw new IllegalArgumentException("the optimizer state is not that of " + c.optimizer());
        for (int k = 0; k < s.length; k++) {
            if (s[k].length != want[k].length)
                throw new IllegalArgumentException("optimizer state " + k + " has " + s[k].length + " values, not " + want[k].length);
            requireFinite(s[k], "optimizer state " + k);
        }
        if (o.steps() < 0) throw new IllegalArgumentException("optimizer steps must be ≥ 0, not " + o.steps());
        if (cp.epochsDone() < 0 || cp.epochsDone() > c.epochs())
            throw new IllegalArgumentException("epochsDone must be between 0 and " + c.epochs() + ", not " + cp.epochsDone());
        if (cp.batchesDone() < 0) throw new IllegalArgumentException("batchesDone must be ≥ 0, not " + cp.batchesDone());
        if (cp.epochsDone() == c.epochs() && cp.batchesDone() != 0)
            throw new IllegalArgumentException("a finished run has no batches of a further epoch");
        if (cp.steps() < 0) throw new IllegalArgumentException("steps must be ≥ 0, not " + cp.steps());
        if (!Double.isFinite(cp.partialLossSum()))
            throw new IllegalArgumentException("partialLossSum must be finite, not " + cp.partialLossSum());
    }

    private static void checkBatches(List<BatchPoint> batches, Checkpoint cp) {
        long lastStep = 0;
        int lastEpoch = 1;
        for (int i = 0; i < batches.size(); i++) {
            BatchPoint p = batches.get(i);
            String at = "batch point " + i + " (step " + p.step() + ")";
            if (p.step() <= lastStep) throw new IllegalArgumentException(at + ": steps must increase, the one before is " + lastStep);
            if (p.step() > cp.steps()) throw new IllegalArgumentException(at + ": beyond the checkpoint's " + cp.steps() + " steps");
            if (p.epoch() < lastEpoch || p.epoch() > cp.epochsDone() + 1)
                throw new IllegalArgumentException(at + ": epoch " + p.epoch() + " out of order");
            if (p.batch() < 1) throw new IllegalArgumentException(at + ": batch numbers start at 1, not " + p.batch());
            if (!Double.isFinite(p.loss()) || !Double.isFinite(p.bce()) || !Double.isFinite(p.mse()))
                throw new IllegalArgumentException(at + ": losses must be finite");
            if (p.nanos() < 0) throw new IllegalArgumentException(at + ": time must be ≥ 0");
            lastStep = p.step();
            lastEpoch = p.epoch();
        }
    }

    private static void checkEpochs(List<EpochMetrics> epochs, Checkpoint cp) {
        int last = 0;
        for (EpochMetrics m : epochs) {
            if (m.epoch() <= last || m.epoch() > cp.epochsDone())
                throw new IllegalArgumentException("epoch " + m.epoch() + " out of order (after " + last
                        + ", at most " + cp.epochsDone() + " done)");
            double[] v = {m.trainLoss(), m.testLoss(), m.testBce(), m.testMse(), m.outputSum(), m.seconds()};
            for (double x : v) if (!Double.isFinite(x)) throw new IllegalArgumentException("epoch " + m.epoch() + ": figures must be finite");
            if (m.seconds() < 0) throw new IllegalArgumentException("epoch " + m.epoch() + ": seconds must be ≥ 0");
            last = m.epoch();
        }
    }

    private static void checkTimeline(Timeline t, Checkpoint cp) {
        if (t.isEmpty()) return;
        long last = t.get(t.size() - 1).step();
        if (last > cp.steps())
            throw new IllegalArgumentException("timeline: a snapshot at step " + last + ", beyond the checkpoint's " + cp.steps() + " steps");
        for (Snapshot s : t.snapshots()) {
            if (s.epoch() > cp.epochsDone() + 1) throw new IllegalArgumentException("timeline: snapshot at step " + s.step()
                    + " of epoch " + s.epoch() + ", beyond the checkpoint's");
            for (int i = 0; i < s.count(); i++)
                if (!Float.isFinite(s.lo()[i]) || !Float.isFinite(s.hi()[i]) || s.lo()[i] > s.hi()[i]
                        || !Double.isFinite(s.bce()[i]) || !Double.isFinite(s.mse()[i]) || !Double.isFinite(s.outputSum()[i]))
                    throw new IllegalArgumentException("timeline: snapshot at step " + s.step() + ", image " + i
                            + ": its range and figures must be finite");
        }
        if (!t.latents().isEmpty() && t.latents().get(t.latents().size() - 1).epoch() > cp.epochsDone())
            throw new IllegalArgumentException("timeline: codes of an epoch beyond the checkpoint's " + cp.epochsDone());
    }

    private static void requireFinite(float[] a, String what) {
        for (int i = 0; i < a.length; i++)
            if (!Float.isFinite(a[i])) throw new IllegalArgumentException(what + ": value " + i + " is " + a[i] + ", must be finite");
    }
}
