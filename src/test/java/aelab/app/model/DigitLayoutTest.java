package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DigitLayoutTest {
    @Test
    void choosesTheLargestWholeScaleThatFits() {
        DigitLayout l = DigitLayout.fit(800, 400, 10, 2, 28);
        // width: 96 + 9·3 + 280·s ≤ 800 → s ≤ 2.4; height: 2·2·3 + 14 + 168·s ≤ 400 → s ≤ 2.2
        assertEquals(2, l.scale());
        assertTrue(l.width() <= 800 && l.height() <= 400);
    }

    @Test
    void neverGoesBelowOnePixelPerPixel() {
        assertEquals(1, DigitLayout.fit(50, 50, 10, 2, 28).scale());
    }

    @Test
    void positionsAreWholePixelsSoDigitsStayCrisp() {
        DigitLayout l = DigitLayout.fit(801, 433, 10, 2, 28);
        for (int c = 0; c < 10; c++) assertEquals(Math.rint(l.x(c)), l.x(c));
        for (int b = 0; b < 2; b++) for (int r = 0; r < 3; r++) assertEquals(Math.rint(l.y(b, r)), l.y(b, r));
    }

    @Test
    void hitFindsTheImageUnderThePointerAndNothingBetween() {
        DigitLayout l = DigitLayout.fit(800, 400, 10, 2, 28);
        assertArrayEquals(new int[] {1, 3, 2}, l.hit(l.x(3) + 5, l.y(1, 2) + 50));
        assertNull(l.hit(l.x(3) + l.cell() + 1, l.y(0, 0) + 5), "the gap between columns");
        assertNull(l.hit(l.left() + 10, l.y(0, 0) + 5), "the row names");
    }

    @Test
    void moreRowsAndWiderNamesShrinkTheScaleToFit() {
        // five rows, one band: height 5·28·s + 4·3 ≤ 400 → s ≤ 2.77; width 140 + 9·3 + 280·s ≤ 800 → s ≤ 2.26
        DigitLayout l = DigitLayout.fit(800, 400, 10, 1, 5, 28, 140);
        assertEquals(2, l.scale());
        assertEquals(140 + 10 * 56 + 9 * 3, l.width(), 1e-9);
        assertArrayEquals(new int[] {0, 0, 4}, l.hit(l.x(0) + 1, l.y(0, 4) + 1));
    }

    @Test
    void onAScreenScaledByTwoTheScaleCountsDevicePixels() {
        // 683 units wide: 2 units a pixel at 1×; at 2×, 4 device pixels (the same 2 units), drawn crisp
        DigitLayout one = DigitLayout.fit(683, 400, 10, 2, 3, 28, 96), two = DigitLayout.fit(683, 400, 10, 2, 3, 28, 96, 2);
        assertEquals(2, one.scale());
        assertEquals(4, two.scale());
        assertEquals(one.cell(), two.cell(), 1e-9);
        // 600 units: 1 unit a pixel at 1×, but 3 device pixels (1.5 units) at 2×, where 1× would waste the screen
        assertEquals(1, DigitLayout.fit(600, 400, 10, 2, 3, 28, 96).scale());
        DigitLayout narrow = DigitLayout.fit(600, 400, 10, 2, 3, 28, 96, 2);
        assertEquals(3, narrow.scale());
        assertEquals(42, narrow.cell(), 1e-9);
        assertTrue(narrow.width() <= 600);
        assertEquals(2 * (int) narrow.x(1), narrow.device(narrow.x(1)));
    }
}
