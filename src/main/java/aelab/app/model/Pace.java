package aelab.app.model;

/**
 * Samples per second and time left of a run, from the steps done and the time spent training
 * (the time paused is left out by the caller); settled when the speed has stopped changing, so that a
 * time left is worth showing. The average over the whole run, evaluations included,
 * is steadier than a recent window and costs nothing to keep.
 */
public record Pace(double samplesPerSecond, double secondsLeft, boolean settled) {

    public static final Pace UNKNOWN = new Pace(Double.NaN, Double.NaN, false);

    /**
     * @param stepsDone   mini-batches done so far
     * @param totalSteps  mini-batches in the whole run
     * @param batchSize   samples per mini-batch
     * @param activeNanos time spent on those steps, pauses excluded
     */
    public static Pace estimate(long stepsDone, long totalSteps, int batchSize, long activeNanos) {
        if (stepsDone <= 0 || activeNanos <= 0) return UNKNOWN;
        double seconds = activeNanos / 1e9;
        double perStep = seconds / stepsDone;
        return new Pace(stepsDone * (double) batchSize / seconds, Math.max(0, totalSteps - stepsDone) * perStep, true);
    }

    /**
     * From a stretch of recent training: steps done in nanos of training time, and the steps still to do.
     * time left = stepsLeft · nanos / steps
     */
    public static Pace over(long steps, long nanos, long stepsLeft, int batchSize, boolean settled) {
        if (steps <= 0 || nanos <= 0) return UNKNOWN;
        double seconds = nanos / 1e9;
        return new Pace(steps * (double) batchSize / seconds, Math.max(0, stepsLeft) * seconds / steps, settled);
    }

    public boolean known() { return Double.isFinite(samplesPerSecond); }

    public String describe() {
        if (!known()) return "";
        return Format.count(Math.round(samplesPerSecond)) + " samples/s · "
                + (settled ? Format.duration(secondsLeft) + " left" : "time left: estimating…");
    }
}
