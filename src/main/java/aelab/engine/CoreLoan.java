package aelab.engine;

/**
 * One window borrowing one core from the training it started, for a moment. The training meets twice
 * per mini-batch on every core; when the window draws on one of them (tens of milliseconds for a chart),
 * the worker there stops, and the others wait for it, so a moment of drawing costs all cores that moment.
 * While a core is lent, {@link WorkerPool} wakes one worker fewer and the rest share the tasks among
 * themselves: the drawing then costs the training about the one core it uses.
 *
 * A core is lent until a deadline (System.nanoTime(); saying it again moves the end, either way), and
 * also while a watched thread is running: a renderer that draws after the frame that asked for it, for
 * as long as that takes. Which thread that is, is the window's business: it finds it and hands it over.
 * Each window makes its own loan, so two windows (or two tests) never lend each other's cores.
 */
public final class CoreLoan implements CoreLending {
    private volatile long until = System.nanoTime();
    private volatile Thread watched;

    /** Lends one core until the given System.nanoTime(): later or sooner than the loan said so far. */
    public void lendUntil(long deadline) {
        until = deadline;
    }

    /** Lends one core whenever the thread is running (not waiting for work); null stops watching. */
    public void lendWhileRunning(Thread thread) {
        watched = thread;
    }

    @Override public boolean isLent() {
        if (System.nanoTime() - until < 0) return true;
        Thread t = watched;
        return t != null && t.getState() == Thread.State.RUNNABLE;
    }
}
