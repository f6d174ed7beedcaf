package aelab.engine;

/**
 * Where a run's training thread waits before each mini-batch: while paused (but for the batches Step
 * asked for), at a watching pace, and not at all once stopped. Any thread may command; only the
 * training thread passes through {@link #awaitGo} and {@link #awaitPace}. Every command wakes a
 * waiting trainer at once.
 */
final class RunGate {
    private volatile boolean stopRequested;
    private volatile double batchesPerSecond;   // 0: full speed; else at most this many mini-batches a second
    private boolean paused;
    private int stepsAllowed;                   // mini-batches a paused run may still take (Step)
    private boolean toEpochEnd;                 // a paused run goes on to the end of its epoch (Step epoch)
    private long nextBatchDue;                  // System.nanoTime() before which a paced run does not start a batch

    synchronized void pause() { paused = true; }

    synchronized void resume() {
        paused = false;
        stepsAllowed = 0;
        toEpochEnd = false;
        notifyAll();
    }

    synchronized void step(int batches) {
        paused = true;
        stepsAllowed += batches;
        notifyAll();
    }

    synchronized void stepEpoch() {
        paused = true;
        toEpochEnd = true;
        notifyAll();
    }

    /** The epoch a Step epoch was for has ended: the run waits again. */
    synchronized void epochEnded() { toEpochEnd = false; }

    void setPace(double batchesPerSecond) {
        this.batchesPerSecond = Math.max(0, batchesPerSecond);
        wake();
    }

    void stop() {
        stopRequested = true;
        wake();
    }

    /** Wakes a waiting trainer, e.g. to answer a checkpoint request from its wait. */
    synchronized void wake() { notifyAll(); }

    /**
     * Blocks while paused, running whileWaiting each time it wakes there (the state is whole between
     * batches); false when a stop was asked for. A batch Step allowed is counted off here.
     */
    synchronized boolean awaitGo(Runnable whileWaiting) {
        while (paused && !stopRequested && stepsAllowed == 0 && !toEpochEnd) {
            whileWaiting.run();
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (paused && !toEpochEnd && stepsAllowed > 0 && !stopRequested) stepsAllowed--;
        return !stopRequested;
    }

    /**
     * At a watching pace, waits until the next batch is due: batches start 1/pace apart. False when a
     * stop was asked for meanwhile. A batch stepped while paused (Step) does not wait.
     */
    synchronized boolean awaitPace() {
        double pace = batchesPerSecond;
        long now = System.nanoTime();
        if (pace <= 0 || paused) {
            nextBatchDue = now;
            return !stopRequested;
        }
        while (!stopRequested && batchesPerSecond == pace && !paused && now < nextBatchDue) {
            long wait = nextBatchDue - now;
            try {
                wait(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            now = System.nanoTime();
        }
        nextBatchDue = Math.max(nextBatchDue, now) + (long) (1e9 / pace);   // no debt: a slow batch is not made up
        return !stopRequested;
    }
}
