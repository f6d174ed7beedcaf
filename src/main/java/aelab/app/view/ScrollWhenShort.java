package aelab.app.view;

import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Holds a panel straight, or in a scroll pane while it is given less height than it needs: a split pane
 * lays an item out at its least height even where that runs over its neighbour, so a panel that may be
 * short (the digits and status under the charts: four kinds side by side on a 1024 × 768 screen need
 * eight rows of digits and four status lines) scrolls instead.
 *
 * Only then: inside a scroll pane, the viewport's clip keeps JavaFX from starting a repaint at the
 * panels within, and every live frame cost the renderer 0.058 cores instead of 0.035 (window-bench,
 * decision 0011).
 */
public final class ScrollWhenShort extends StackPane {
    private final Region panel;
    private final ScrollPane scroll = new ScrollPane();

    public ScrollWhenShort(Region panel) {
        this.panel = panel;
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("digits-scroll");
        getChildren().add(panel);
    }

    /** Scrolls when the panel needs more than room (window units) at this holder's width, else holds it straight. */
    public void fit(double room) {
        double w = getWidth();
        if (w <= 0) return;
        boolean short_ = panel.minHeight(w) > room;
        if (short_ == scrolls()) return;
        getChildren().clear();
        scroll.setContent(short_ ? panel : null);
        getChildren().add(short_ ? scroll : panel);
    }

    /** Whether the panel is in the scroll pane now. */
    public boolean scrolls() { return scroll.getContent() == panel; }
}
