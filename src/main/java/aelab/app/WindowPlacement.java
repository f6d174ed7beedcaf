package aelab.app;

import aelab.app.model.AppPreferences.WindowBounds;

import java.util.List;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the window opens: where it was last time, moved and shrunk as little as needed to lie wholly on
 * one screen (the one that held most of it, else the main one); the first time, centred, at {@link #DEFAULT_WIDTH}
 * × {@link #DEFAULT_HEIGHT}, or three quarters of a bigger screen, or the whole of a smaller one. What is remembered is the window's
 * own place, not the maximized one: a window maximized on a big screen would otherwise come back at that
 * size on a small one, partly out of sight.
 */
final class WindowPlacement {
    static final double DEFAULT_WIDTH = 1400, DEFAULT_HEIGHT = 900, SHARE = 0.75;

    private final Stage stage;
    private WindowBounds normal;   // the last place and size while not maximized

    private WindowPlacement(Stage stage) {
        this.stage = stage;
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.isShowing())
                normal = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        };
        stage.xProperty().addListener(o -> track.run());
        stage.yProperty().addListener(o -> track.run());
        stage.widthProperty().addListener(o -> track.run());
        stage.heightProperty().addListener(o -> track.run());
        stage.showingProperty().addListener(o -> track.run());
    }

    /** Sizes and places the stage before it shows, then keeps track of its place for {@link #capture}. */
    static WindowPlacement restore(Stage stage, WindowBounds remembered) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowBounds b = place(remembered, screens, Screen.getPrimary().getVisualBounds());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setMaximized(b.maximized());
        return new WindowPlacement(stage);
    }

    /** The window's own place and size (the one before it was maximized, if it is), and whether it is maximized. */
    WindowBounds capture() {
        WindowBounds own = normal != null ? normal
                : new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        return new WindowBounds(own.x(), own.y(), own.width(), own.height(), stage.isMaximized());
    }

    /**
     * Where a window remembered at {@code b} (null: never shown) opens among these screens' visual bounds:
     * on the screen sharing most area with it (the primary if none does), no larger than that screen, and
     * moved the least distance that puts it wholly on it.
     */
    static WindowBounds place(WindowBounds b, List<Rectangle2D> screens, Rectangle2D primary) {
        if (b == null) {   // a big screen gets a big window: three quarters of it, for larger digits and charts
            double w = Math.min(Math.max(DEFAULT_WIDTH, SHARE * primary.getWidth()), primary.getWidth());
            double h = Math.min(Math.max(DEFAULT_HEIGHT, SHARE * primary.getHeight()), primary.getHeight());
            return new WindowBounds(primary.getMinX() + Math.floor((primary.getWidth() - w) / 2),
                    primary.getMinY() + Math.floor((primary.getHeight() - h) / 2), w, h, false);
        }
        Rectangle2D on = primary;
        double most = 0;
        for (Rectangle2D s : screens) {
            double shared = overlap(s.getMinX(), s.getMaxX(), b.x(), b.x() + b.width())
                    * overlap(s.getMinY(), s.getMaxY(), b.y(), b.y() + b.height());
            if (shared > most) {
                most = shared;
                on = s;
            }
        }
        double w = Math.min(Math.max(b.width(), WindowBounds.MIN_WIDTH), on.getWidth());
        double h = Math.min(Math.max(b.height(), WindowBounds.MIN_HEIGHT), on.getHeight());
        double x = Math.max(on.getMinX(), Math.min(b.x(), on.getMaxX() - w));
        double y = Math.max(on.getMinY(), Math.min(b.y(), on.getMaxY() - h));
        return new WindowBounds(x, y, w, h, b.maximized());
    }

    private static double overlap(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }
}
