package aelab.app.chart;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartChangeEvent;
import org.jfree.chart.event.ChartChangeListener;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * When a chart on screen is drawn whole, and when only what was added to it. JFreeChart redraws a
 * whole chart (title, legend, axes, tick labels, every curve) for any change, and JavaFX's renderer then
 * paints the whole chart again: several ms of the FX thread and more of the renderer's, per chart, too
 * much to do five times a second while the training needs both cores. Between two changes of axes,
 * legend or anything else, a live chart only grows at the right end of its curves. Those new pieces are
 * drawn over the chart on small transparent tiles laid over its data area: a frame's pieces touch one or
 * two tiles, and JavaFX repaints only those, not the chart.
 *
 * The canvas stops listening to the chart itself; this listens instead. A change made while the owner
 * holds the chart (taking in new points) is left to the owner's decision at {@link #release}: whole if
 * the axes moved or the owner says so, new pieces otherwise. Any other change (zoom, a setting, a
 * marker) draws the chart whole at once, as the canvas did. Drawing whole clears the tiles.
 */
final class ChartRedraws implements ChartChangeListener {
    /** A polyline in the chart canvas's coordinates, with a dot of the given radius at each point (0: none). */
    record Piece(double[] xs, double[] ys, Color colour, double width, double[] dashes, double dotRadius) { }

    /** Hands over the pieces added since the last drawing, in the plot's data area; the owner knows which. */
    interface Pieces {
        List<Piece> since(Rectangle2D dataArea);

        /** Everything is on screen now: what comes next is new. */
        void allDrawn();
    }

    /** Side of a tile in pixels: a frame's new pieces span a few pixels, so they mostly fall in one tile. */
    static final int TILE = 64;

    private final ChartCanvas canvas;
    private final XYPlot plot;
    private final Pieces pieces;
    private final Pane tiles = new Pane();
    private final List<Canvas> inked = new ArrayList<>();
    private Rectangle2D tiledArea;
    private boolean holding;
    private Range drawnX, drawnY;
    private Object drawnYAxis;
    private long wholeDraws, pieceDraws, tilesPainted, tilesClipped;

    ChartRedraws(ChartCanvas canvas, XYPlot plot, Pieces pieces) {
        this.canvas = canvas;
        this.plot = plot;
        this.pieces = pieces;
        tiles.setMouseTransparent(true);
        tiles.setPickOnBounds(false);
        JFreeChart chart = canvas.getChart();
        chart.removeChangeListener(canvas);
        chart.addChangeListener(this);
        // The canvas draws itself whole when resized (its own listeners come first): everything is on screen.
        canvas.widthProperty().addListener(o -> drawn());
        canvas.heightProperty().addListener(o -> drawn());
    }

    /** The tiles, to lay over the chart's canvas at the same place and size. */
    Pane tiles() { return tiles; }

    @Override public void chartChanged(ChartChangeEvent event) {
        if (!holding) drawWhole();
    }

    /** From now until {@link #release}, changes to the chart are only collected. */
    void hold() { holding = true; }

    /** Ends a hold: draws the chart whole when asked to or when an axis moved since the last whole drawing; else the new pieces. */
    void release(boolean whole) {
        holding = false;
        if (whole || axesMoved()) drawWhole();
        else drawPieces();
    }

    private boolean axesMoved() {
        return drawnX == null || canvas.getRenderingInfo() == null || plot.getRangeAxis() != drawnYAxis
                || !plot.getDomainAxis().getRange().equals(drawnX) || !plot.getRangeAxis().getRange().equals(drawnY);
    }

    void drawWhole() {
        canvas.draw();
        drawn();
    }

    private void drawn() {
        drawnX = plot.getDomainAxis().getRange();
        drawnY = plot.getRangeAxis().getRange();
        drawnYAxis = plot.getRangeAxis();
        wholeDraws++;
        for (Canvas t : inked) t.getGraphicsContext2D().clearRect(0, 0, t.getWidth(), t.getHeight());
        inked.clear();
        pieces.allDrawn();
    }

    private void drawPieces() {
        ChartRenderingInfo info = canvas.getRenderingInfo();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (area.isEmpty()) return;
        if (!area.equals(tiledArea)) lay(area);
        for (Piece p : pieces.since(area)) draw(p, area);
        pieceDraws++;
        pieces.allDrawn();
    }

    /** A grid of empty tiles over the data area, at whole pixels. */
    private void lay(Rectangle2D area) {
        tiledArea = (Rectangle2D) area.clone();
        tiles.getChildren().clear();
        inked.clear();
        int x0 = (int) Math.floor(area.getMinX()), y0 = (int) Math.floor(area.getMinY());
        int x1 = (int) Math.ceil(area.getMaxX()), y1 = (int) Math.ceil(area.getMaxY());
        for (int y = y0; y < y1; y += TILE)
            for (int x = x0; x < x1; x += TILE) {
                Canvas t = new Canvas(Math.min(TILE, x1 - x), Math.min(TILE, y1 - y));
                t.relocate(x, y);
                tiles.getChildren().add(t);
            }
    }

    /** Draws the piece on every tile its bounds touch, clipped to the data area where it reaches past it. */
    private void draw(Piece p, Rectangle2D area) {
        double pad = p.width() / 2 + p.dotRadius() + 1;
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = minX, maxY = maxX;
        for (int i = 0; i < p.xs().length; i++) {
            minX = Math.min(minX, p.xs()[i]);
            maxX = Math.max(maxX, p.xs()[i]);
            minY = Math.min(minY, p.ys()[i]);
            maxY = Math.max(maxY, p.ys()[i]);
        }
        boolean inside = minX - pad >= area.getMinX() && maxX + pad <= area.getMaxX()
                && minY - pad >= area.getMinY() && maxY + pad <= area.getMaxY();
        for (var node : tiles.getChildren()) {
            Canvas t = (Canvas) node;
            double tx = t.getLayoutX(), ty = t.getLayoutY();
            if (maxX + pad < tx || minX - pad > tx + t.getWidth() || maxY + pad < ty || minY - pad > ty + t.getHeight()) continue;
            GraphicsContext g = t.getGraphicsContext2D();
            g.save();
            g.translate(-tx, -ty);
            if (!inside) {   // a clip costs the software renderer a mask and a blend per tile: only where needed
                tilesClipped++;
                g.beginPath();
                g.rect(area.getX(), area.getY(), area.getWidth(), area.getHeight());
                g.clip();
            }
            g.setStroke(p.colour());
            g.setFill(p.colour());
            g.setLineWidth(p.width());
            g.setLineCap(StrokeLineCap.BUTT);
            g.setLineJoin(StrokeLineJoin.ROUND);
            g.setLineDashes(p.dashes());
            if (p.xs().length >= 2) g.strokePolyline(p.xs(), p.ys(), p.xs().length);
            if (p.dotRadius() > 0) {
                double r = p.dotRadius();
                for (int i = 0; i < p.xs().length; i++) g.fillOval(p.xs()[i] - r, p.ys()[i] - r, 2 * r, 2 * r);
            }
            g.restore();
            if (!inked.contains(t)) inked.add(t);
            tilesPainted++;
        }
    }

    /** Times the chart was drawn whole, for tests. */
    long wholeDraws() { return wholeDraws; }

    /** Times only new pieces were drawn, for tests. */
    long pieceDraws() { return pieceDraws; }

    /** Tiles painted on so far, a piece at a time; for tests. */
    long tilesPainted() { return tilesPainted; }

    /** Of those, the ones painted through a clip to the data area; for tests. */
    long tilesClipped() { return tilesClipped; }
}
