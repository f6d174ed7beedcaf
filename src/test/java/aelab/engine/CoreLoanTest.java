package aelab.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoreLoanTest {
    @AfterEach
    void giveTheCoreBack() {
        CoreLoan.lendWhileRunning(null);
        CoreLoan.lendUntil(System.nanoTime());
    }

    @Test
    void aDeadlineLendsUntilItPasses() throws InterruptedException {
        CoreLoan.lendUntil(System.nanoTime() + 50_000_000L);
        assertTrue(CoreLoan.isLent());
        Thread.sleep(80);
        assertFalse(CoreLoan.isLent());
        CoreLoan.lendUntil(System.nanoTime() + 60_000_000_000L);
        CoreLoan.lendUntil(System.nanoTime());   // an earlier end replaces a later one
        assertFalse(CoreLoan.isLent());
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
        go.await();
        CoreLoan.lendWhileRunning(renderer);
        assertTrue(CoreLoan.isLent(), "lent while the watched thread runs");
        busy.set(false);
        idle.await();
        long until = System.nanoTime() + 5_000_000_000L;
        while (renderer.getState() != Thread.State.WAITING && System.nanoTime() < until) Thread.onSpinWait();
        assertFalse(CoreLoan.isLent(), "not lent while it waits");
        renderer.interrupt();
    }
}
