package aelab.app.chart;

import aelab.app.model.Format;
import aelab.engine.PcaBaseline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * The dash-dotted line of a {@link LossChart} at what PCA with the runs' code width reaches on the test
 * images: a network whose test dots sit below it has beaten a linear code of the same size. Labelled
 * briefly at its right end (the floor's label is at the left), above the line; the chart's tooltip
 * says what it is.
 */
final class PcaLine {
    private final MarkerLine line;
    private double value = Double.NaN;
    private String label = "";

    PcaLine(Font font) {
        ValueMarker marker = new ValueMarker(0, new Color(70, 110, 150), new BasicStroke(1.2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 3f, 2f, 3f}, 0f));
        marker.setLabelFont(font);
        marker.setLabelPaint(new Color(50, 85, 120));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        line = new MarkerLine(marker);
    }

    /** The line's value for the chart's metric, or NaN for none. */
    void set(PcaBaseline.Figures f, boolean bce) {
        value = f == null ? Double.NaN : bce ? f.bce() : f.mse();
        label = f == null ? "" : "PCA-" + f.components() + " " + Format.loss(value);   // short: it sits over the plot
    }

    private boolean wanted(boolean allowed) { return allowed && !Double.isNaN(value); }

    boolean behind(boolean allowed) { return line.behind(wanted(allowed), value, label); }

    void update(XYPlot plot, boolean allowed) { line.update(plot, wanted(allowed), value, label); }

    boolean shown() { return line.shown(); }

    double value() { return line.value(); }
}
