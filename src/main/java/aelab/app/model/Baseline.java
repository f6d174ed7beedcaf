package aelab.app.model;

/**
 * What the BCE chart measures from. ZERO: BCE itself, which levels off at the floor (the test images'
 * mean pixel entropy) and never reaches 0 on grey pixels. FLOOR: BCE − floor, "BCE above the floor",
 * the part a better model can still remove; it does go towards 0 as reconstructions improve. Each run
 * is shifted by its own floor (runs on fewer test images have their own).
 */
public enum Baseline {
    ZERO("BCE per pixel"),
    FLOOR("BCE above the floor (BCE − floor)");

    private final String axisLabel;

    Baseline(String axisLabel) { this.axisLabel = axisLabel; }

    /** The amount taken off each of the run's BCE points; 0 until the run has said what its floor is. */
    public double shift(Run run) {
        return this == FLOOR && run.info() != null ? run.info().bceFloor() : 0;
    }

    /** A BCE value as the chart draws it. */
    public double apply(Run run, double bce) {
        return bce - shift(run);
    }

    /** The floor line only makes sense where BCE is drawn from zero. */
    public boolean showsFloorLine() { return this == ZERO; }

    public String axisLabel() { return axisLabel; }
}
