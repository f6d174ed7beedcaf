package aelab.app;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Calls its action on the FX thread five times a second. Training can produce thousands of batches a
 * second; the window takes them in bulk per frame, so its cost does not grow with them.
 *
 * A timer thread posts each frame with {@link Platform#runLater}, at most one waiting at a time. Unlike
 * an AnimationTimer, this keeps JavaFX from pulsing 60 times a second while nothing changes: each
 * pulse wakes the FX thread, and on a machine whose cores all train, every wake-up takes a core from
 * the training for a moment.
 *
 * What a frame changes is laid out, synchronised and rendered by the next pulse, which JavaFX's pulse
 * timer starts on its own beat (60 a second). Once the pump has seen pulses of the scene it is
 * {@linkplain #attach attached} to, it posts each frame just before a beat and asks for that pulse, so
 * frame, pulse and rendering follow each other with no gap: the window's work per frame is one stretch
 * of time. A little before posting, it calls {@code ahead} on its own thread: the window lends itself a
 * core there (see {@link aelab.engine.CoreLoan}), so that the training has left one free by the time the
 * FX thread wakes, instead of the FX thread taking a core from a worker in the middle of its share.
 */
final class FramePump {
    static final long FRAME_MILLIS = 200;
    /** JavaFX's pulses come at 60 a second. */
    private static final long PULSE_NANOS = 1_000_000_000L / 60;
    /** How long before its pulse a frame is posted: the frame's own work runs first (a few ms). */
    private static final long POST_NANOS = 1_000_000;
    /** How long before posting a frame the core is lent: a mini-batch's hand-off, for a worker to step aside. */
    static final long LEAD_NANOS = 1_500_000;

    private final Runnable action, ahead;
    private final AtomicBoolean waiting = new AtomicBoolean();
    private volatile long lastPulse;   // System.nanoTime() of the latest pulse seen on its beat; 0: none yet
    private volatile long frameEnded;  // System.nanoTime() when the latest frame ended
    private volatile boolean running;
    private Thread timer;

    FramePump(Runnable action) { this(action, () -> { }); }

    /** A pump that calls ahead on its timer thread {@link #LEAD_NANOS} before each frame. */
    FramePump(Runnable action, Runnable ahead) {
        this.action = action;
        this.ahead = ahead;
    }

    /**
     * Learns the beat of the scene's pulses, to post frames just before one. A pulse that started right as a
     * frame ended waited for it, so it says nothing of the beat. FX thread.
     */
    void attach(Scene scene) {
        scene.addPreLayoutPulseListener(() -> {
            long now = System.nanoTime();
            if (now - frameEnded > POST_NANOS) lastPulse = now;
        });
    }

    void start() {
        if (timer != null) return;
        running = true;
        timer = new Thread(this::loop, "aelab frames");
        timer.setDaemon(true);
        timer.start();
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            long post = beforeBeat(next);
            sleepUntil(post - LEAD_NANOS);
            if (!running) return;
            if (!waiting.get()) ahead.run();
            sleepUntil(post);
            if (!running) return;
            post();
            next += TimeUnit.MILLISECONDS.toNanos(FRAME_MILLIS);
            long now = System.nanoTime();
            if (now - next > 0) next = now;   // fell behind (a stopped machine): no burst of frames to catch up
        }
    }

    /** The time to post a frame due at due: just before the first pulse beat after it, when the beat is known. */
    private long beforeBeat(long due) {
        long seen = lastPulse, earliest = due + POST_NANOS;
        if (seen == 0) return due;
        return earliest + Math.floorMod(seen - earliest, PULSE_NANOS) - POST_NANOS;   // on a beat at or after earliest
    }

    private static void sleepUntil(long at) {
        for (long left = at - System.nanoTime(); left > 0; left = at - System.nanoTime()) LockSupport.parkNanos(left);
    }

    private void post() {
        if (!waiting.compareAndSet(false, true)) return;   // the last frame has not run yet: skip this one
        Platform.runLater(() -> {
            waiting.set(false);
            Platform.requestNextPulse();   // the pulse on the coming beat, even if the frame changes nothing on screen
            action.run();
            frameEnded = System.nanoTime();
        });
    }

    void stop() {
        if (timer == null) return;
        running = false;
        LockSupport.unpark(timer);
        timer = null;
    }
}
