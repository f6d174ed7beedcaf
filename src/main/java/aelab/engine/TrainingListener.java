package aelab.engine;

/**
 * Receives a run's progress on the training thread. Everything passed is immutable or a copy;
 * an implementation must return quickly (queue it, never draw from here).
 */
public interface TrainingListener {
    default void started(RunInfo info) { }

    default void batch(BatchPoint point) { }

    default void epoch(EpochMetrics metrics) { }

    default void preview(Preview preview) { }

    /**
     * A preview the run's timeline keeps: at a step of the {@link SnapshotSchedule} or at the end of an
     * epoch (after its test evaluation), and at step 0 of a fresh run. Sent besides {@link #preview}, which
     * gets the same object.
     */
    default void snapshot(Preview snapshot, boolean epochEnd) { }

    /** Sent after {@link #epoch} when insights were asked for ({@link Trainer#setInsights}). */
    default void insights(EpochInsights insights) { }

    /** A training-time warning (e.g. targets outside [0,1]); the same text is not sent twice. */
    default void warning(String message) { }

    /**
     * A copy of where the run stands, between two mini-batches, sent only when asked for
     * ({@link Trainer#requestCheckpoint}); always finite, and a trainer can go on from it.
     */
    default void checkpoint(Checkpoint checkpoint) { }

    default void finished(RunOutcome outcome) { }
}
