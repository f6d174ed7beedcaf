package aelab.app.chart;

import java.awt.geom.Rectangle2D;
import java.util.function.BiFunction;

import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * What the mouse does on a loss chart: hovering a curve tells its run, step and value; dragging a
 * rectangle zooms in (JFreeChart's own); the wheel zooms the epochs around the pointer, never below
 * epoch 0; Alt-drag moves the view; a double-click shows everything again. The tooltip says so
 * wherever no point is under the pointer.
 */
final class ChartGestures {
    static final String HINT = "Hover a curve for its run, step and value · drag a rectangle to zoom in · "
            + "the wheel zooms the epochs around the pointer · Alt-drag moves the view · double-click shows everything again\n"
            + "The dash-dotted PCA line: what PCA with the same code width (a linear code of as many numbers) "
            + "reaches on the test images; test dots below it have beaten it";
    /** Each notch of the wheel shows this much less (or more) of the epoch axis. */
    static final double WHEEL_FACTOR = 0.8;

    private final Tooltip tooltip = new Tooltip(HINT);

    /**
     * @param describe what is under a point of the canvas, or null for nothing
     * @param zoomed   called when the wheel zoomed
     * @param reset    called on a double-click
     */
    ChartGestures(ChartCanvas canvas, XYPlot plot, BiFunction<Double, Double, String> describe, Runnable zoomed, Runnable reset) {
        MouseHandlerFX scroll = canvas.getMouseHandler("scroll");
        if (scroll != null) canvas.removeAuxiliaryMouseHandler(scroll);   // it zooms both axes past 0: ours below
        MouseHandlerFX tip = canvas.getMouseHandler("tooltip");
        if (tip != null) canvas.removeAuxiliaryMouseHandler(tip);
        tooltip.setShowDelay(Duration.millis(200));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        Tooltip.install(canvas, tooltip);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            String text = describe.apply(e.getX(), e.getY());
            tooltip.setText(text == null ? HINT : text);
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            Rectangle2D area = canvas.getRenderingInfo() == null ? null : canvas.getRenderingInfo().getPlotInfo().getDataArea();
            if (area == null || e.getDeltaY() == 0 || !area.contains(e.getX(), e.getY())) return;
            double at = plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
            Range r = zoomAround(plot.getDomainAxis().getRange(), at, e.getDeltaY() > 0 ? WHEEL_FACTOR : 1 / WHEEL_FACTOR, 0);
            zoomed.run();
            plot.getDomainAxis().setRange(r);
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) reset.run();
        });
    }

    String tooltipText() { return tooltip.getText(); }

    /**
     * The range scaled by factor around the value at, the point under the pointer staying put; moved right
     * when it would start below floor (a longer range than the data's is fine: it just shows empty space).
     *
     *   lower' = at − (at − lower) · factor,  upper' = at + (upper − at) · factor
     */
    static Range zoomAround(Range r, double at, double factor, double floor) {
        double lower = at - (at - r.getLowerBound()) * factor, upper = at + (r.getUpperBound() - at) * factor;
        if (lower < floor) {
            upper += floor - lower;
            lower = floor;
        }
        return new Range(lower, upper);
    }

    /** Index of the point nearest to (x, y) among (xs, ys) within radius, or −1. */
    static int nearest(double[] xs, double[] ys, int n, double x, double y, double radius) {
        int best = -1;
        double bestD = radius * radius;
        for (int i = 0; i < n; i++) {
            double d = (xs[i] - x) * (xs[i] - x) + (ys[i] - y) * (ys[i] - y);
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
