package aelab.app.chart;

import aelab.app.model.Baseline;
import aelab.app.model.Curve;
import aelab.app.model.Run;
import aelab.app.model.RunHistory;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
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
    private final List<ShownRun> shown = new ArrayList<>();
    private final FloorLine floor = new FloorLine(SMALL);
    private final PcaLine pca = new PcaLine(SMALL);
    private XYPlot plot;
    private JFreeChart chart;
    private TextTitle note;
    private Baseline baseline = Baseline.ZERO;
    private ChartViewer viewer;
    private ChartRedraws redraws;
    private ChartGestures gestures;
    private boolean zoomed, fitting;   // zoomed: the user chose the axes' ranges; fitting: this code sets them
    private Range fitX, fitY;
    private RunHistory labels;
    private long seenHistory = -1;
    private int seriesMade;   // series keys must be unique within a dataset

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
        chart.getLegend().setSources(new org.jfree.chart.LegendItemSource[] {this::legendItems});
        chart.getLegend().setItemFont(SMALL);
        viewer = new ChartViewer(chart);
        redraws = new ChartRedraws(viewer.getCanvas(), plot, new NewPieces(plot, trainLines, testDots, shown));
        gestures = new ChartGestures(viewer.getCanvas(), plot, this::describe, () -> zoomed = true, this::resetZoom);
        x.addChangeListener(e -> userMoved());
        plot.getRangeAxis().addChangeListener(e -> userMoved());
        setCenter(new StackPane(viewer, redraws.tiles()));
        // Opaque like the chart it shows, so that JavaFX repaints a redrawn chart from here up, not from the
        // split pane's layered background below it.
        setBackground(new Background(new BackgroundFill(javafx.scene.paint.Color.WHITE, null, null)));
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

    /** What PCA with the code width reaches (the dashed-dotted line), null for none. Takes effect at the next refresh. */
    public void setPcaBaseline(aelab.engine.PcaBaseline.Figures f) {
        pca.set(f, metric == Metric.BCE);
    }

    /** Whether the PCA line is on the plot, and its value; for tests. */
    public boolean showsPcaLine() { return pca.shown(); }

    public double pcaLineValue() { return pca.value(); }

    /** The PCA line is drawn where BCE or MSE is drawn from zero, with a run on the chart. */
    private boolean pcaAllowed(Run latest) {
        return latest != null && (metric == Metric.MSE || baseline.showsFloorLine());
    }

    /** BCE drawn from zero or from each run's floor; the MSE chart ignores this. Takes effect at the next refresh. */
    public void setBaseline(Baseline b) {
        if (metric != Metric.BCE || b == baseline) return;
        baseline = b;
        for (ShownRun s : shown) s.trainGeneration = s.testGeneration = REDRAW;
        plot.getRangeAxis().setLabel(axisLabel() + (isLogScale() ? " (log scale)" : ""));
        note.setText(noteText());
    }

    Baseline baseline() { return baseline; }

    public void setLogScale(boolean log) {
        ValueAxis y;
        if (log) {
            y = new DecimalLogAxis(axisLabel() + " (log scale)");
        } else {
            y = linearAxis();
        }
        fitting = true;
        zoomed = false;
        plot.setRangeAxis(y);
        y.addChangeListener(e -> userMoved());
        fitEpochRange();
        fitLossRange();
        fitted();
    }

    /** An axis moved and this code did not move it: the user zoomed or panned, and the view stays so until reset. */
    private void userMoved() {
        if (!fitting && fitX != null && (!plot.getDomainAxis().getRange().equals(fitX) || !plot.getRangeAxis().getRange().equals(fitY)))
            zoomed = true;
    }

    private void fitted() {
        fitX = plot.getDomainAxis().getRange();
        fitY = plot.getRangeAxis().getRange();
        fitting = false;
    }

    /** Shows everything again, as the runs' data and the plan ask: a double-click. */
    void resetZoom() {
        fitting = true;
        zoomed = false;
        plot.getDomainAxis().setAutoRange(true);
        fitEpochRange();
        fitLossRange();
        fitted();
    }

    boolean zoomed() { return zoomed; }

    /**
     * The run, step and value of the point nearest to (x, y) on the canvas, within a few pixels; a test
     * dot's epoch and value; null when none is near.
     */
    String describe(double x, double y) {
        if (viewer.getCanvas().getRenderingInfo() == null) return null;
        Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        ValueAxis xAxis = plot.getDomainAxis(), yAxis = plot.getRangeAxis();
        String best = null;
        double bestD = 8 * 8;
        for (ShownRun s : shown) {
            for (XYSeries series : List.of(s.test, s.train)) {   // a test dot before the line through it
                for (int i = 0; i < series.getItemCount(); i++) {
                    double px = xAxis.valueToJava2D(series.getX(i).doubleValue(), area, plot.getDomainAxisEdge());
                    double py = yAxis.valueToJava2D(series.getY(i).doubleValue(), area, plot.getRangeAxisEdge());
                    double d = (px - x) * (px - x) + (py - y) * (py - y);
                    if (d < bestD) {
                        bestD = d;
                        best = pointText(s, series == s.test, series.getX(i).doubleValue(), series.getY(i).doubleValue());
                    }
                }
            }
        }
        return best;
    }

    private String pointText(ShownRun s, boolean test, double epochs, double value) {
        String run = labels == null ? "#" + s.run.id() : labels.legendLabel(s.run);
        String what = metric == Metric.BCE && baseline != Baseline.ZERO ? "BCE above the floor" : metric.name();
        String where;
        if (test) where = "test set after epoch " + Math.round(epochs);
        else {
            long step = s.run.info() == null ? 0 : Math.round(epochs * s.run.info().batchesPerEpoch());
            where = "step " + aelab.app.model.Format.count(step) + String.format(java.util.Locale.ROOT, " (epoch %.2f)", epochs);
        }
        return run + "\n" + where + " · " + what + " " + aelab.app.model.Format.loss(value);
    }

    /**
     * The loss axis fitted by hand: a log axis does not include 0, so unlike the linear one it would cut off the
     * floor; a linear one ends on a coarse step above the data ({@link LinearSteps}), so that it moves rarely.
     */
    private void fitLossRange() {
        Range train = DatasetUtils.findRangeBounds(trainSet), test = DatasetUtils.findRangeBounds(testSet);
        Range data = Range.combine(train, test);
        if (!(plot.getRangeAxis() instanceof LogAxis axis)) {
            ValueAxis y = plot.getRangeAxis();
            if (data == null) {
                if (!y.isAutoRange()) y.setAutoRange(true);
                return;
            }
            double high = data.getUpperBound();
            if (floor.shown()) high = Math.max(high, floor.value());
            if (pca.shown()) high = Math.max(high, pca.value());
            Range r = new Range(Math.min(0, data.getLowerBound() * 1.05), LinearSteps.top(high));
            if (y.isAutoRange() || !r.equals(y.getRange())) y.setRange(r);
            return;
        }
        if (data == null) {
            axis.setAutoRange(true);
            return;
        }
        double low = Math.max(data.getLowerBound(), 1e-6), high = Math.max(data.getUpperBound(), low * 1.01);
        if (floor.shown()) low = Math.min(low, floor.value());
        if (pca.shown()) low = Math.min(low, pca.value());
        // to the decimal steps around the data, so that the axis moves only when the data cross one
        Range r = new Range(DecimalLogAxis.stepBelow(low / 1.1), DecimalLogAxis.stepAbove(high * 1.1));
        if (!r.equals(axis.getRange())) axis.setRange(r);
    }

    boolean isLogScale() { return plot.getRangeAxis() instanceof LogAxis; }

    /**
     * Brings the chart up to date with the runs. Nothing is redrawn when nothing changed: JFreeChart redraws
     * the whole chart whenever notification is turned back on, so that happens only when there is news.
     */
    public boolean refresh(RunHistory history) {
        if (!behind(history)) return false;
        boolean whole = false;
        redraws.hold();
        chart.setNotify(false);
        fitting = true;
        try {
            if (history.version() != seenHistory) {
                rebuild(history);
                whole = true;
            }
            for (ShownRun s : shown) {
                double shift = metric == Metric.BCE ? baseline.shift(s.run) : 0;
                Curve train = metric.train.apply(s.run), test = metric.test.apply(s.run);
                boolean halved = s.drawnTrain > 0 && train.generation() == s.trainGeneration + 1;
                boolean rewritten = sync(s.train, train, s.trainGeneration, shift);
                // A curve that averaged its points in pairs looks as it did (neighbours a pixel apart): what is on
                // screen stays, and its new pieces go on from the pair that holds the last point drawn.
                if (halved && rewritten) s.drawnTrain = (s.drawnTrain + 1) / 2;
                whole |= (rewritten && !halved) | sync(s.test, test, s.testGeneration, shift);
                s.trainGeneration = train.generation();
                s.testGeneration = test.generation();
            }
            Run latest = history.latest();
            whole |= floor.behind(floorWanted(latest), latest);
            floor.update(plot, floorWanted(latest), latest);
            whole |= pca.behind(pcaAllowed(latest));
            pca.update(plot, pcaAllowed(latest));
            if (!zoomed) {
                fitLossRange();
                fitEpochRange();
            }
        } finally {
            fitted();
            chart.setNotify(true);
            redraws.release(whole);   // whole when anything but new points changed, or an axis moved
        }
        return true;
    }

    /**
     * The epoch axis spans the planned epochs of the runs shown from their first batch, so it does not
     * rescale as a run advances (a run trained on past its plan widens it); with no run, it fits itself.
     */
    private void fitEpochRange() {
        double end = 0;
        for (ShownRun s : shown) {
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
        for (ShownRun s : shown) {
            if (behind(s.train, metric.train.apply(s.run), s.trainGeneration)
                    || behind(s.test, metric.test.apply(s.run), s.testGeneration)) return true;
        }
        Run latest = history.latest();
        return floor.behind(floorWanted(latest), latest) || pca.behind(pcaAllowed(latest));
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
        List<ShownRun> before = new ArrayList<>(shown);
        shown.clear();
        for (Run run : history.runs()) {
            ShownRun s = before.stream().filter(b -> b.run == run).findFirst().orElseGet(() -> new ShownRun(run, ++seriesMade));
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

    /** One row of legend: the newest runs that fit the chart's width (see {@link OneRowLegend}). */
    private org.jfree.chart.LegendItemCollection legendItems() {
        return OneRowLegend.of(trainLines.getLegendItems(), viewer == null || viewer.getWidth() <= 0 ? 540 : viewer.getWidth(), SMALL);
    }

    /** Entries in the legend now, for tests. */
    int legendEntries() { return legendItems().getItemCount(); }

    private String legendOf(int series) {
        return series < shown.size() && labels != null ? labels.legendLabel(shown.get(series).run) : "";
    }

    /** A generation no curve has: the next sync copies every point again. */
    private static final int REDRAW = Integer.MIN_VALUE;

    /**
     * Copies the curve's new points, less shift, into the series; all of them when the curve was thinned
     * since. Whether points already in the series were rewritten, so that the chart must be drawn whole.
     */
    private static boolean sync(XYSeries series, Curve curve, int seenGeneration, double shift) {
        int from = series.getItemCount();
        boolean rewritten = false;
        if (curve.generation() != seenGeneration || from > curve.size()) {
            if (from > 0) series.clear();
            rewritten = from > 0;
            from = 0;
        }
        if (from == curve.size()) return rewritten;
        for (int i = from; i < curve.size(); i++) series.add(curve.x(i), curve.y(i) - shift, false);
        series.fireSeriesChanged();
        return rewritten;
    }

    /** Times the chart was drawn whole, and times only its new pieces were; for tests. */
    long wholeDraws() { return redraws.wholeDraws(); }

    long pieceDraws() { return redraws.pieceDraws(); }

    long tilesPainted() { return redraws.tilesPainted(); }

    long tilesClipped() { return redraws.tilesClipped(); }

    /** Points drawn in all series, for tests. */
    public int pointCount() {
        int n = 0;
        for (ShownRun s : shown) n += s.train.getItemCount() + s.test.getItemCount();
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

    ChartViewer viewer() { return viewer; }
}
