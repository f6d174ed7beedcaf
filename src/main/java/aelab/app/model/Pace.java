package aelab.app.model;

/**
 * Samples per second and time left of a run, from the steps done and the time spent training
 * (the time paused is left out by the caller). The average over the whole run, evaluations included,
 * is steadier than a recent window and costs nothing to keep.
 */
public record Pace(double samplesPerSecond, double secondsLeft) {

    public static final Pace UNKNOWN = new Pace(Double.NaN, Double.NaN);

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
        return new Pace(stepsDone * (double) batchSize / seconds, Math.max(0, totalSteps - stepsDone) * perStep);
    }

    public boolean known() { return Double.isFinite(samplesPerSecond); }

    public String describe() {
        if (!known()) return "";
        return Format.count(Math.round(samplesPerSecond)) + " samples/s · " + Format.duration(secondsLeft) + " left";
    }
}
