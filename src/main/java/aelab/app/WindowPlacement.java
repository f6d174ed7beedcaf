package aelab.app;

import aelab.app.model.AppPreferences.WindowBounds;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the window where it was last time, if that place is still on a screen; reads where it is now. */
final class WindowPlacement {
    private WindowPlacement() { }

    static void restore(Stage stage, WindowBounds b) {
        if (b == null) return;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(b.width(), Math.max(WindowBounds.MIN_WIDTH, screen.getWidth())));
        stage.setHeight(Math.min(b.height(), Math.max(WindowBounds.MIN_HEIGHT, screen.getHeight())));
        // A monitor that was unplugged since would leave the window out of sight: keep the default place then.
        if (!Screen.getScreensForRectangle(b.x(), b.y(), Math.min(b.width(), 200), Math.min(b.height(), 100)).isEmpty()) {
            stage.setX(b.x());
            stage.setY(b.y());
        }
        stage.setMaximized(b.maximized());
    }

    static WindowBounds capture(Stage stage) {
        return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }
}
