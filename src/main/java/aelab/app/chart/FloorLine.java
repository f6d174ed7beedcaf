package aelab.app.chart;

import aelab.app.model.Format;
import aelab.app.model.Run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/** The dashed line of a {@link LossChart} at the BCE floor of the newest run, labelled with its value underneath. */
final class FloorLine {
    private final ValueMarker marker = new ValueMarker(0, new Color(120, 120, 120), new BasicStroke(1.2f,
            BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    private boolean shown;

    FloorLine(Font font) {
        marker.setLabelFont(font);
        marker.setLabelPaint(new Color(90, 90, 90));
        // Below the line, where no BCE can be, and without a box: it hides no curve and no test dot.
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    }

    /** Whether the plot lacks the line or shows it in vain, or at another run's floor; show: it belongs there. */
    boolean behind(boolean show, Run latest) {
        return show != shown || show && marker.getValue() != latest.info().bceFloor();
    }

    /** Puts the line on the plot at the latest run's floor, or takes it off (show false). */
    void update(XYPlot plot, boolean show, Run latest) {
        if (show) {
            double v = latest.info().bceFloor();
            marker.setValue(v);
            marker.setLabel("BCE floor " + Format.loss(v));
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
