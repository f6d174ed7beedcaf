package aelab.app;

import javafx.animation.AnimationTimer;

/**
 * Calls its action on the FX thread at most ten times a second. Training can produce thousands of
 * batches a second; the window takes them in bulk per frame, so its cost does not grow with them.
 */
final class FramePump extends AnimationTimer {
    static final long FRAME_NANOS = 100_000_000L;

    private final Runnable action;
    private long last = Long.MIN_VALUE / 2;

    FramePump(Runnable action) { this.action = action; }

    @Override public void handle(long now) {
        if (now - last < FRAME_NANOS) return;
        last = now;
        action.run();
    }
}
