package aelab.app.view;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Holds one node whose content changes with every frame of a run (a figure, a step count, a progress bar),
 * so that a change costs the layout of that node alone, not of the window around it.
 *
 * A label whose text changes, or a progress bar whose value does, asks for a layout, and JavaFX passes
 * the request up to the nearest layout root, the window: every frame then laid out the window (its split
 * pane, the charts' viewers, the settings' scroll pane), measured at about a third of the FX thread's time
 * per frame. The node held here is unmanaged, which makes it a layout root: its requests stop at it, and
 * JavaFX lays it out alone. This box takes the size the node wants, and asks its own parent for a layout
 * only when the node's wanted height at its width changes (a line wraps to two): see {@link #changed()}.
 */
public final class SteadyBox extends Region {
    private final Region content;
    private double wanted = -1;   // the node's preferred height at the box's width when last laid out

    public SteadyBox(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        setMinWidth(0);
    }

    /** A box holding a label that wraps, with a style class; its text is set with {@link #setText}. */
    public static SteadyBox ofLabel(Label label) {
        label.setWrapText(true);
        return new SteadyBox(label);
    }

    /** The node held. */
    public Region content() { return content; }

    /** Sets the text of the label held, if it differs; a layout of the parent only when its height changes. */
    public void setText(String text) {
        Label l = (Label) content;
        if (text.equals(l.getText())) return;
        l.setText(text);
        changed();
    }

    /**
     * After the node held changed: the parent lays this box out again only if the height the node wants at
     * the box's width changed. Compared with what it wanted when last laid out, not with the height it has: a
     * parent may stretch the box (an HBox fills its height), and then the two never agree, and every frame laid
     * out the window around it (measured: the step under the digits did so five times a second).
     */
    public void changed() {
        double w = innerWidth();
        if (w <= 0 || Math.abs(content.prefHeight(w) - wanted) > 0.5) requestLayout();
    }

    private double innerWidth() { return getWidth() - getInsets().getLeft() - getInsets().getRight(); }

    /** As the node's: a wrapping label's height depends on its width, and its parent must ask it at that width. */
    @Override public javafx.geometry.Orientation getContentBias() { return content.getContentBias(); }

    @Override protected double computeMinWidth(double height) {
        return getInsets().getLeft() + getInsets().getRight() + content.minWidth(-1);
    }

    @Override protected double computePrefWidth(double height) {
        return getInsets().getLeft() + getInsets().getRight() + content.prefWidth(-1);
    }

    @Override protected double computeMinHeight(double width) { return computePrefHeight(width); }

    @Override protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double w = width < 0 ? -1 : Math.max(0, width - in.getLeft() - in.getRight());
        return in.getTop() + in.getBottom() + content.prefHeight(w);
    }

    @Override protected void layoutChildren() {
        Insets in = getInsets();
        double w = innerWidth();
        wanted = w > 0 ? content.prefHeight(w) : -1;
        content.resizeRelocate(in.getLeft(), in.getTop(), Math.max(0, w), Math.max(0, getHeight() - in.getTop() - in.getBottom()));
    }
}
