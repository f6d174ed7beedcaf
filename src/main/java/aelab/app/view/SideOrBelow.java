package aelab.app.view;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Two panes side by side when the width holds the first at the width it wants and the second at its
 * smallest; else the second below the first, both the full width. The second keeps its preferred size
 * (width beside, height below), never less than its minimum; the first takes the rest. How a window of
 * 1024 pixels keeps its digits whole beside a status that would otherwise cover them.
 */
public final class SideOrBelow extends Pane {
    private final Region first, second;
    private final double gap, firstWidth;
    private boolean secondGrows;
    private java.util.function.BiPredicate<Double, Double> alsoBeside = (w, h) -> false;
    private long layoutRequests;

    /** @param firstWidth the width the first wants beside the second */
    public SideOrBelow(Region first, Region second, double gap, double firstWidth) {
        this.first = first;
        this.second = second;
        this.gap = gap;
        this.firstWidth = firstWidth;
        getChildren().addAll(first, second);
    }

    /** Below, the second takes the height the first does not need (the first keeps its preferred height). */
    public SideOrBelow secondGrows() {
        secondGrows = true;
        return this;
    }

    /**
     * Also side by side, narrower than the first wants, when this says so for the inner width and height:
     * when putting the second below would not let the first have more anyway.
     */
    public SideOrBelow besideAlsoWhen(java.util.function.BiPredicate<Double, Double> when) {
        alsoBeside = when;
        return this;
    }

    /** Whether a pane of this inner width and height puts them side by side. */
    private boolean besideAt(double width, double height) {
        return besideAt(width) || (width >= first.minWidth(-1) + gap + second.minWidth(-1) && alsoBeside.test(width, height));
    }

    /** Whether a pane of this inner width puts them side by side. */
    public boolean besideAt(double width) {
        return width >= firstWidth + gap + second.minWidth(-1);
    }

    /**
     * How many times this pane or a node in it asked for a new layout: a content grown by a line asks, a line
     * laid out alone (see {@link SteadyBox}) does not. What changes with every frame of a run does not count, so
     * a caller can tell, for the cost of comparing two numbers, whether the room this pane needs may have changed.
     */
    public long layoutRequests() { return layoutRequests; }

    @Override public void requestLayout() {
        layoutRequests++;
        super.requestLayout();
    }

    /** Whether they are side by side now. */
    public boolean beside() { return besideAt(innerWidth(getWidth()), getHeight() - vertical()); }

    private double innerWidth(double width) {
        Insets in = getInsets();
        return width - in.getLeft() - in.getRight();
    }

    @Override public Orientation getContentBias() { return Orientation.HORIZONTAL; }

    @Override protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft(), y = in.getTop(), w = innerWidth(getWidth()), h = getHeight() - y - in.getBottom();
        if (besideAt(w, h)) {
            double sw = Math.min(secondWidth(w, h), w - gap - first.minWidth(-1));
            first.resizeRelocate(x, y, w - gap - sw, h);
            second.resizeRelocate(x + w - sw, y, sw, h);
        } else {
            double sh = secondGrows
                    ? h - gap - Math.max(first.minHeight(w), Math.min(first.prefHeight(w), h - gap - second.minHeight(w)))
                    : Math.max(second.minHeight(w), Math.min(second.prefHeight(w), h - gap - first.minHeight(w)));
            first.resizeRelocate(x, y, w, Math.max(0, h - gap - sh));
            second.resizeRelocate(x, y + h - sh, w, sh);
        }
    }

    @Override protected double computeMinWidth(double height) {
        return Math.max(first.minWidth(-1), second.minWidth(-1)) + horizontal();
    }

    @Override protected double computePrefWidth(double height) {
        return firstWidth + gap + second.prefWidth(-1) + horizontal();
    }

    @Override protected double computeMinHeight(double width) { return height(width, true); }

    @Override protected double computePrefHeight(double width) { return height(width, false); }

    /** Beside: the taller of the two at the widths they get; below: both, at the full width. */
    private double height(double width, boolean min) {
        double w = width < 0 ? -1 : innerWidth(width), h;
        // the height it has now stands for the height it will get: its parent asks before it decides
        if (w >= 0 && besideAt(w, getHeight() - vertical())) {
            double sw = Math.min(secondWidth(w, -1), w - gap - first.minWidth(-1));
            h = Math.max(size(first, w - gap - sw, min), size(second, sw, min));
        } else {
            h = size(first, w, min) + gap + size(second, w, min);
        }
        return h + vertical();
    }

    private static double size(Region r, double width, boolean min) {
        return min ? r.minHeight(width) : r.prefHeight(width);
    }

    private double secondWidth(double w, double h) {
        return Math.max(second.minWidth(-1), Math.min(second.prefWidth(h), w - firstWidth - gap));
    }

    private double horizontal() { return getInsets().getLeft() + getInsets().getRight(); }

    private double vertical() { return getInsets().getTop() + getInsets().getBottom(); }
}
