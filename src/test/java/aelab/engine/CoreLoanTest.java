package aelab.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
    void aWatchedThreadLendsWhileItComputesAndNotWhileItWaits() throws Exception {
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
        loan.lendWhileWorking(List.of(renderer));
        long until = System.nanoTime() + PATIENCE_NANOS;
        while (!loan.isLent() && System.nanoTime() - until < 0) Thread.sleep(1);   // it computes between two looks
        assertTrue(loan.isLent(), "lent while the watched thread computes");
        busy.set(false);
        assertTrue(idle.await(30, TimeUnit.SECONDS), "the renderer did not stop drawing");
        while (renderer.getState() != Thread.State.WAITING && System.nanoTime() - until < 0) Thread.onSpinWait();
        loan.isLent();                                // a look that sees the last of its work
        Thread.sleep(2 * CoreLoan.HOLD_NANOS / 1_000_000 + 1);
        assertFalse(loan.isLent(), "not lent while it waits");
        assertFalse(loan.isLent(), "nor at the next look");
        loan.lendWhileWorking(List.of());
        renderer.interrupt();
        renderer.join(TimeUnit.NANOSECONDS.toMillis(PATIENCE_NANOS));
    }

    @Test
    void aThreadWaitingInNativeCodeLooksRunnableButLendsNothing() throws Exception {
        // A thread blocked in accept() is RUNNABLE to Java, as the renderer is while the display server works.
        java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        CountDownLatch accepting = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            accepting.countDown();
            try {
                server.accept().close();
            } catch (java.io.IOException e) {
                // closed: the test is over
            }
        });
        waiter.setDaemon(true);
        waiter.start();
        assertTrue(accepting.await(30, TimeUnit.SECONDS));
        long until = System.nanoTime() + PATIENCE_NANOS;
        while (waiter.getState() != Thread.State.RUNNABLE && System.nanoTime() - until < 0) Thread.sleep(1);
        Thread.sleep(20);
        CoreLoan loan = new CoreLoan();
        loan.lendWhileWorking(List.of(waiter));
        loan.isLent();
        Thread.sleep(2 * CoreLoan.HOLD_NANOS / 1_000_000 + 1);
        assertTrue(waiter.getState() == Thread.State.RUNNABLE, "Java says it runs");
        assertFalse(loan.isLent(), "but it takes no CPU: nothing is lent");
        server.close();
        waiter.join(TimeUnit.NANOSECONDS.toMillis(PATIENCE_NANOS));
    }
}
