package aelab.app.session;

import aelab.app.model.CompareForm;
import aelab.app.model.Diagnostics.Diagnosis;
import aelab.data.DigitGrid;
import aelab.app.model.Preset;
import aelab.app.model.ResultsTable;
import aelab.app.model.Run;
import aelab.app.model.RunHistory;
import aelab.app.model.SettingsForm;
import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.engine.Checkpoint;
import aelab.engine.CoreLending;
import aelab.engine.RunOutcome;
import aelab.engine.SideBySide;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the window does, without the window: loads the data (DataLoader), starts runs (alone or 2–4
 * side by side) and steps, pauses and stops them (RunControl), restarts with new settings when a choice
 * changes mid-run, and keeps the runs for the charts, with Undo for what Reset removes (Removals).
 * Commands and {@link #drain()} run on the FX thread; only the loader and the trainers run elsewhere, and their
 * results come back through {@link #drain()} alone.
 */
public final class LabSession {
    public enum State { LOADING, NO_DATA, IDLE, RUNNING, PAUSED }

    /** Loads the images to train on; a DatasetException's message is shown to the user as it is. */
    @FunctionalInterface
    public interface DataSource {
        Dataset load() throws DatasetException;
    }

    /** Milliseconds between reconstructions sent by the trainer: one per frame of the window (5 a second). */
    static final long PREVIEW_MILLIS = 200;
    static final int IMAGE_SIZE = TrainingConfig.defaultLayers()[0];
    /**
     * Training threads: every core. The window takes a few % of one core while training (it redraws what
     * changed five times a second, and lends itself a core meanwhile: see CoreLoan); keeping a core for the window would
     * cost far more than sharing it (window-bench: 64k samples/s with 1 thread, 95–108k with 2, on 2 cores).
     */
    public static final int TRAINING_THREADS = Integer.getInteger("aelab.trainingThreads",
            Runtime.getRuntime().availableProcessors());
    /** Test digits whose bottleneck codes the latent-space view plots, and best/worst digits shown. */
    static final int INSIGHT_CODES = 2000, INSIGHT_EXTREMES = 8;

    private final BackgroundExecutor executor;
    private final PcaBaselines baselines;
    private final DataLoader loader;
    private final SettingsForm form;
    private final CompareForm compare = new CompareForm();
    private final ResultsTable results = new ResultsTable();
    private final RunHistory history = new RunHistory(() -> RunHistory.highestId(results.runs()));
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final LiveTrainers live = new LiveTrainers();
    private final BooleanBinding canStart, canStartSideBySide, canStep;
    private final RunControl control = new RunControl(state);   // the runs going and the commands to them
    private CoreLending lending = CoreLending.NONE;       // the window's loan, handed to every run it starts
    private final Removals undo = new Removals();         // what Reset and Clear old runs took, for Edit › Undo
    private final SessionDiagnoses.PixelSum pixelSums = new SessionDiagnoses.PixelSum();
    private TrainingConfig groupBase;                     // the settings the side-by-side runs were started over
    private final ReadOnlyStringWrapper choiceNote = new ReadOnlyStringWrapper(this, "choiceNote", "");

    /** Mini-batches a second at the watching pace: slow enough to see each one change the digits. */
    public static final double WATCHING_PACE = RunControl.WATCHING_PACE;

    /** @param trainLimit, testLimit images per run (0: all); small values make quick demos and tests */
    public LabSession(BackgroundExecutor executor, DataSource source, int trainLimit, int testLimit) {
        this.executor = executor;
        this.baselines = new PcaBaselines(executor);
        this.loader = new DataLoader(executor, source, trainLimit, testLimit, new DataLoader.Owner() {
            @Override public void loaded(boolean ready) { state.set(ready ? State.IDLE : State.NO_DATA); }

            @Override public void replacing() {
                stop();
                history.clear();
                results.clear();
                undo.forget();   // the runs were trained on the digits that leave now
            }
        });
        this.form = new SettingsForm(IMAGE_SIZE, trainLimit, testLimit, TrainingConfig.defaults());
        this.canStart = Bindings.createBooleanBinding(() -> state.get() == State.IDLE && form.valid().get(),
                state, form.valid());
        this.canStartSideBySide = Bindings.createBooleanBinding(
                () -> canStart.get() && compare.valid().get(), canStart, compare.valid());
        this.canStep = Bindings.createBooleanBinding(
                () -> canStart.get() || state.get() == State.RUNNING || state.get() == State.PAUSED, canStart, state);
        form.setOnChoiceChanged(this::settingsCommitted);
    }

    /** The window's core loan: runs started from now on give a core up while it is lent. */
    public void setCoreLending(CoreLending lending) {
        this.lending = lending;
    }

    public void loadData() {
        state.set(State.LOADING);
        loader.load();
    }

    public void start() {
        if (canStart.get()) launch(form.config());
    }

    /** Trains the compare form's runs together over the current settings: same seed, weights and batches. */
    public void startSideBySide() {
        if (canStartSideBySide.get()) launchGroup(form.config(), compare.configs(form.config()));
    }

    private void launch(TrainingConfig config) { launch(config, false); }

    private void launch(TrainingConfig config, boolean paused) {
        Run run = history.add(config);
        run.record().setDataset(dataset().name());
        train(run, null, paused);
    }

    /** Trains the run from fresh weights, or on from a checkpoint; paused, it waits before its first batch. */
    private void train(Run run, Checkpoint from, boolean paused) {
        Trainer t = follow(run, from, null);
        if (paused) t.pause();
        control.steer(RunControl.Steering.of(t), List.of(run), false, paused);
        executor.execute("run " + run.id(), t::run);
    }

    private void launchGroup(TrainingConfig base, List<TrainingConfig> configs) {
        groupBase = base;
        List<Run> runs = history.addGroup(configs);
        List<Trainer> trainers = new ArrayList<>();
        for (Run run : runs) {
            run.record().setDataset(dataset().name());
            trainers.add(follow(run, null, null));
        }
        SideBySide group = new SideBySide(trainers, lending);
        control.steer(RunControl.Steering.of(group), runs, true, false);
        executor.execute("runs " + runs.get(0).id() + "–" + runs.get(runs.size() - 1).id() + " side by side", group::run);
    }

    /**
     * A trainer whose news reach the run through a bridge of its own, drained once per frame; keep, when
     * not null, is the ending the run shows once the trainer has ended.
     */
    private Trainer follow(Run run, Checkpoint from, RunOutcome keep) {
        results.add(run);
        TrainingBridge bridge = new TrainingBridge();
        Trainer t = new Trainer(run.config().withThreads(TRAINING_THREADS), dataset(), bridge, from, lending);
        t.setPreview(grid().indices(), PREVIEW_MILLIS);
        if (run.timeline().indices().length == 0) run.followDigits(dataset().test(), grid().indices(), grid().columns());
        t.setInsights(INSIGHT_CODES, INSIGHT_EXTREMES);
        live.add(run, bridge, t, keep);
        return t;
    }

    public void togglePause() { control.togglePause(); }

    /**
     * One mini-batch more of the run (or of every run side by side), then it waits, paused: from the
     * settings when nothing trains (a new run that starts paused), from a paused run, or from a running
     * one, which pauses first.
     */
    public void step() { stepBy(s -> s.step().accept(1)); }

    /** The same to the end of the current epoch, its evaluation included. */
    public void stepEpoch() { stepBy(s -> s.stepEpoch().run()); }

    private void stepBy(Consumer<RunControl.Steering> how) {
        if (state.get() == State.IDLE) {
            if (!canStart.get()) return;
            launch(form.config(), true);
        }
        control.step(how);
    }

    /** Full speed, or the watching pace ({@value #WATCHING_PACE} mini-batches a second), for the runs going and those to come. */
    public void setWatchingPace(boolean on) { control.setWatchingPace(on); }

    /** Full speed or a watching pace, for the runs going and those to come. */
    public void setSpeed(aelab.app.model.Speed speed) { control.setPace(speed.batchesPerSecond()); }

    /** Whether Step can act: a run is going, or one could start. */
    public BooleanBinding canStep() { return canStep; }

    /** Asks the run (or every run side by side) to stop; each ends after its current mini-batch and keeps its curves. */
    public void stop() { control.stop(); }

    /**
     * Stops and removes every run from the charts and the results; {@link #undo} puts them back. The
     * settings stay as they are (the preset "The answer" is the default experiment).
     */
    public void reset() {
        stop();
        undo.removed("Reset", history.clear(), results.clear());
    }

    /** Removes every run but the newest from the charts (the results keep them); {@link #undo} puts them back. */
    public void clearOldRuns() { undo.removed("Clear old runs", history.clearOld(), List.of()); }

    /** Puts back what the last Reset or Clear old runs removed, as it was; nothing when there is nothing to undo. */
    public void undo() {
        Removals.Removal r = undo.pop();
        if (r == null) return;
        List<Run> back = new ArrayList<>(r.results()), present = new ArrayList<>(history.runs());
        if (r.charts() != null) back.addAll(r.charts().runs());
        present.addAll(results.runs());
        String note = RunHistory.renumberIfTaken(back, present);   // runs are numbered from #1 again after Reset
        if (r.charts() != null) history.restore(r.charts());
        results.restore(r.results());
        undo.undone(note);
    }

    /** What Edit › Undo would undo ("Reset"), "" when nothing; and what the last removal did, in words. */
    public Removals removals() { return undo; }

    public void applyPreset(Preset preset) {
        form.load(preset.config());
        settingsCommitted();
    }

    /**
     * A choice was made or a typed value confirmed. While a run is going alone and the settings now differ
     * from its own, it stops (its curves stay) and a run with the new settings starts. While runs go side
     * by side, a change of a setting they share (learning rate, epochs, …) does the same for the whole
     * group; a change of output, loss or scale, which each run takes from its row, waits for the next
     * Start, and {@link #choiceNoteProperty()} says so.
     */
    public void settingsCommitted() {
        State s = state.get();
        TrainingConfig next = form.config();
        if (s != State.RUNNING && s != State.PAUSED || next == null) return;
        if (!control.sideBySide()) {
            if (!next.equals(control.going().get(0).config())) {
                control.stopForReplacement();
                launch(next);
            }
            return;
        }
        if (next.equals(groupBase)) return;
        List<TrainingConfig> group = compare.configs(next);
        if (group.equals(control.going().stream().map(Run::config).toList())) {
            groupBase = next;   // said once; the same choice again says nothing new
            note(SessionDiagnoses.notAppliedSideBySide());
            return;
        }
        if (!compare.valid().get()) {
            note(SessionDiagnoses.cannotRestartSideBySide(compare.problem().get()));
            return;
        }
        List<Run> before = List.copyOf(control.going());
        control.stopForReplacement();
        launchGroup(next, group);
        note(SessionDiagnoses.restartedSideBySide(before, control.going()));
    }

    /** Says what a change of settings did, or why it did nothing, to whoever shows it where the change was made. */
    private void note(String text) {
        choiceNote.set("");   // the same sentence twice is said twice
        choiceNote.set(text);
    }

    /**
     * What the last change of settings during a side-by-side run did, or why it did nothing (the runs
     * take their output, loss and scale from their rows); "" until then.
     */
    public ReadOnlyStringProperty choiceNoteProperty() { return choiceNote.getReadOnlyProperty(); }

    /** FX thread, once per frame: takes in the loaded data and every run's news. */
    public void drain() {
        loader.drainLoad();
        live.drain(control::ended);
        loader.drainSwitch();
        live.runSettled();
        baselines.drain();
        if (state.get() != State.LOADING) baselines.follow(dataset(), form.config());
    }

    /**
     * What PCA with the settings' code width reaches on the test images (a linear baseline for the
     * charts), computed in the background; null until known.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<aelab.engine.PcaBaseline.Figures> pcaBaseline() {
        return baselines.current();
    }

    /** What the warnings panel shows: the running run's warnings, or those of the settings for the next run. */
    public List<String> warnings() { return SessionDiagnoses.warnings(current(), form.config()); }

    /**
     * What the status panel diagnoses: every run shown strong (named when there are several), and while
     * idle the settings of the next run when no shown run has them.
     */
    public List<Diagnosis> diagnoses() {
        return SessionDiagnoses.of(history.newest(), form.config(), control.going().isEmpty(), dataset(), pixelSums);
    }

    public SettingsForm form() { return form; }

    public RunHistory history() { return history; }

    /** Every run since the last reset, for the results table. */
    public ResultsTable results() { return results; }

    /** The run now training (the last of a side-by-side group), or null. */
    public Run current() { List<Run> g = control.going(); return g.isEmpty() ? null : g.get(g.size() - 1); }

    /** The runs now training: one, or a side-by-side group; empty when idle. */
    public List<Run> going() { return List.copyOf(control.going()); }

    public CompareForm compare() { return compare; }

    public BooleanBinding canStartSideBySide() { return canStartSideBySide; }

    public Dataset dataset() { return loader.dataset(); }

    public DigitGrid grid() { return loader.grid(); }

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    public State state() { return state.get(); }

    public ReadOnlyStringProperty dataMessageProperty() { return loader.messageProperty(); }

    public BooleanBinding canStart() { return canStart; }

    // Keeping experiments (FileActions and ExperimentKeeper): going on, reconstructions, another dataset.

    /**
     * Runs the action once no trainer is left sending, at once if none is: on the FX thread, from
     * {@link #drain()}. A checkpoint may only be taken from a trainer whose run has ended.
     */
    public void whenSettled(Runnable action) {
        live.whenSettled(action);
    }

    /** Whether a trainer is still sending to this run (going, or stopped but not yet ended). */
    public boolean isLive(Run run) {
        return live.isLive(run);
    }

    /** Trains an ended run on from its checkpoint; the caller checked it may (ExperimentKeeper#continueProblem). */
    void trainOn(Run run) {
        run.continued();
        train(run, run.record().checkpoint(), false);
    }

    /**
     * Recomputes a kept run's reconstructions of the shown digits from its checkpoint: a trainer stopped
     * before its first batch announces the run and sends its preview without training. The run keeps
     * the ending it has.
     */
    void showReconstructions(Run run) {
        Trainer t = follow(run, run.record().checkpoint(), run.outcome());
        t.stop();
        executor.execute("reconstruct " + run.id(), t::run);
    }

    /**
     * Loads another dataset off the FX thread. Once loaded it replaces the current one, stopping and
     * removing every run (they were trained on other digits), and {@code done} is told; if it cannot be
     * used, nothing changes and {@code failed} gets the one-line reason. Both are called from {@link #drain()}.
     */
    public void switchData(DataSource source, Consumer<Dataset> done, Consumer<String> failed) {
        loader.switchData(source, done, failed);
    }
}
