package aelab.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;

/**
 * Calls its action on the FX thread five times a second. Training can produce thousands of batches a
 * second; the window takes them in bulk per frame, so its cost does not grow with them.
 *
 * A timer thread posts each frame with {@link Platform#runLater}, at most one waiting at a time. Unlike
 * an AnimationTimer, this keeps JavaFX from pulsing 60 times a second while nothing changes: each
 * pulse wakes the FX thread, and on a machine whose cores all train, every wake-up takes a core from
 * the training for a moment.
 */
final class FramePump {
    static final long FRAME_MILLIS = 200;

    private final Runnable action;
    private final AtomicBoolean waiting = new AtomicBoolean();
    private ScheduledExecutorService timer;

    FramePump(Runnable action) { this.action = action; }

    void start() {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "aelab frames");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::post, 0, FRAME_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void post() {
        if (!waiting.compareAndSet(false, true)) return;   // the last frame has not run yet: skip this one
        Platform.runLater(() -> {
            waiting.set(false);
            action.run();
        });
    }

    void stop() {
        if (timer == null) return;
        timer.shutdownNow();
        timer = null;
    }
}
