package aelab.app.chart;

import aelab.app.model.Baseline;
import aelab.app.model.Curve;
import aelab.app.model.Run;
import aelab.app.model.RunHistory;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.scene.layout.BorderPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One metric (BCE or MSE) of every run on the charts: a smoothed line over the mini-batches and a dot
 * per epoch for the test set. The newest run (or side-by-side group) is drawn strong, earlier ones faded.
 * Points are copied from the runs' curves once per frame, with the chart's notifications off, so a frame
 * costs one redraw. The BCE chart can also draw BCE above each run's floor ({@link Baseline}).
 */
public final class LossChart extends BorderPane {
    public enum Metric {
        BCE("Binary cross-entropy", "BCE per pixel", Run::trainBce, Run::testBce),
        MSE("Mean squared error", "MSE per pixel", Run::trainMse, Run::testMse);

        final String title, axis;
        final Function<Run, Curve> train, test;

        Metric(String title, String axis, Function<Run, Curve> train, Function<Run, Curve> test) {
            this.title = title;
            this.axis = axis;
            this.train = train;
            this.test = test;
        }
    }

    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final Metric metric;
    private final XYSeriesCollection trainSet = new XYSeriesCollection();
    private final XYSeriesCollection testSet = new XYSeriesCollection();
    private final XYLineAndShapeRenderer trainLines = new XYLineAndShapeRenderer(true, false);
    private final XYLineAndShapeRenderer testDots = new XYLineAndShapeRenderer(true, true);
    private final List<Shown> shown = new ArrayList<>();
    private final FloorLine floor = new FloorLine(SMALL);
    private XYPlot plot;
    private JFreeChart chart;
    private TextTitle note;
    private Baseline baseline = Baseline.ZERO;
    private ChartViewer viewer;
    private RunHistory labels;
    private long seenHistory = -1;
    private int seriesMade;   // series keys must be unique within a dataset

    /** A run's two series and how much of its curves they hold. */
    private static final class Shown {
        final Run run;
        final XYSeries train, test;
        int trainGeneration = -1, testGeneration = -1;

        Shown(Run run, int serial) {   // keys by serial, not the run's number, which Undo may change
            this.run = run;
            train = new XYSeries("series " + serial + " train", false, true);
            test = new XYSeries("series " + serial + " test", false, true);
        }
    }

    public LossChart(Metric metric) {
        this.metric = metric;
        setId("chart-" + metric.name().toLowerCase());
        createView();
    }

