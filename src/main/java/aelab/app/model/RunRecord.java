package aelab.app.model;

import aelab.engine.BatchPoint;
import aelab.engine.Checkpoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.TrainingConfig;
import aelab.io.SavedRun;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a run leaves behind to be kept: every batch point and epoch exactly as the trainer sent them
 * (the charts' curves are smoothed and thinned), where it stands once it has ended, and the dataset it
 * was trained on. Saving turns it into a {@link SavedRun}; opening a file replays a SavedRun through
 * {@link Run}, so a reopened run's curves are drawn by the very code that drew them live.
 */
public final class RunRecord {
    private final List<BatchPoint> batches = new ArrayList<>();
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private Checkpoint checkpoint;
    private Checkpoint liveCheckpoint;
    private Runnable checkpointRequest;
    private String dataset;

    void add(BatchPoint p) { batches.add(p); }

    void add(EpochMetrics m) { epochs.add(m); }

    public List<BatchPoint> batches() { return Collections.unmodifiableList(batches); }

    public List<EpochMetrics> epochs() { return Collections.unmodifiableList(epochs); }

    /** Where the run stood when it ended (weights, optimizer, position); null while going or when it failed. */
    public Checkpoint checkpoint() { return checkpoint; }

    public void setCheckpoint(Checkpoint c) { checkpoint = c; }

    /**
     * The latest copy the trainer handed out while the run was going (asked for by {@link #requestCheckpoint}),
     * or null: for the recovery copy, which may not stop the run to take one.
     */
    public Checkpoint liveCheckpoint() { return liveCheckpoint; }

    public void setLiveCheckpoint(Checkpoint c) { liveCheckpoint = c; }

    /**
     * Asks the trainer sending to this run, if any, for a checkpoint; it arrives later, through the run's
     * bridge, as {@link #liveCheckpoint()}. The session sets who asks while a trainer is live, and clears it after.
     */
    public void requestCheckpoint() {
        Runnable r = checkpointRequest;
        if (r != null) r.run();
    }

    public void setCheckpointRequest(Runnable request) { checkpointRequest = request; }

    /** The name of the dataset the run was trained on, as {@link aelab.data.Dataset#name()} gives it. */
    public String dataset() { return dataset; }

    public void setDataset(String name) { dataset = name; }

    /**
     * The run as an experiment file keeps it, or null when there is nothing to keep: it failed (its
     * weights may be half-updated), or has not ended. The history stops at the checkpoint (a diverged
     * run went back to its last good weights).
     */
    public static SavedRun toSaved(Run run) {
        RunRecord r = run.record();
        if (r.checkpoint == null || run.info() == null || !run.isFinished()
                || run.outcome().status() == RunOutcome.Status.FAILED) return null;
        return SavedRun.upToCheckpoint(run.config(), r.checkpoint, run.info().bceFloor(), r.batches, r.epochs,
                run.config().label(), run.timeline());
    }

    /**
     * The run as far as it got, for the recovery copy: an ended run as {@link #toSaved} keeps it; a going
     * one up to the newer of its checkpoints (the live one, or the one it was continued from), its history
     * cut there. Null when there is nothing to keep: it failed, has not started, or has no checkpoint yet.
     */
    public static SavedRun toSavedSoFar(Run run) {
        if (run.isFinished()) return toSaved(run);
        RunRecord r = run.record();
        Checkpoint cp = r.liveCheckpoint;
        if (cp == null || (r.checkpoint != null && r.checkpoint.steps() > cp.steps())) cp = r.checkpoint;
        if (cp == null || run.info() == null) return null;
        return SavedRun.upToCheckpoint(run.config(), cp, run.info().bceFloor(), r.batches, r.epochs, run.config().label(),
                run.timeline());
    }

    /**
     * Adds a saved run to the history as it was: its points replayed in order (the same smoothing and
     * thinning as when they arrived), its checkpoint kept for saving again and going on training.
     *
     * @param batchesPerEpoch what places each batch on the epoch axis; see {@link #batchesPerEpoch}
     */
    public static Run restore(RunHistory history, SavedRun saved, String dataset, int batchesPerEpoch) {
        TrainingConfig c = saved.config();
        Run run = history.add(c);
        run.record().setDataset(dataset);
        int images = (int) Math.min(Integer.MAX_VALUE, (long) batchesPerEpoch * c.batchSize());   // at most; not shown
        run.started(new RunInfo(c, images, c.testLimit(), batchesPerEpoch, saved.bceFloor(), List.copyOf(c.warnings()),
                "", c.threads()));
        for (BatchPoint p : saved.batches()) run.addBatch(p);
        for (EpochMetrics m : saved.epochs()) run.addEpoch(m);
        run.restoreTimeline(saved.timeline());
        if (!saved.timeline().isEmpty())   // the reconstructions as they were when it was saved
            run.setPreview(saved.timeline().get(saved.timeline().size() - 1).toPreview(saved.timeline().indices()));
        run.record().setCheckpoint(saved.checkpoint());
        Checkpoint cp = saved.checkpoint();
        String epochs = c.epochs() + (c.epochs() == 1 ? " epoch" : " epochs"),
                whole = cp.epochsDone() + (cp.epochsDone() == 1 ? " whole epoch" : " whole epochs");
        run.finish(saved.finished()
                ? new RunOutcome(RunOutcome.Status.FINISHED, "finished " + epochs, cp.epochsDone(), cp.steps())
                : new RunOutcome(RunOutcome.Status.STOPPED, "was saved after " + cp.steps() + " batches (" + whole
                        + "); Run › Continue training (" + Shortcut.CONTINUE.keys() + ") goes on from there",
                        cp.epochsDone(), cp.steps()));
        return run;
    }

    /**
     * Batches per epoch of a saved run: from the training images when they are at hand (as the trainer
     * counts them), else from its history (the last batch number of a finished epoch), else the highest
     * batch number seen.
     *
     * @param trainImages images in the training set the run was trained on, or 0 when it is not loaded
     */
    public static int batchesPerEpoch(SavedRun saved, int trainImages) {
        TrainingConfig c = saved.config();
        if (trainImages > 0) {
            int count = c.trainLimit() == 0 ? trainImages : Math.min(c.trainLimit(), trainImages);
            int batch = Math.min(c.batchSize(), count);
            return (count + batch - 1) / batch;
        }
        List<BatchPoint> points = saved.batches();
        int whole = saved.checkpoint().epochsDone() >= 1 && !points.isEmpty() ? points.get(0).epoch() : -1;
        int most = 1;
        for (BatchPoint p : points) if (whole < 0 || p.epoch() == whole) most = Math.max(most, p.batch());
        return most;
    }
}
