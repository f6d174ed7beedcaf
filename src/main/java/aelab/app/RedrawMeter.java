package aelab.app;

/**
 * What the Training tab's redraws did while a run trained: per view, how many frames changed what it
 * shows, and the FX thread's time its refreshes took (whether they changed anything or not). The window
 * bench reads it to tell how often the live view kept up, and what each view cost.
 */
public final class RedrawMeter {
    /** The parts of the Training tab that follow a run. */
    public enum View { CHARTS, DIGITS, STATUS }

    private final long[] changes = new long[View.values().length], nanos = new long[View.values().length];

    void record(View v, boolean changed, long tookNanos) {
        if (changed) changes[v.ordinal()]++;
        nanos[v.ordinal()] += tookNanos;
    }

    /** Frames so far in which the view showed something new. */
    public long changes(View v) { return changes[v.ordinal()]; }

    /** FX thread time its refreshes took so far, in nanoseconds. */
    public long nanos(View v) { return nanos[v.ordinal()]; }
}
