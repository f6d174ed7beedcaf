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
        Run run = h.add(TrainingConfig.defaults().with(Settings.EPOCHS, 20));
        run.started(new RunInfo(run.config(), 5_000, 10_000, 50, FLOOR, List.of(), "naive", 2));
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
    void aCurveThatOnlyGrowsDrawsItsNewPiecesOnATileOrTwoAndAMovedAxisDrawsTheChartWhole(FxRobot robot) {
        RunHistory h = new RunHistory();
        Run run = h.add(TrainingConfig.defaults().with(Settings.EPOCHS, 20));
        run.started(new RunInfo(run.config(), 5_000, 10_000, 50, FLOOR, List.of(), "naive", 2));
        int[] step = {0};
        Runnable batches = () -> {
            for (int b = 0; b < 10; b++) {
                double loss = 0.1 + 0.6 / (1 + ++step[0] / 20.0);   // falling: the y axis keeps its range
                run.addBatch(new BatchPoint(1, step[0], step[0], loss, loss, loss / 4, step[0] * 1_000_000L));
            }
        };
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
        robot.interact(() -> assertEquals(false, chart.refresh(h), "nothing new: nothing drawn"));
        assertEquals(whole, chart.wholeDraws());

        run.addEpoch(new EpochMetrics(1, 0.3, 0.3, 0.3, 0.05, 100, 1));   // a test dot, within the axes
        robot.interact(() -> chart.refresh(h));
        assertEquals(whole, chart.wholeDraws(), "a test dot is a new piece too");

        run.addBatch(new BatchPoint(1, 99, 99, 5.0, 5.0, 1, 99_000_000L));   // diverging: the y axis grows
        robot.interact(() -> chart.refresh(h));
        assertEquals(whole + 1, chart.wholeDraws(), "the axis moved: the chart is drawn whole");
        robot.interact(() -> chart.setLogScale(true));
        assertTrue(chart.wholeDraws() >= whole + 2, "a new axis: drawn whole");
    }

    @Test
    void theFloorLabelHidesNoCurveJustAboveTheFloor(FxRobot robot) {
        RunHistory h = new RunHistory();
        Run run = h.add(TrainingConfig.defaults().with(Settings.EPOCHS, 4));
        run.started(new RunInfo(run.config(), 5_000, 10_000, 50, FLOOR, List.of(), "naive", 2));
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

    private static boolean near(java.awt.Color a, java.awt.Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue()) < 60;
    }
}
