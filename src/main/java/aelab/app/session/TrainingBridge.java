package aelab.app.session;

import aelab.app.model.Run;
import aelab.engine.BatchPoint;
import aelab.engine.Checkpoint;
import aelab.engine.EpochInsights;
import aelab.engine.EpochMetrics;
import aelab.engine.Preview;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.TrainingListener;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the training thread meets the FX thread, one per run. The trainer's calls only queue: events
 * that must all be seen (start, batches, epochs, warnings) go on one queue in the order they happened;
 * (and the timeline's snapshots and epoch insights); of the reconstructions and the checkpoints of the running run only the latest is kept. {@link #drainInto} runs on the FX thread, once per
 * frame, and is the only place that turns them into changes of a {@link Run}.
 */
public final class TrainingBridge implements TrainingListener {
    private final ConcurrentLinkedQueue<Object> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Preview> preview = new AtomicReference<>();
    private final AtomicReference<Checkpoint> checkpoint = new AtomicReference<>();
    private final AtomicReference<RunOutcome> outcome = new AtomicReference<>();
    private static final System.Logger LOG = System.getLogger("aelab");
    private volatile String label = "";

    // training thread

    @Override public void started(RunInfo info) {
        label = info.config().label();
        LOG.log(System.Logger.Level.INFO, "{0}: {1} training images, kernel {2}, {3} thread(s)", label,
                info.trainCount(), info.kernel(), info.threads());
        events.add(info);
    }

    @Override public void batch(BatchPoint point) { events.add(point); }

    @Override public void epoch(EpochMetrics m) {
        LOG.log(System.Logger.Level.INFO, String.format(java.util.Locale.ROOT,
                "%s: epoch %d in %.2f s, test BCE %.4f, test MSE %.5f", label, m.epoch(), m.seconds(), m.testBce(), m.testMse()));
        events.add(m);
    }

    @Override public void warning(String message) { events.add(message); }

    @Override public void preview(Preview p) { preview.set(p); }

    /** Every epoch's, in order: the timeline keeps them all. */
    @Override public void insights(EpochInsights i) { events.add(i); }

    /** Kept in order with the batches, for the timeline; a snapshot is also the latest preview. */
    @Override public void snapshot(Preview p, boolean epochEnd) { events.add(new Snapshot(p, epochEnd)); }

    private record Snapshot(Preview preview, boolean epochEnd) { }

    /** Sent when asked for (the recovery copy): a copy already, so keeping it shares nothing with the trainer. */
    @Override public void checkpoint(Checkpoint c) { checkpoint.set(c); }

    @Override public void finished(RunOutcome o) { outcome.set(o); }

    // FX thread

    /** Applies what arrived since the last call; true once the run has ended and everything was applied. */
    public boolean drainInto(Run run) {
        RunOutcome ended = outcome.get();   // read first: every event queued before the end is then in the queue
        Checkpoint c = checkpoint.getAndSet(null);   // likewise: every batch up to its step is then in the queue
        for (Object e; (e = events.poll()) != null; ) {
            if (e instanceof BatchPoint p) run.addBatch(p);
            else if (e instanceof EpochMetrics m) run.addEpoch(m);
            else if (e instanceof RunInfo info) run.started(info);
            else if (e instanceof String w) run.addWarning(w);
            else if (e instanceof Snapshot s) run.addSnapshot(s.preview(), s.epochEnd());
            else if (e instanceof EpochInsights i) run.setInsights(i);
        }
        Preview p = preview.getAndSet(null);
        if (p != null) run.setPreview(p);
        if (c != null) run.record().setLiveCheckpoint(c);
        if (ended != null) run.finish(ended);
        return ended != null;
    }
}
