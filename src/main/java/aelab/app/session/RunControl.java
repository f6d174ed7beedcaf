package aelab.app.session;

import aelab.app.model.Run;
import aelab.app.session.LabSession.State;
import aelab.engine.SideBySide;
import aelab.engine.Trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The runs now training (one, or a side-by-side group) and the commands to them: pause and resume,
 * stop, step, and the pace. It moves the session's state between RUNNING, PAUSED and IDLE; starting
 * runs stays with {@link LabSession}. FX thread only; the commands act between mini-batches.
 */
final class RunControl {
    /** Mini-batches a second at the watching pace: slow enough to see each one change the digits. */
    static final double WATCHING_PACE = 30;

    /** Commands to one trainer or to a side-by-side group. */
    record Steering(Runnable pause, Runnable resume, Runnable stop, IntConsumer step, Runnable stepEpoch,
                    DoubleConsumer pace) {
        static Steering of(Trainer t) {
            return new Steering(t::pause, t::resume, t::stop, t::step, t::stepEpoch, t::setPace);
        }

        static Steering of(SideBySide g) {
            return new Steering(g::pause, g::resume, g::stop, g::step, g::stepEpoch, g::setPace);
        }
    }

    private final ReadOnlyObjectWrapper<State> state;
    private final List<Run> going = new ArrayList<>();   // the runs started last, until each has ended
    private Steering steering;                            // of what trains the runs in going; null when idle
    private boolean sideBySide;
    private double pace;                                  // 0: full speed

    RunControl(ReadOnlyObjectWrapper<State> state) { this.state = state; }

    /** The runs just started are the ones going now, at the pace chosen; paused, they wait for Step or Resume. */
    void steer(Steering s, List<Run> runs, boolean group, boolean paused) {
        s.pace().accept(pace);
        steering = s;
        going.clear();
        going.addAll(runs);
        sideBySide = group;
        if (paused) runs.forEach(r -> r.paused(System.nanoTime()));
        state.set(paused ? State.PAUSED : State.RUNNING);
    }

    void togglePause() {
        if (state.get() == State.RUNNING) {
            steering.pause().run();
            going.forEach(r -> r.paused(System.nanoTime()));
            state.set(State.PAUSED);
        } else if (state.get() == State.PAUSED) {
            steering.resume().run();
            going.forEach(r -> r.resumed(System.nanoTime()));
            state.set(State.RUNNING);
        }
    }

    /** A running run pauses first; a paused one takes what how lets it. */
    void step(Consumer<Steering> how) {
        if (state.get() == State.RUNNING) togglePause();
        if (state.get() == State.PAUSED && steering != null) how.accept(steering);
    }

    void setWatchingPace(boolean on) { setPace(on ? WATCHING_PACE : 0); }

    /** Mini-batches a second for the runs going and those to come; 0: full speed. */
    void setPace(double batchesPerSecond) {
        pace = batchesPerSecond;
        if (steering != null) steering.pace().accept(pace);
    }

    /** Asks every run going to stop; each ends after its current mini-batch and keeps its curves. */
    void stop() {
        if (steering == null) return;
        steering.stop().run();
        steering = null;
        going.clear();
        state.set(State.IDLE);
    }

    /** Stops what trains now without going idle: a new run takes its place at once. */
    void stopForReplacement() {
        if (steering != null) steering.stop().run();
    }

    /** A run has ended (from the drain); with the last of them, the session is idle. */
    void ended(Run run) {
        if (going.remove(run) && going.isEmpty()) {
            steering = null;
            state.set(State.IDLE);
        }
    }

    boolean sideBySide() { return sideBySide; }

    List<Run> going() { return going; }
}
