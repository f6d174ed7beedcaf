package aelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrawBudgetTest {
    private static final long MS = 1_000_000L;

    @Test
    void aNewBudgetIsDueAtOnce() {
        DrawBudget b = new DrawBudget(0.04, 200, 1000);
        assertTrue(b.due(System.nanoTime()));
        int[] ran = {0};
        assertTrue(b.run(() -> ran[0]++));
        assertEquals(1, ran[0]);
    }

    @Test
    void aRedrawOf10msWithAShareOf4PercentWaits250ms() {
        DrawBudget b = new DrawBudget(0.04, 200, 1000);
        long t = System.nanoTime();
        b.spent(t, t + 10 * MS);
        assertFalse(b.due(t + 10 * MS + 249 * MS));
        assertTrue(b.due(t + 10 * MS + 250 * MS));
    }

    @Test
    void theWaitStaysBetweenMinAndMax() {
        DrawBudget b = new DrawBudget(0.04, 200, 1000);
        long t = System.nanoTime();
        b.spent(t, t + 2 * MS);                       // 50 ms by the share: the minimum, 200 ms, holds
        assertFalse(b.due(t + 2 * MS + 199 * MS));
        assertTrue(b.due(t + 2 * MS + 200 * MS));
        b.spent(t, t + 100 * MS);                     // 2.5 s by the share: the maximum, 1 s, holds
        assertFalse(b.due(t + 100 * MS + 999 * MS));
        assertTrue(b.due(t + 100 * MS + 1000 * MS));
    }

    @Test
    void aRedrawThatFoundNothingToDoLeavesItDue() {
        DrawBudget b = new DrawBudget(0.04, 200, 1000);
        long t = System.nanoTime();
        b.spent(t, t + 50_000);   // 50 µs: nothing was drawn
        assertTrue(b.due(t + 60_000));
    }

    @Test
    void worksAcrossTheWrapOfNanoTime() {
        DrawBudget b = new DrawBudget(0.5, 0, 1000);
        long t = Long.MAX_VALUE - 5 * MS;
        b.spent(t, t + 2 * MS);   // next = t + 6 ms, past Long.MAX_VALUE
        assertFalse(b.due(t + 3 * MS));
        assertTrue(b.due(t + 8 * MS));
    }

    @Test
    void refusesASenselessShare() {
        assertThrows(IllegalArgumentException.class, () -> new DrawBudget(0, 200, 1000));
        assertThrows(IllegalArgumentException.class, () -> new DrawBudget(0.1, 300, 200));
    }

    @Test
    void aRedrawIsChargedWhatTheCostClockSaysNotTheWallTime() throws InterruptedException {
        long[] cpu = {0};
        DrawBudget b = new DrawBudget(0.04, 100, 1000, () -> cpu[0]);
        assertTrue(b.run(() -> {
            cpu[0] += 20 * MS;    // 20 ms of CPU in no wall time: the next one waits 20 / 0.04 = 500 ms
        }));
        long after = System.nanoTime();
        assertFalse(b.due(after + 400 * MS));
        assertTrue(b.due(after + 501 * MS));
        Thread.sleep(510);
        assertTrue(b.run(() -> {
            long end = System.nanoTime() + 30 * MS;
            while (System.nanoTime() < end) Thread.onSpinWait();   // 30 ms of wall time that cost 1 ms: the least wait
            cpu[0] += MS;
        }));
        after = System.nanoTime();
        assertFalse(b.due(after + 90 * MS));
        assertTrue(b.due(after + 101 * MS), "charged 1 ms, not the 30 ms it took");
    }
}
