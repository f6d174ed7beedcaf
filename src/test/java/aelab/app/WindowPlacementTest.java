package aelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.AppPreferences.WindowBounds;

import java.util.List;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1024, 768);
    private static final Rectangle2D WIDE = new Rectangle2D(0, 0, 2560, 1440);

    private static boolean whollyOn(WindowBounds b, Rectangle2D s) {
        return b.x() >= s.getMinX() && b.y() >= s.getMinY() && b.x() + b.width() <= s.getMaxX()
                && b.y() + b.height() <= s.getMaxY();
    }

    @Test
    void theFirstWindowIsTheDefaultSizeCentredOrTheScreenIfSmaller() {
        Rectangle2D full = new Rectangle2D(0, 0, 1600, 1000);
        assertEquals(new WindowBounds(100, 50, 1400, 900, false), WindowPlacement.place(null, List.of(full), full));
        // 2560 × 1440: three quarters of it, 1920 × 1080, not a small window in wide margins
        assertEquals(new WindowBounds(320, 180, 1920, 1080, false), WindowPlacement.place(null, List.of(WIDE), WIDE));
        // 1024 × 768: the screen's size, not 1400 × 900 hanging off it
        assertEquals(new WindowBounds(0, 0, 1024, 768, false), WindowPlacement.place(null, List.of(SMALL), SMALL));
    }

    @Test
    void aWindowRememberedFromABiggerScreenShrinksAndMovesOntoThisOne() {
        // full-screen size at (500, 300) on a 2560 × 1440 screen, reopened on 1280 × 720
        Rectangle2D laptop = new Rectangle2D(0, 0, 1280, 720);
        WindowBounds b = WindowPlacement.place(new WindowBounds(500, 300, 2560, 1400, false), List.of(laptop), laptop);
        assertEquals(new WindowBounds(0, 0, 1280, 720, false), b);
        WindowBounds moved = WindowPlacement.place(new WindowBounds(900, 500, 1000, 600, true), List.of(laptop), laptop);
        assertEquals(new WindowBounds(280, 120, 1000, 600, true), moved, "moved the least, size and maximized kept");
    }

    @Test
    void aWindowThatFitsStaysWhereItWas() {
        WindowBounds b = new WindowBounds(120, 40, 1400, 900, false);
        assertEquals(b, WindowPlacement.place(b, List.of(WIDE), WIDE));
    }

    @Test
    void aWindowGoesToTheScreenHoldingMostOfItOrThePrimaryWhenItsScreenIsGone() {
        Rectangle2D right = new Rectangle2D(2560, 0, 1920, 1080);
        WindowBounds mostlyRight = WindowPlacement.place(new WindowBounds(2400, 100, 1400, 900, false),
                List.of(WIDE, right), WIDE);
        assertEquals(new WindowBounds(2560, 100, 1400, 900, false), mostlyRight);
        WindowBounds unplugged = WindowPlacement.place(new WindowBounds(5000, 100, 1400, 900, false), List.of(SMALL), SMALL);
        assertTrue(whollyOn(unplugged, SMALL), unplugged.toString());
        assertEquals(1024, unplugged.width());
    }

    @Test
    void aScreenSmallerThanTheSmallestWindowStillHoldsIt() {
        Rectangle2D tiny = new Rectangle2D(0, 0, 500, 380);
        WindowBounds b = WindowPlacement.place(new WindowBounds(10, 10, 1400, 900, false), List.of(tiny), tiny);
        assertTrue(whollyOn(b, tiny), b.toString());
    }
}
