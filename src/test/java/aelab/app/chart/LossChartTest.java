package aelab.app.chart;

import aelab.engine.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.Baseline;
import aelab.app.model.Run;
import aelab.app.model.RunHistory;
import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.TrainingConfig;

import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LossChartTest {
    private static final double FLOOR = 0.057;
    private LossChart chart;

    @Start
    void start(Stage stage) {
        chart = new LossChart(LossChart.Metric.BCE);
        stage.setScene(new Scene(chart, 600, 400));
        stage.show();
    }

    /** A run of the given length, as the bridge would have filled it: loss falling from 0.7 towards 0.1. */
    private static RunHistory history(int epochs, int batchesPerEpoch) {
        return history(epochs, batchesPerEpoch, 1);
    }

    /** The same for several runs side by side. */
    private static RunHistory history(int epochs, int batchesPerEpoch, int runs) {
        RunHistory h = new RunHistory();
        TrainingConfig c = TrainingConfig.defaults().with(Settings.EPOCHS, epochs);
        for (Run run : h.addGroup(java.util.Collections.nCopies(runs, c))) fill(run, epochs, batchesPerEpoch);
        return h;
    }

    private static void fill(Run run, int epochs, int batchesPerEpoch) {
        TrainingConfig c = run.config();
        run.started(new RunInfo(c, batchesPerEpoch * 100, 10_000, batchesPerEpoch, FLOOR, List.of(), "naive", 2));
        long step = 0;
        for (int e = 1; e <= epochs; e++) {
            for (int b = 1; b <= batchesPerEpoch; b++) {
                double loss = 0.1 + 0.6 / (1 + ++step / 100.0);
                run.addBatch(new BatchPoint(e, b, step, loss, loss, loss / 4, step * 1_000_000L));
            }
            run.addEpoch(new EpochMetrics(e, 0.2, 0.2, 0.2, 0.05, 100, 1));
        }
    }

    @Test
    void fiftyEpochsOfSixHundredBatchesDrawAtMostTheCappedPoints(FxRobot robot) {
        RunHistory h = history(50, 600);
        robot.interact(() -> chart.refresh(h));
        int points = chart.pointCount();
        assertTrue(points <= Run.CURVE_CAP + 50, "points drawn: " + points);
        assertTrue(points > 500, "the curve is still there: " + points);
    }

    @Test
    void theEpochAxisSpansThePlannedEpochsFromTheFirstBatch(FxRobot robot) {
        RunHistory h = new RunHistory();
        Run run = started(h, 20);
        run.addBatch(new BatchPoint(1, 1, 1, 0.7, 0.7, 0.2, 1_000_000L));
        robot.interact(() -> chart.refresh(h));
        ValueAxis x = chart.chart().getXYPlot().getDomainAxis();
        assertEquals(0, x.getLowerBound());
        assertEquals(20, x.getUpperBound(), "all 20 planned epochs at once, not the first batch's 0.02");
        for (int b = 2; b <= 50; b++) run.addBatch(new BatchPoint(1, b, b, 0.6, 0.6, 0.2, b * 1_000_000L));
        run.addEpoch(new EpochMetrics(1, 0.6, 0.6, 0.6, 0.2, 100, 1));
        robot.interact(() -> chart.refresh(h));
        assertEquals(20, x.getUpperBound(), "no rescaling as the run advances");
        robot.interact(() -> chart.refresh(new RunHistory()));
        assertTrue(((org.jfree.chart.axis.NumberAxis) x).isAutoRange(), "no run: the axis fits itself");
    }

    @Test
    void theLogScaleStillShowsTheFloor(FxRobot robot) {
        RunHistory h = history(2, 50);
        robot.interact(() -> {
            chart.refresh(h);
            chart.setLogScale(true);
        });
        ValueAxis y = chart.chart().getXYPlot().getRangeAxis();
        assertTrue(chart.isLogScale());
        assertTrue(y.getLowerBound() < FLOOR, "lower bound " + y.getLowerBound());
        assertTrue(y.getUpperBound() > 0.6, "upper bound " + y.getUpperBound());
        robot.interact(() -> chart.setLogScale(false));
        assertEquals(0, chart.chart().getXYPlot().getRangeAxis().getLowerBound(), 1e-12);
    }

    @Test
    void fourRunsOfFiftyEpochsOfSixHundredBatchesStayWithinTheCapEach(FxRobot robot) {
        RunHistory h = history(50, 600, 4);
        robot.interact(() -> chart.refresh(h));
        assertEquals(4, chart.seriesCount());
        int points = chart.pointCount();
        assertTrue(points <= 4 * (Run.CURVE_CAP + 50), "points drawn: " + points);
    }

    @Test
    void thePcaBaselineIsALineAtItsBceThatAnUpdateRefreshesAndAboveTheFloorHides(FxRobot robot) {
        RunHistory h = history(2, 50);
        robot.interact(() -> chart.refresh(h));
        assertTrue(!chart.showsPcaLine(), "no line before the baseline is known");
        robot.interact(() -> {
            chart.setPcaBaseline(new aelab.engine.PcaBaseline.Figures(28, 0.1228, 0.0170));
            assertTrue(chart.refresh(h), "a new baseline is news: the chart redraws");
        });
        assertTrue(chart.showsPcaLine());
        assertEquals(0.1228, chart.pcaLineValue(), 0);
        robot.interact(() -> {
            chart.setPcaBaseline(new aelab.engine.PcaBaseline.Figures(8, 0.2, 0.05));
            chart.refresh(h);
        });
        assertEquals(0.2, chart.pcaLineValue(), 0, "another code width, another line");
        robot.interact(() -> {
            chart.setBaseline(Baseline.FLOOR);
            chart.refresh(h);
        });
        assertTrue(!chart.showsPcaLine(), "BCE above the floor is not BCE: the line would mislead");
        robot.interact(() -> {
            chart.setBaseline(Baseline.ZERO);
            chart.setPcaBaseline(null);
            chart.refresh(h);
        });
        assertTrue(!chart.showsPcaLine());
    }

    @Test
    void aboveTheFloorEveryPointDropsByTheFloorAndTheFloorLineGoes(FxRobot robot) {
        RunHistory h = history(2, 50);
        robot.interact(() -> chart.refresh(h));
        assertEquals(0.2, chart.lastTestY(0), 1e-12);
        assertTrue(chart.showsFloorLine());
        robot.interact(() -> {
            chart.setBaseline(Baseline.FLOOR);
            chart.refresh(h);
        });
        assertEquals(0.2 - FLOOR, chart.lastTestY(0), 1e-12);
        assertTrue(!chart.showsFloorLine(), "no floor line above the floor");
        assertEquals("BCE above the floor (BCE − floor)", chart.chart().getXYPlot().getRangeAxis().getLabel());
        robot.interact(() -> {
            chart.setBaseline(Baseline.ZERO);
            chart.refresh(h);
        });
        assertEquals(0.2, chart.lastTestY(0), 1e-12);
        assertTrue(chart.showsFloorLine());
    }

    @Test
    void aCurveThatAveragesItsPointsInPairsGoesOnInPiecesUnderAnAxisThatStays(FxRobot robot) {
        RunHistory h = new RunHistory();
        Run run = started(h, 40);
        int[] step = {0};
        java.util.function.IntConsumer batches = n -> addBatches(run, step, n, true);   // flat, then falling
        batches.accept(Run.CURVE_CAP - 20);
        robot.interact(() -> chart.refresh(h));
        long whole = chart.wholeDraws(), pieces = chart.pieceDraws();
        int before = chart.pointCount();
        batches.accept(40);   // the curve fills and averages its points in pairs: its first peak a little lower
        robot.interact(() -> chart.refresh(h));
        assertTrue(chart.pointCount() < before, "the curve halved: " + before + " → " + chart.pointCount());
        assertEquals(whole, chart.wholeDraws(), "what is on screen looks the same: not drawn whole");
        assertEquals(pieces + 1, chart.pieceDraws(), "its new points are a piece");
        batches.accept(10);
        robot.interact(() -> chart.refresh(h));
        assertEquals(whole, chart.wholeDraws());
        assertEquals(pieces + 2, chart.pieceDraws(), "and it goes on in pieces");
    }

    @Test
    void aCurveThatOnlyGrowsDrawsItsNewPiecesOnATileOrTwoAndAMovedAxisDrawsTheChartWhole(FxRobot robot) {
        RunHistory h = new RunHistory();
        Run run = started(h, 20);
        int[] step = {0};
        Runnable batches = () -> addBatches(run, step, 10, false);   // falling: the y axis keeps its range
        batches.run();
        robot.interact(() -> chart.refresh(h));
        long whole = chart.wholeDraws(), pieces = chart.pieceDraws();
        for (int frame = 1; frame <= 3; frame++) {
            batches.run();
            robot.interact(() -> chart.refresh(h));
            assertEquals(whole, chart.wholeDraws(), "frame " + frame + ": only new points, nothing drawn whole");
            assertEquals(pieces + frame, chart.pieceDraws());
        }
        long tiles = chart.tilesPainted();
        assertTrue(tiles >= 3 && tiles <= 3 * 4, "each frame's piece on a tile or a few: " + tiles);
        assertEquals(0, chart.tilesClipped(), "pieces well inside the data area are drawn without a clip (costly to render)");
        robot.interact(() -> assertEquals(false, chart.refresh(h), "nothing new: nothing drawn"));
        assertEquals(whole, chart.wholeDraws());

        run.addEpoch(new EpochMetrics(1, 0.3, 0.3, 0.3, 0.05, 100, 1));   // a test dot, within the axes
        robot.interact(() -> chart.refresh(h));
        assertEquals(whole, chart.wholeDraws(), "a test dot is a new piece too");
        assertEquals(0, chart.tilesClipped());
        run.addEpoch(new EpochMetrics(2, 0.3, 0.0, 0.0, 0.0, 100, 1));   // a test dot on the x axis: its disc reaches past the area
        robot.interact(() -> chart.refresh(h));
        assertEquals(whole, chart.wholeDraws());
        assertTrue(chart.tilesClipped() > 0, "a piece that reaches past the data area is clipped to it");

        run.addBatch(new BatchPoint(1, 99, 99, 5.0, 5.0, 1, 99_000_000L));   // diverging: the y axis grows
        robot.interact(() -> chart.refresh(h));
        assertEquals(whole + 1, chart.wholeDraws(), "the axis moved: the chart is drawn whole");
        robot.interact(() -> chart.setLogScale(true));
        assertTrue(chart.wholeDraws() >= whole + 2, "a new axis: drawn whole");
    }

    @Test
    void theFloorLabelHidesNoCurveJustAboveTheFloor(FxRobot robot) {
        RunHistory h = new RunHistory();
        Run run = started(h, 4);
        double just = FLOOR + 0.002;   // a few pixels above the floor line, where a label above it would sit
        for (int b = 1; b <= 200; b++) run.addBatch(new BatchPoint(1, b, b, just, just, 0.01, b * 1_000_000L));
        robot.interact(() -> chart.refresh(h));
        assertTrue(chart.showsFloorLine());
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(600, 400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        robot.interact(() -> {
            java.awt.Graphics2D g = image.createGraphics();
            chart.chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 600, 400), info);
            g.dispose();
        });
        java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
        var plot = chart.chart().getXYPlot();
        int y = (int) Math.round(plot.getRangeAxis().valueToJava2D(just, area, plot.getRangeAxisEdge()));
        assertTrue(plot.getRangeAxis().valueToJava2D(FLOOR, area, plot.getRangeAxisEdge()) - y >= 5, "apart on screen");
        java.awt.Color line = Palette.run(run.colour(), false);
        int curveSeen = 0;
        for (int x = (int) area.getX() + 20; x < area.getX() + 120; x += 10) {   // where the label sits, at the left
            boolean found = false;
            for (int dy = -2; dy <= 2 && !found; dy++) found = near(new java.awt.Color(image.getRGB(x, y + dy)), line);
            if (found) curveSeen++;
        }
        assertEquals(10, curveSeen, "the curve shows all along the label's stretch of the floor");
    }

    /** A run of the given epochs in h, started as the trainer starts it. */
    private static Run started(RunHistory h, int epochs) {
        Run run = h.add(TrainingConfig.defaults().with(Settings.EPOCHS, epochs));
        run.started(new RunInfo(run.config(), 5_000, 10_000, 50, FLOOR, List.of(), "naive", 2));
        return run;
    }

    /** n more batches after step[0], whose loss falls as 0.1 + 0.6 / (1 + step / 20), capped at 0.5 if flatFirst. */
    private static void addBatches(Run run, int[] step, int n, boolean flatFirst) {
        for (int b = 0; b < n; b++) {
            double loss = 0.1 + 0.6 / (1 + ++step[0] / 20.0);
            if (flatFirst) loss = Math.min(0.5, loss);
            run.addBatch(new BatchPoint(1, step[0], step[0], loss, loss, loss / 4, step[0] * 1_000_000L));
        }
    }

    private static boolean near(java.awt.Color a, java.awt.Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue()) < 60;
    }

    @Test
    void hoveringAPointTellsItsRunStepAndValue(FxRobot robot) {
        RunHistory h = history(2, 50);
        robot.interact(() -> chart.refresh(h));
        var plot = chart.chart().getXYPlot();
        java.awt.geom.Rectangle2D[] area = new java.awt.geom.Rectangle2D[1];
        robot.interact(() -> area[0] = chart.viewer().getCanvas().getRenderingInfo().getPlotInfo().getDataArea());
        double dotX = plot.getDomainAxis().valueToJava2D(2, area[0], plot.getDomainAxisEdge());
        double dotY = plot.getRangeAxis().valueToJava2D(0.2, area[0], plot.getRangeAxisEdge());
        String[] text = new String[3];
        robot.interact(() -> {
            text[0] = chart.describe(dotX + 2, dotY - 1);
            text[1] = chart.describe(dotX, area[0].getMinY() + 2);   // far above every point
            var train = chart.chart().getXYPlot().getDataset(0);
            int last = train.getItemCount(0) - 1;
            text[2] = chart.describe(plot.getDomainAxis().valueToJava2D(train.getXValue(0, last), area[0], plot.getDomainAxisEdge()),
                    plot.getRangeAxis().valueToJava2D(train.getYValue(0, last), area[0], plot.getRangeAxisEdge()));
        });
        assertTrue(text[0].startsWith("#1 ") && text[0].contains("test set after epoch 2") && text[0].contains("BCE 0.2"), text[0]);
        assertEquals(null, text[1]);
        assertTrue(text[2].contains("step 100 (epoch 2.00)") && text[2].contains("BCE "), text[2]);
    }

    @Test
    void theWheelNeverShowsNegativeEpochsAndADoubleClickShowsEverythingAgain(FxRobot robot) {
        RunHistory h = history(2, 50);
        robot.interact(() -> chart.refresh(h));
        ValueAxis x = chart.chart().getXYPlot().getDomainAxis();
        robot.moveTo(chart.viewer().getCanvas()).scroll(3, javafx.geometry.VerticalDirection.UP);
        assertTrue(chart.zoomed(), "the wheel zoomed");
        assertTrue(x.getUpperBound() - x.getLowerBound() != 2, "a new span: " + x.getRange());
        robot.scroll(12, javafx.geometry.VerticalDirection.DOWN);
        assertTrue(x.getLowerBound() >= 0, "no negative epochs: " + x.getRange());
        org.jfree.data.Range zoomedTo = x.getRange();
        h.latest().addBatch(new BatchPoint(2, 51, 101, 0.1, 0.1, 0.02, 101_000_000L));
        robot.interact(() -> assertTrue(chart.refresh(h)));
        assertTrue(chart.zoomed(), "new points keep the zoom");
        assertEquals(zoomedTo, x.getRange());
        robot.doubleClickOn(chart.viewer().getCanvas());
        assertTrue(!chart.zoomed());
        assertEquals(0, x.getLowerBound());
        assertEquals(2.02, x.getUpperBound(), 1e-9, "the planned epochs again, and the batch trained past them");
    }

    @Test
    void zoomingAroundAPointKeepsItAndStopsAtTheFloor() {
        org.jfree.data.Range r = ChartGestures.zoomAround(new org.jfree.data.Range(0, 10), 5, 0.5, 0);
        assertEquals(2.5, r.getLowerBound(), 1e-12);
        assertEquals(7.5, r.getUpperBound(), 1e-12);
        r = ChartGestures.zoomAround(new org.jfree.data.Range(0, 10), 2, 2, 0);   // out: 2 − 4 = −2 would be shown
        assertEquals(0, r.getLowerBound(), 1e-12);
        assertEquals(20, r.getUpperBound(), 1e-12);
    }

    @Test
    void thePlotKeepsItsSizeAsEightRunsAccumulate(FxRobot robot) {
        RunHistory h = new RunHistory();
        java.util.Set<Double> heights = new java.util.TreeSet<>(), widths = new java.util.TreeSet<>();
        for (int k = 1; k <= 8; k++) {
            // each run differs in its learning rate, so every legend entry is long: "#k sigmoid + bce, [0,1] · lr 0.00k"
            Run run = h.add(TrainingConfig.defaults().with(Settings.EPOCHS, 2).with(Settings.LEARNING_RATE, 0.001 * k));
            fill(run, 2, 20);
            robot.interact(() -> chart.refresh(h));
            java.awt.geom.Rectangle2D[] area = new java.awt.geom.Rectangle2D[1];
            robot.interact(() -> area[0] = chart.viewer().getCanvas().getRenderingInfo().getPlotInfo().getDataArea());
            heights.add(area[0].getHeight());
            widths.add(area[0].getWidth());
        }
        assertEquals(1, heights.size(), "plot heights: " + heights);
        assertEquals(1, widths.size(), "plot widths: " + widths);
        assertTrue(chart.legendEntries() < 8 + 1, "the legend names the newest runs and counts the rest: " + chart.legendEntries());
    }
}
