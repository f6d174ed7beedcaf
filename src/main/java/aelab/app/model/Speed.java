package aelab.app.model;

/**
 * How fast the window trains: at full speed, or at a watching pace of a few mini-batches a second, slow
 * enough to see each step change the digits and the curves. The trainer waits between mini-batches to
 * keep to it (engine.RunGate); 0 mini-batches a second means no waiting.
 */
public enum Speed {
    FULL(0, "full", "Train as fast as the machine can"),
    THIRTY(30, "30/s", "30 mini-batches a second: the digits form within the first minute"),
    TEN(10, "10/s", "10 mini-batches a second: each step can be followed on the curves"),
    THREE(3, "3/s", "3 mini-batches a second: each reconstruction can be looked at");

    private final double batchesPerSecond;
    private final String label, tooltip;

    Speed(double batchesPerSecond, String label, String tooltip) {
        this.batchesPerSecond = batchesPerSecond;
        this.label = label;
        this.tooltip = tooltip;
    }

    /** Mini-batches a second to keep to; 0 at full speed. */
    public double batchesPerSecond() { return batchesPerSecond; }

    public String tooltip() { return tooltip; }

    @Override public String toString() { return label; }
}
