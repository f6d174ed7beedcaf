package aelab.app.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The points added since the chart was last drawn whole, drawn as the renderers would: the end of
 * each training line from its last point on screen, and each new test dot with its dashed link.
 */
final class NewPieces implements ChartRedraws.Pieces {
    private final XYPlot plot;
    private final XYLineAndShapeRenderer trainLines, testDots;
    private final List<ShownRun> shown;

    NewPieces(XYPlot plot, XYLineAndShapeRenderer trainLines, XYLineAndShapeRenderer testDots, List<ShownRun> shown) {
        this.plot = plot;
        this.trainLines = trainLines;
        this.testDots = testDots;
        this.shown = shown;
    }

    @Override public List<ChartRedraws.Piece> since(Rectangle2D area) {
        ValueAxis xAxis = plot.getDomainAxis(), yAxis = plot.getRangeAxis();
        RectangleEdge xEdge = plot.getDomainAxisEdge(), yEdge = plot.getRangeAxisEdge();
        List<ChartRedraws.Piece> pieces = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            ShownRun s = shown.get(i);
            int n = s.train.getItemCount();
            if (n > s.drawnTrain && n >= 2) {
                int from = Math.max(0, s.drawnTrain - 1);
                double[] xs = new double[n - from], ys = new double[n - from];
                for (int k = from; k < n; k++) {
                    xs[k - from] = xAxis.valueToJava2D(s.train.getX(k).doubleValue(), area, xEdge);
                    ys[k - from] = yAxis.valueToJava2D(s.train.getY(k).doubleValue(), area, yEdge);
                }
                pieces.add(piece(trainLines, i, xs, ys, 0));
            }
            for (int k = Math.max(1, s.drawnTest); k < s.test.getItemCount(); k++) {
                double[] xs = {xAxis.valueToJava2D(s.test.getX(k - 1).doubleValue(), area, xEdge),
                        xAxis.valueToJava2D(s.test.getX(k).doubleValue(), area, xEdge)};
                double[] ys = {yAxis.valueToJava2D(s.test.getY(k - 1).doubleValue(), area, yEdge),
                        yAxis.valueToJava2D(s.test.getY(k).doubleValue(), area, yEdge)};
                pieces.add(piece(testDots, i, xs, ys, 0));
            }
            for (int k = s.drawnTest; k < s.test.getItemCount(); k++) {
                double[] xs = {xAxis.valueToJava2D(s.test.getX(k).doubleValue(), area, xEdge)};
                double[] ys = {yAxis.valueToJava2D(s.test.getY(k).doubleValue(), area, yEdge)};
                pieces.add(piece(testDots, i, xs, ys, 3.5));
            }
        }
        return pieces;
    }

    /** Points in series i's colour and stroke, as the renderer draws it. */
    private ChartRedraws.Piece piece(XYLineAndShapeRenderer r, int i, double[] xs, double[] ys, double dot) {
        Color c = (Color) r.getSeriesPaint(i);
        BasicStroke b = (BasicStroke) r.getSeriesStroke(i);
        float[] dash = b.getDashArray();
        double[] d = new double[dash == null ? 0 : dash.length];
        for (int k = 0; k < d.length; k++) d[k] = dash[k];
        return new ChartRedraws.Piece(xs, ys, javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(),
                c.getAlpha() / 255.0), b.getLineWidth(), d, dot);
    }

    @Override public void allDrawn() {
        for (ShownRun s : shown) {
            s.drawnTrain = s.train.getItemCount();
            s.drawnTest = s.test.getItemCount();
        }
    }
}