    private void createView() {
        NumberAxis x = new NumberAxis("epoch");
        x.setAutoRangeIncludesZero(true);
        plot = new XYPlot(trainSet, x, linearAxis(), trainLines);
        plot.setDataset(1, testSet);
        plot.setRenderer(1, testDots);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(225, 225, 225));
        plot.setRangeGridlinePaint(new Color(225, 225, 225));
        plot.setDomainGridlineStroke(new BasicStroke(1f));   // solid: JFreeChart's dashed default costs the
        plot.setRangeGridlineStroke(new BasicStroke(1f));    // software rasteriser a shape per dash, every redraw
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        trainLines.setDrawSeriesLineAsPath(true);
        testDots.setDefaultSeriesVisibleInLegend(false);
        testDots.setAutoPopulateSeriesShape(false);
        testDots.setDefaultShape(new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        trainLines.setLegendItemLabelGenerator((dataset, series) -> legendOf(series));

        chart = new JFreeChart(metric.title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        note = new TextTitle(noteText(), SMALL);
        note.setPaint(new Color(90, 90, 90));
        chart.addSubtitle(note);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setItemFont(SMALL);
        viewer = new ChartViewer(chart);
        setCenter(viewer);
    }

    private String noteText() {
        String legend = "line: training mini-batches (smoothed)   ● test set after each epoch";
        if (metric == Metric.MSE) return legend + "\nMSE is 0 for a perfect copy: it has no floor above 0";
        return legend + (baseline.showsFloorLine()
                ? "\n- - -  BCE floor: the lowest BCE any model can reach on these digits"
                : "\nBCE minus the floor of the test digits: 0 would be a perfect copy");
    }

    private String axisLabel() {
        return metric == Metric.BCE ? baseline.axisLabel() : metric.axis;
    }

    private NumberAxis linearAxis() {
        NumberAxis y = new NumberAxis(axisLabel());
        y.setAutoRangeIncludesZero(true);
        return y;
    }

    /** BCE drawn from zero or from each run's floor; the MSE chart ignores this. Takes effect at the next refresh. */
    public void setBaseline(Baseline b) {
        if (metric != Metric.BCE || b == baseline) return;
        baseline = b;
        for (Shown s : shown) s.trainGeneration = s.testGeneration = REDRAW;
        plot.getRangeAxis().setLabel(axisLabel() + (isLogScale() ? " (log scale)" : ""));
        note.setText(noteText());
    }

    Baseline baseline() { return baseline; }

    public void setLogScale(boolean log) {
        ValueAxis y;
        if (log) {
            // Base 2 with whole-exponent ticks: labels 0.0625, 0.125, 0.25, … instead of 10^0.1 steps like 1.2589.
            LogAxis a = new LogAxis(axisLabel() + " (log scale)");
            a.setBase(2);
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            a.setSmallestValue(1e-6);
            a.setNumberFormatOverride(new DecimalFormat("0.####"));
            y = a;
        } else {
            y = linearAxis();
        }
        plot.setRangeAxis(y);
        fitLogRange();
    }

    /** A log axis does not include 0, so unlike the linear one it would cut off the floor: fit it by hand. */
    private void fitLogRange() {
        if (!(plot.getRangeAxis() instanceof LogAxis axis)) return;
        Range train = DatasetUtils.findRangeBounds(trainSet), test = DatasetUtils.findRangeBounds(testSet);
        Range data = Range.combine(train, test);
        if (data == null) {
            axis.setAutoRange(true);
            return;
        }
        double low = Math.max(data.getLowerBound(), 1e-6), high = Math.max(data.getUpperBound(), low * 1.01);
        if (floor.shown()) low = Math.min(low, floor.value());
        axis.setRange(low / 1.2, high * 1.2);
    }

    boolean isLogScale() { return plot.getRangeAxis() instanceof LogAxis; }

    /**
     * Brings the chart up to date with the runs. Nothing is redrawn when nothing changed: JFreeChart redraws
     * the whole chart whenever notification is turned back on, so that happens only when there is news.
     */
    public void refresh(RunHistory history) {
        if (!behind(history)) return;
        chart.setNotify(false);
        try {
            if (history.version() != seenHistory) rebuild(history);
            for (Shown s : shown) {
                double shift = metric == Metric.BCE ? baseline.shift(s.run) : 0;
                s.trainGeneration = sync(s.train, metric.train.apply(s.run), s.trainGeneration, shift);
                s.testGeneration = sync(s.test, metric.test.apply(s.run), s.testGeneration, shift);
            }
            Run latest = history.latest();
            floor.update(plot, floorWanted(latest), latest);
            fitLogRange();
            fitEpochRange();
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * The epoch axis spans the planned epochs of the runs shown from their first batch, so it does not
     * rescale as a run advances (a run trained on past its plan widens it); with no run, it fits itself.
     */
    private void fitEpochRange() {
        double end = 0;
        for (Shown s : shown) {
            end = Math.max(end, s.run.config().epochs());
            if (s.train.getItemCount() > 0) end = Math.max(end, s.train.getMaxX());
            if (s.test.getItemCount() > 0) end = Math.max(end, s.test.getMaxX());
        }
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        if (end <= 0) {
            if (!x.isAutoRange()) x.setAutoRange(true);
        } else if (x.isAutoRange() || x.getLowerBound() != 0 || x.getUpperBound() != end) {
            x.setRange(0, end);
        }
    }

    /** Whether the chart lacks something the runs have: a run, points, a thinning, a baseline or floor. */
    private boolean behind(RunHistory history) {
        if (history.version() != seenHistory) return true;
        for (Shown s : shown) {
            if (behind(s.train, metric.train.apply(s.run), s.trainGeneration)
                    || behind(s.test, metric.test.apply(s.run), s.testGeneration)) return true;
        }
        Run latest = history.latest();
        return floor.behind(floorWanted(latest), latest);
    }

    /** Whether a series lacks points of its curve, or holds points the curve has since thinned. */
    private static boolean behind(XYSeries series, Curve curve, int seenGeneration) {
        return seenGeneration != curve.generation() || series.getItemCount() != curve.size();
    }

    /** Whether the floor line belongs on this chart: BCE drawn from zero, with a run that knows its floor. */
    private boolean floorWanted(Run latest) {
        return metric == Metric.BCE && baseline.showsFloorLine() && latest != null && latest.info() != null;
    }

    private void rebuild(RunHistory history) {
        seenHistory = history.version();
        trainSet.removeAllSeries();
        testSet.removeAllSeries();
        List<Shown> before = new ArrayList<>(shown);
        shown.clear();
        for (Run run : history.runs()) {
            Shown s = before.stream().filter(b -> b.run == run).findFirst().orElseGet(() -> new Shown(run, ++seriesMade));
            shown.add(s);
            trainSet.addSeries(s.train);
            testSet.addSeries(s.test);
            int i = shown.size() - 1;
            boolean faded = history.isFaded(run);
            Color c = Palette.run(run.colour(), faded);
            trainLines.setSeriesPaint(i, c, false);
            trainLines.setSeriesStroke(i, new BasicStroke(faded ? 1.5f : 2.4f), false);
            testDots.setSeriesPaint(i, c, false);
            testDots.setSeriesStroke(i, new BasicStroke(faded ? 0.8f : 1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f), false);
        }
        labels = history;
    }

    private String legendOf(int series) {
        return series < shown.size() && labels != null ? labels.legendLabel(shown.get(series).run) : "";
    }

    /** A generation no curve has: the next sync copies every point again. */
    private static final int REDRAW = Integer.MIN_VALUE;

    /** Copies the curve's new points, less shift, into the series; all of them when the curve was thinned since. */
    private static int sync(XYSeries series, Curve curve, int seenGeneration, double shift) {
        int from = series.getItemCount();
        if (curve.generation() != seenGeneration || from > curve.size()) {
            if (from > 0) series.clear();
            from = 0;
        }
        if (from == curve.size()) return curve.generation();
        for (int i = from; i < curve.size(); i++) series.add(curve.x(i), curve.y(i) - shift, false);
        series.fireSeriesChanged();
        return curve.generation();
    }

    /** Points drawn in all series, for tests. */
    public int pointCount() {
        int n = 0;
        for (Shown s : shown) n += s.train.getItemCount() + s.test.getItemCount();
        return n;
    }

    public int seriesCount() { return trainSet.getSeriesCount(); }

    /** The y of a run's latest test point as drawn, for tests; NaN when it has none. */
    double lastTestY(int series) {
        XYSeries s = testSet.getSeries(series);
        return s.getItemCount() == 0 ? Double.NaN : s.getY(s.getItemCount() - 1).doubleValue();
    }

    boolean showsFloorLine() { return floor.shown(); }

    private org.jfree.chart.plot.ValueMarker cursor;

    /** A vertical line at this x (epochs), where the scrubber stands; NaN for none. */
    public void setCursor(double epochPosition) {
        if (cursor == null ? Double.isNaN(epochPosition) : cursor.getValue() == epochPosition) return;
        if (cursor != null) plot.removeDomainMarker(cursor);
        cursor = null;
        if (!Double.isNaN(epochPosition)) {
            cursor = new org.jfree.chart.plot.ValueMarker(epochPosition, new Color(60, 60, 60), new BasicStroke(1f));
            plot.addDomainMarker(cursor);
        }
    }

    /** The cursor's x, NaN when there is none; for tests. */
    public double cursorPosition() { return cursor == null ? Double.NaN : cursor.getValue(); }

    public JFreeChart chart() { return chart; }
}
