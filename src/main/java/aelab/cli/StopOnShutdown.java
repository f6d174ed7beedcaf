package aelab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or a plain kill) during {@code train --save} stops the run between two mini-batches and lets
 * the command save it, instead of losing it: the JVM's shutdown hook asks the trainer to stop, then
 * holds the shutdown until the command says it is done (or a minute has passed).
 */
final class StopOnShutdown {
    private static final long WAIT_SECONDS = 60;

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    StopOnShutdown(Runnable stop) {
        hook = new Thread(() -> {
            stop.run();
            try {
                done.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "aelab-stop-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command has finished (saved or not): the shutdown may go on, and a normal exit needs no hook. */
    void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; it returns now that done is counted down
        }
    }
}
