package aelab.app;

import aelab.app.model.DigitGrid;
import aelab.app.model.Preset;
import aelab.app.model.Run;
import aelab.app.model.RunHistory;
import aelab.app.model.SettingsForm;
import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window does, without the window: loads the data, starts, pauses and stops runs, restarts
 * with new settings when a choice changes mid-run, and keeps the runs for the charts. Commands and
 * {@link #drain()} run on the FX thread; only the loader and the trainers run elsewhere, and their
 * results come back through {@link #drain()} alone.
 */
public final class LabSession {
    public enum State { LOADING, NO_DATA, IDLE, RUNNING, PAUSED }

    /** Loads the images to train on; a DatasetException's message is shown to the user as it is. */
    @FunctionalInterface
    public interface DataSource {
        Dataset load() throws DatasetException;
    }

    /** Milliseconds between reconstructions sent by the trainer: a few a second is enough to watch. */
    static final long PREVIEW_MILLIS = 250;
    static final int IMAGE_SIZE = TrainingConfig.DEFAULT_LAYERS[0];

    private final BackgroundExecutor executor;
    private final int trainLimit, testLimit;
    private final DataSource source;
    private final SettingsForm form;
    private final RunHistory history = new RunHistory();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper dataMessage = new ReadOnlyStringWrapper(this, "dataMessage", "");
    private final AtomicReference<Object> loaded = new AtomicReference<>();   // a Dataset, or an error message
    private final List<Live> live = new ArrayList<>();
    private final BooleanBinding canStart;
    private Dataset data;
    private DigitGrid grid;
    private Trainer trainer;
    private Run current;

    private record Live(Run run, TrainingBridge bridge) { }

    /** @param trainLimit, testLimit images per run (0: all); small values make quick demos and tests */
    public LabSession(BackgroundExecutor executor, DataSource source, int trainLimit, int testLimit) {
        this.executor = executor;
        this.source = source;
        this.trainLimit = trainLimit;
        this.testLimit = testLimit;
        this.form = new SettingsForm(IMAGE_SIZE, trainLimit, testLimit, TrainingConfig.defaults());
        this.canStart = Bindings.createBooleanBinding(() -> state.get() == State.IDLE && form.valid().get(),
                state, form.valid());
        form.setOnChoiceChanged(this::settingsCommitted);
    }

    public void loadData() {
        state.set(State.LOADING);
        dataMessage.set("Loading MNIST…");
        executor.execute("load data", () -> {
            try {
                loaded.set(source.load());
            } catch (DatasetException e) {
                loaded.set("Cannot load the digits. " + e.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                loaded.set("Cannot load the digits: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            }
        });
    }

    public void start() {
        if (canStart.get()) launch(form.config());
    }

    private void launch(TrainingConfig config) {
        Run run = history.add(config);
        TrainingBridge bridge = new TrainingBridge();
        Trainer t = new Trainer(config, data, bridge);
        t.setPreview(grid.indices(), PREVIEW_MILLIS);
        live.add(new Live(run, bridge));
        trainer = t;
        current = run;
        state.set(State.RUNNING);
        executor.execute("run " + run.id(), t::run);
    }

    public void togglePause() {
        if (state.get() == State.RUNNING) {
            trainer.pause();
            current.paused(System.nanoTime());
            state.set(State.PAUSED);
        } else if (state.get() == State.PAUSED) {
            trainer.resume();
            current.resumed(System.nanoTime());
            state.set(State.RUNNING);
        }
    }

    /** Asks the run to stop; it ends after its current mini-batch and keeps its curves. */
    public void stop() {
        if (trainer == null) return;
        trainer.stop();
        trainer = null;
        current = null;
        state.set(State.IDLE);
    }

    /** Stops, removes every run and puts the settings back to the default experiment. */
    public void reset() {
        stop();
        history.clear();
        form.load(TrainingConfig.defaults());
    }

    public void clearOldRuns() { history.clearOld(); }

    public void applyPreset(Preset preset) {
        form.load(preset.config());
        settingsCommitted();
    }

    /**
     * A choice was made or a typed value confirmed. While a run is going and the settings now differ
     * from its own, it stops (its curves stay) and a run with the new settings starts; otherwise the
     * settings just wait for the next Start.
     */
    public void settingsCommitted() {
        State s = state.get();
        TrainingConfig next = form.config();
        if ((s == State.RUNNING || s == State.PAUSED) && next != null && !next.equals(current.config())) {
            trainer.stop();
            launch(next);
        }
    }

    /** FX thread, once per frame: takes in the loaded data and every run's news. */
    public void drain() {
        Object l = loaded.getAndSet(null);
        if (l instanceof Dataset d) {
            data = d;
            grid = DigitGrid.firstOfEachClass(d.test(), 10, 2);
            dataMessage.set(d.name() + ": " + used(d.train().count(), trainLimit) + " training and "
                    + used(d.test().count(), testLimit) + " test images");
            state.set(State.IDLE);
        } else if (l instanceof String message) {
            dataMessage.set(message);
            state.set(State.NO_DATA);
        }
        for (Iterator<Live> it = live.iterator(); it.hasNext(); ) {
            Live lv = it.next();
            if (!lv.bridge().drainInto(lv.run())) continue;
            it.remove();
            if (lv.run() == current) {
                trainer = null;
                current = null;
                state.set(State.IDLE);
            }
        }
    }

    private static String used(int count, int limit) {
        return limit > 0 && limit < count ? String.format("%,d of %,d", limit, count) : String.format("%,d", count);
    }

    /** What the warnings panel shows: the running run's warnings, or those of the settings for the next run. */
    public List<String> warnings() {
        if (current != null) return current.warnings();
        TrainingConfig next = form.config();
        return next == null ? List.of() : next.warnings();
    }

    public SettingsForm form() { return form; }

    public RunHistory history() { return history; }

    /** The run now training, or null. */
    public Run current() { return current; }

    public Dataset dataset() { return data; }

    public DigitGrid grid() { return grid; }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    public State state() { return state.get(); }

    public ReadOnlyStringProperty dataMessageProperty() { return dataMessage.getReadOnlyProperty(); }

    public BooleanBinding canStart() { return canStart; }
}
