package aelab.app;

import java.util.function.LongSupplier;

/**
 * Spaces out a costly redraw so that it takes at most a share of the FX thread's time: after a redraw
 * that cost d, the next one waits until
 *
 *   next = end + clamp(d / share, min, max)
 *
 * A chart that takes 10 ms to draw with share 0.04 is redrawn at most every 250 ms; a faster machine
 * redraws more often (but not more often than min), a slower one less (but at least every max). A redraw
 * that found nothing to do takes microseconds, so the next frame may try again.
 *
 * What a redraw cost is read from a clock handed in: the FX thread's CPU time in the window, so that a
 * redraw that waited for a core (the training has them all) is not charged for the wait.
 */
final class DrawBudget {
    private final double share;
    private final long minNanos, maxNanos;
    private final LongSupplier cost;
    private long next = System.nanoTime();   // due at once (compared as a difference: nanoTime may wrap)

    /** A budget that charges a redraw its wall time. */
    DrawBudget(double share, long minMillis, long maxMillis) {
        this(share, minMillis, maxMillis, System::nanoTime);
    }

    /** A budget that charges a redraw what the cost clock (nanoseconds) advanced while it ran. */
    DrawBudget(double share, long minMillis, long maxMillis, LongSupplier cost) {
        if (!(share > 0 && share <= 1) || minMillis < 0 || maxMillis < minMillis)
            throw new IllegalArgumentException("share in (0, 1] and 0 <= min <= max: " + share + ", " + minMillis + ", " + maxMillis);
        this.share = share;
        this.minNanos = minMillis * 1_000_000L;
        this.maxNanos = maxMillis * 1_000_000L;
        this.cost = cost;
    }

    /** Whether a redraw may run at time now (System.nanoTime()). */
    boolean due(long now) { return now - next >= 0; }

    /** Records a redraw that ran from start to end; work under a tenth of a millisecond counts as nothing done. */
    void spent(long start, long end) { charge(end, end - start); }

    /** Records a redraw that ended at end (System.nanoTime()) and cost took nanoseconds. */
    void charge(long end, long took) {
        if (took < 100_000L) return;
        next = end + Math.max(minNanos, Math.min(maxNanos, (long) (took / share)));
    }

    /** Runs the redraw now if it is due; true if it ran. */
    boolean run(Runnable redraw) {
        if (!due(System.nanoTime())) return false;
        long before = cost.getAsLong();
        redraw.run();
        charge(System.nanoTime(), cost.getAsLong() - before);
        return true;
    }
}
