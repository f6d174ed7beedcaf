package aelab.app.session;

import aelab.app.model.Run;
import aelab.engine.RunOutcome;
import aelab.engine.Trainer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The trainers still sending to runs, each through a bridge of its own drained once per frame, and the
 * actions waiting until none is left. FX thread only.
 */
final class LiveTrainers {
    /** A trainer sending to a run; keep, when not null, is the ending the run shows once the trainer has ended. */
    private record Live(Run run, TrainingBridge bridge, Trainer trainer, RunOutcome keep) { }

    private final List<Live> live = new ArrayList<>();
    private final List<Runnable> whenSettled = new ArrayList<>();

    void add(Run run, TrainingBridge bridge, Trainer trainer, RunOutcome keep) {
        live.add(new Live(run, bridge, trainer, keep));
        run.record().setCheckpointRequest(trainer::requestCheckpoint);   // any thread may ask; the answer comes through the bridge
    }

    /** Takes in every run's news; a run whose trainer has ended keeps its checkpoint and goes to ended. */
    void drain(Consumer<Run> ended) {
        for (Iterator<Live> it = live.iterator(); it.hasNext(); ) {
            Live lv = it.next();
            if (!lv.bridge().drainInto(lv.run())) continue;
            it.remove();
            lv.run().record().setCheckpointRequest(null);   // no trainer left to answer (a run is trained by one at a time)
            if (lv.keep() != null) lv.run().finish(lv.keep());
            if (lv.run().outcome().status() != RunOutcome.Status.FAILED)   // failed weights may be half-updated
                lv.run().record().setCheckpoint(lv.trainer().checkpoint());   // safe: its run() has ended
            ended.accept(lv.run());
        }
    }

    /** Runs the actions waiting for no trainer to be left, if none is. */
    void runSettled() {
        if (live.isEmpty() && !whenSettled.isEmpty()) {
            List<Runnable> due = new ArrayList<>(whenSettled);
            whenSettled.clear();
            due.forEach(Runnable::run);
        }
    }

    /** See {@link LabSession#whenSettled}. */
    void whenSettled(Runnable action) {
        if (live.isEmpty()) action.run();
        else whenSettled.add(action);
    }

    boolean isLive(Run run) {
        return live.stream().anyMatch(l -> l.run() == run);
    }
}
