package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CurveTest {
    @Test
    void keepsEveryPointUntilFull() {
        Curve c = new Curve(8);
        for (int i = 0; i < 7; i++) c.add(i, 10 * i);
        assertEquals(7, c.size());
        assertEquals(0, c.generation());
        assertEquals(60, c.y(6));
    }

    @Test
    void averagesNeighbouringPairsWhenFull() {
        Curve c = new Curve(4);
        for (int i = 0; i < 4; i++) c.add(i, i * i);   // y = 0, 1, 4, 9
        // full at 4: pairs (0,1) and (2,3) → x 0.5, 2.5; y (0+1)/2 = 0.5, (4+9)/2 = 6.5
        assertEquals(2, c.size());
        assertEquals(0.5, c.x(0));
        assertEquals(0.5, c.y(0));
        assertEquals(2.5, c.x(1));
        assertEquals(6.5, c.y(1));
        assertEquals(1, c.generation());
        assertEquals(2, c.stride());
    }

    @Test
    void afterThinningAveragesIncomingPointsByTheStride() {
        Curve c = new Curve(4);
        for (int i = 0; i < 4; i++) c.add(i, 0);
        c.add(4, 10);
        assertEquals(2, c.size(), "one point of a pair is waiting for its partner");
        c.add(5, 20);
        assertEquals(3, c.size());
        assertEquals(4.5, c.x(2));
        assertEquals(15, c.y(2));
    }

    @Test
    void aFiftyEpochRunStaysUnderTheCapWithEvenSpacing() {
        Curve c = new Curve(2000);
        int batches = 50 * 600;
        for (int i = 1; i <= batches; i++) c.add(i / 600.0, 1.0 / i);
        assertTrue(c.size() <= 2000 && c.size() >= 900, "size " + c.size());
        double first = c.x(1) - c.x(0), last = c.x(c.size() - 1) - c.x(c.size() - 2);
        assertEquals(first, last, 1e-9, "points are as far apart at the end as at the start");
        assertTrue(c.x(c.size() - 1) > 49.9, "the curve reaches the last epoch: " + c.x(c.size() - 1));
    }

    @Test
    void thinningKeepsTheMean() {
        Curve c = new Curve(16);
        double sum = 0;
        for (int i = 0; i < 64; i++) {
            c.add(i, i % 7);
            sum += i % 7;
        }
        double stored = 0;
        for (double y : c.ys()) stored += y;
        assertEquals(sum / 64, stored / c.size(), 1e-12);
    }

    @Test
    void refusesAnOddCap() {
        assertThrows(IllegalArgumentException.class, () -> new Curve(7));
    }
}
