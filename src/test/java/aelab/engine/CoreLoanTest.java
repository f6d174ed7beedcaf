package aelab.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class CoreLoanTest {
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);   // for an event on a loaded machine

    @Test
    void aDeadlineLendsUntilItPasses() throws InterruptedException {
        CoreLoan loan = new CoreLoan();
        assertFalse(loan.isLent(), "a new loan lends nothing");
        loan.lendUntil(System.nanoTime() + 60_000_000_000L);
        assertTrue(loan.isLent());
        long deadline = System.nanoTime() + 50_000_000L;
        loan.lendUntil(deadline);                // an earlier end replaces a later one
        while (System.nanoTime() - deadline < 0) Thread.sleep(1);
        assertFalse(loan.isLent());
        loan.lendUntil(System.nanoTime() + 60_000_000_000L);
        loan.lendUntil(System.nanoTime());       // and ends now
        assertFalse(loan.isLent());
    }

    @Test
    void oneWindowsLoanIsNotAnothers() {
        CoreLoan drawing = new CoreLoan(), idle = new CoreLoan();
        drawing.lendUntil(System.nanoTime() + 60_000_000_000L);
        assertTrue(drawing.isLent());
        assertFalse(idle.isLent());
        assertFalse(CoreLending.NONE.isLent());
    }

    @Test
    void aWatchedThreadLendsWhileItRunsAndNotWhileItWaits() throws Exception {
        AtomicBoolean busy = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1), idle = new CountDownLatch(1);
        Object lock = new Object();
        Thread renderer = new Thread(() -> {
            go.countDown();
            while (busy.get()) Thread.onSpinWait();   // drawing
            synchronized (lock) {
                idle.countDown();
                try {
                    lock.wait();                      // waiting for the next frame
                } catch (InterruptedException e) {
                    // the test is over
                }
            }
        });
        renderer.setDaemon(true);
        renderer.start();
        assertTrue(go.await(30, TimeUnit.SECONDS), "the renderer did not start");
        CoreLoan loan = new CoreLoan();
        loan.lendWhileRunning(renderer);
        assertTrue(loan.isLent(), "lent while the watched thread runs");
        busy.set(false);
        assertTrue(idle.await(30, TimeUnit.SECONDS), "the renderer did not stop drawing");
        long until = System.nanoTime() + PATIENCE_NANOS;
        while (renderer.getState() != Thread.State.WAITING && System.nanoTime() - until < 0) Thread.onSpinWait();
        assertFalse(loan.isLent(), "not lent while it waits");
        loan.lendWhileRunning(null);
        renderer.interrupt();
        renderer.join(TimeUnit.NANOSECONDS.toMillis(PATIENCE_NANOS));
    }
}
