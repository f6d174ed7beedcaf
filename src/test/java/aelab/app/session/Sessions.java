package aelab.app.session;

import aelab.app.session.LabSession.State;
import aelab.data.Dataset;

import java.util.function.BooleanSupplier;

/** Sessions without a window, for the tests of what sits on them: loaded, and drained as the frame pump would. */
public final class Sessions {
    /** A generous limit for what is awaited: not a speed check. */
    private static final long WAIT_NANOS = 60_000_000_000L;

    private Sessions() { }

    /** A session on 300 training and 100 test images of the dataset, loaded. */
    public static LabSession loaded(BackgroundExecutor executor, Dataset data) {
        LabSession s = new LabSession(executor, () -> data, 300, 100);
        s.loadData();
        drainUntil(s, () -> { }, () -> s.state() == State.IDLE, "data loaded");
        return s;
    }

    /** Drains, then runs everyFrame (what the window does once a frame), until the condition holds. */
    public static void drainUntil(LabSession s, Runnable everyFrame, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            s.drain();
            everyFrame.run();
            if (condition.getAsBoolean()) return;
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
