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
    private final MarkerLine line;
    private double labelled = Double.NaN;   // the floor the label was last written for (asked every frame)
    private String label = "";

    FloorLine(Font font) {
        ValueMarker marker = new ValueMarker(0, new Color(120, 120, 120), new BasicStroke(1.2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabelFont(font);
        marker.setLabelPaint(new Color(90, 90, 90));
        // Below the line, where no BCE can be, and without a box: it hides no curve and no test dot.
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        line = new MarkerLine(marker);
    }

    /** Whether the plot lacks the line or shows it in vain, or at another run's floor; show: it belongs there. */
    boolean behind(boolean show, Run latest) {
        return show ? line.behind(true, latest.info().bceFloor(), label(latest)) : line.behind(false, 0, "");
    }

    /** Puts the line on the plot at the latest run's floor, or takes it off (show false). */
    void update(XYPlot plot, boolean show, Run latest) {
        if (show) line.update(plot, true, latest.info().bceFloor(), label(latest));
        else line.update(plot, false, 0, "");
    }

    private String label(Run latest) {
        double floor = latest.info().bceFloor();
        if (Double.compare(floor, labelled) != 0) {
            labelled = floor;
            label = "BCE floor " + Format.loss(floor);
        }
        return label;
    }

    boolean shown() { return line.shown(); }

    double value() { return line.value(); }
}
