package aelab.app.chart;

import aelab.engine.EpochInsights;
import aelab.engine.timeline.LatentFrame;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.Locale;

import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The bottleneck codes of the first test digits, projected to their two principal axes, one colour per
 * digit class. Redrawn only when new insights arrive, in one notification.
 */
public final class LatentChart extends BorderPane {
    /** Ten classes in ten hues that stay apart (Tableau 10). */
    private static final Color[] CLASSES = {
            new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
            new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
            new Color(188, 189, 34), new Color(23, 190, 207)};

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYSeries[] classes = new XYSeries[CLASSES.length];
    private final NumberAxis x = new NumberAxis("first principal axis"), y = new NumberAxis("second principal axis");
    private JFreeChart chart;
    private Object shown;

    public LatentChart() {
        setId("latent-chart");
        createView();
    }

    private void createView() {
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        for (int c = 0; c < classes.length; c++) {
            classes[c] = new XYSeries("digit " + c, false, true);
            data.addSeries(classes[c]);
            dots.setSeriesPaint(c, new Color(CLASSES[c].getRed(), CLASSES[c].getGreen(), CLASSES[c].getBlue(), 170));
            dots.setSeriesShape(c, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, dots);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(230, 230, 230));
        plot.setRangeGridlinePaint(new Color(230, 230, 230));
        chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        setCenter(new ChartViewer(chart));
    }

    /** FX thread; cheap when the insights are those already drawn. */
    public void show(EpochInsights in) {
        show(in, in == null ? null : in.codes(), in == null ? null : in.codeLabels(), in == null ? null : in.explained());
    }

    /** The codes of one epoch a timeline kept, with the labels of their test digits. */
    public void show(LatentFrame frame, byte[] labels) {
        show(frame, frame == null ? null : frame.codes(), labels, frame == null ? null : frame.explained());
    }

    /** codes (n, 2) with their labels; what identifies them, so the same ones are not drawn twice. */
    private void show(Object what, float[] p, byte[] labels, double[] explained) {
        if (what == shown) return;
        shown = what;
        chart.setNotify(false);
        try {
            for (XYSeries s : classes) s.clear();
            if (what != null) {
                for (int i = 0; i < labels.length; i++) {
                    int label = labels[i] & 0xFF;
                    if (label < classes.length) classes[label].add(p[2 * i], p[2 * i + 1], false);
                }
                for (XYSeries s : classes) s.fireSeriesChanged();
                x.setLabel(String.format(Locale.ROOT, "first principal axis (%.0f %% of the variance)", 100 * explained[0]));
                y.setLabel(String.format(Locale.ROOT, "second principal axis (%.0f %%)", 100 * explained[1]));
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /** The legend names each colour's class: "digit 7", "Sneaker", "class 7". */
    public void setClassNames(aelab.data.ClassNames names) {
        for (int c = 0; c < classes.length; c++) classes[c].setKey(names.name(c));
    }

    /** The legend's name of a class, for tests. */
    public String className(int c) { return classes[c].getKey().toString(); }

    /** Points drawn, for tests. */
    public int pointCount() {
        int n = 0;
        for (XYSeries s : classes) n += s.getItemCount();
        return n;
    }
}
