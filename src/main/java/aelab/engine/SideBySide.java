package aelab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trains several runs together, in lockstep: one mini-batch of each in turn, all on one shared
 * worker pool, so each run gets the same share of the cores and uses them all while it steps. Each
 * run's numbers are exactly those it would have alone with the same thread count: runs with the
 * same seed and widths start from the same weights and see the same mini-batches.
 */
public final class SideBySide {
    private final List<Trainer> trainers;
    private final CoreLending lending;
    private volatile boolean stopRequested;

    public SideBySide(List<Trainer> trainers) {
        this(trainers, CoreLending.NONE);
    }

    /** The runs' shared pool gives a core up while lending says so (a window drawing). */
    public SideBySide(List<Trainer> trainers, CoreLending lending) {
        if (trainers.isEmpty()) throw new IllegalArgumentException("nothing to train");
        this.trainers = List.copyOf(trainers);
        this.lending = lending;
    }

    /** Runs every trainer to its end; outcomes in the order of the trainers. */
    public List<RunOutcome> run() {
        int threads = 1;
        for (Trainer t : trainers) threads = Math.max(threads, Trainer.threadsFor(t.config()));
        RunOutcome[] outcomes = new RunOutcome[trainers.size()];
        try (WorkerPool pool = new WorkerPool(threads, lending)) {
            for (int i = 0; i < outcomes.length; i++) outcomes[i] = trainers.get(i).open(pool);
            boolean active = true;
            while (active) {
                active = false;
                for (int i = 0; i < outcomes.length; i++) {
                    if (outcomes[i] != null) continue;
                    if (stopRequested) trainers.get(i).stop();
                    outcomes[i] = trainers.get(i).advance();
                    active |= outcomes[i] == null;
                }
            }
        }
        return new ArrayList<>(Arrays.asList(outcomes));
    }

    public void pause() { trainers.forEach(Trainer::pause); }

    public void resume() { trainers.forEach(Trainer::resume); }

    /** Every run takes the given number of mini-batches more, in step as always, then waits. */
    public void step(int batches) { trainers.forEach(t -> t.step(batches)); }

    /** A watching pace for the group: the first run waits between batches, the others follow it in step. */
    public void setPace(double batchesPerSecond) { trainers.get(0).setPace(batchesPerSecond); }

    /** Every run goes on to the end of its epoch, then waits. */
    public void stepEpoch() { trainers.forEach(Trainer::stepEpoch); }

    public void stop() {
        stopRequested = true;
        trainers.forEach(Trainer::stop);
    }
}
