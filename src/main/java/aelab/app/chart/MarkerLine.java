package aelab.app.chart;

import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;

/**
 * A labelled horizontal line on a plot that comes and goes with what the chart shows: put on, moved or
 * relabelled only when that changes, so the chart redraws whole only then ({@link FloorLine},
 * {@link PcaLine}).
 */
final class MarkerLine {
    private final ValueMarker marker;
    private boolean shown;

    MarkerLine(ValueMarker marker) { this.marker = marker; }

    /** Whether the plot lacks the line, shows it in vain, or at another value or label. */
    boolean behind(boolean show, double value, String label) {
        return show != shown || show && (marker.getValue() != value || !label.equals(marker.getLabel()));
    }

    /** Puts the line on the plot at the value with the label, or takes it off (show false). */
    void update(XYPlot plot, boolean show, double value, String label) {
        if (show) {
            marker.setValue(value);
            marker.setLabel(label);
        }
        if (show != shown) {
            if (show) plot.addRangeMarker(marker);
            else plot.removeRangeMarker(marker);
            shown = show;
        }
    }

    boolean shown() { return shown; }

    double value() { return marker.getValue(); }
}
