package aelab.app.files;

import aelab.app.session.BackgroundExecutor;
import aelab.app.session.ExperimentKeeper;
import aelab.app.session.LabSession;
import aelab.app.files.Dialogs.Kind;
import aelab.app.model.AppPreferences;
import aelab.app.model.AppPreferences.Folder;
import aelab.app.model.Run;
import aelab.data.Dataset;
import aelab.engine.Checkpoint;
import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.ExperimentFileException;
import aelab.io.PythonExport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the File and Run menus do: save and open experiments, open a dataset folder, export pictures,
 * the metric history, Python scripts and the timeline GIF, and go on training. Each action asks {@link Dialogs} for a
 * path, and has a twin that takes the path, which tests call. Every outcome is one line: a notice
 * beside the menu when it went well, an error dialog when not, and then nothing in the window changed.
 */
public final class FileActions {
    private final LabSession session;
    private final TrainingPictures view;
    private final AppPreferences prefs;
    private final Dialogs dialogs;
    private final ExperimentKeeper keeper;
    private final ExportActions exports;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Autoencoder Lab");
    private Path file;                      // the experiment file the runs were last saved to or opened from
    private Instant created;
    private List<Object> saved = List.of(); // the runs as they were then, to tell whether they changed
    private List<Run> fileRuns = List.of(); // the runs saved to or opened from the file: while none is shown, no file
    private java.util.function.BooleanSupplier noticeHolds = () -> true;   // while the notice is true

    public FileActions(LabSession session, TrainingPictures view, AppPreferences prefs, Dialogs dialogs) {
        this.session = session;
        this.view = view;
        this.prefs = prefs;
        this.dialogs = dialogs;
        this.keeper = new ExperimentKeeper(session);
        this.exports = new ExportActions(this, view, prefs, dialogs, BackgroundExecutor.daemonThreads(), Platform::runLater);
        saved = keeper.fingerprint();
    }

    // Experiments

    public void save() { saveThen(() -> { }); }

    public void saveAs() {
        if (nothingToSave()) return;
        Path f = askWhere();
        if (f != null) save(f);
    }

    private Path askWhere() {
        return dialogs.saveFile("Save experiment", Kind.EXPERIMENT, folder(Folder.EXPERIMENTS),
                file == null ? "experiment" + ExperimentFile.EXTENSION : file.getFileName().toString());
    }

    /** Saves to the experiment's file (asking where when it has none), then runs after; nothing when cancelled or failed. */
    private void saveThen(Runnable after) {
        if (nothingToSave()) return;
        Path f = file() != null ? file() : askWhere();
        if (f != null) save(f, after);
    }

    /** Saves the runs on the charts to the file; a run in progress is stopped first and saved once it has ended. */
    public void save(Path target) { save(target, () -> { }); }

    private void save(Path target, Runnable after) {
        if (nothingToSave()) return;
        Path f = Kind.EXPERIMENT.withExtension(target);
        if (session.current() != null) say("Stopping run #" + session.current().id() + " to save it…");
        Instant since = created != null && f.equals(file()) ? created : Instant.now();
        keeper.save(f, since, result -> {
            if (!result.ok()) {
                dialogs.error("Cannot save the experiment", result.message());
                say("");
                return;
            }
            file = f;
            created = since;
            saved = keeper.fingerprint();
            fileRuns = List.copyOf(session.history().runs());
            remember(f);
            say(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + result.message());
            after.run();
        });
    }

    /** Whether there are runs on the charts that changed since they were last saved or opened. */
    public boolean unsaved() {
        return !session.history().runs().isEmpty() && !keeper.fingerprint().equals(saved);
    }

    /**
     * Runs then once the runs on the charts may go: at once when there are none or they are saved, else
     * after asking Save / Don't save / Cancel (Save first saves, and then goes on only if the save
     * worked). A run in progress counts as unsaved; saving stops it first.
     *
     * @param action what would let them go, as the dialog's title says it: "Quit", "Open experiment"
     */
    public void whenRunsMayGo(String action, String consequence, Runnable then) {
        if (!unsaved()) {
            then.run();
            return;
        }
        int n = session.history().runs().size();
        String runs = n == 1 ? "The run on the charts has" : "The " + n + " runs on the charts have";
        switch (dialogs.askToSave(action, runs + " not been saved" + (session.going().isEmpty() ? "" : " (training now)")
                + ". " + consequence + " Save " + (n == 1 ? "it" : "them") + " first?")) {
            case SAVE -> saveThen(then);
            case DISCARD -> then.run();
            case CANCEL -> { }
        }
    }

    /** File › Quit and the window's close button: asks first when runs would be lost. */
    public void quit(Runnable exit) {
        whenRunsMayGo("Quit", "Quitting loses them.", exit);
    }

    /** The window's title: the file's name, marked with * while there are unsaved runs; call once a frame. */
    public void refreshTitle() {
        if (!noticeHolds.getAsBoolean()) say("");
        Path file = file();
        String name = file != null ? file.getFileName().toString() : session.history().runs().isEmpty() ? null : "Untitled";
        String t = (unsaved() ? "*" : "") + (name == null ? "" : name + " — ") + "Autoencoder Lab";
        if (!t.equals(title.get())) title.set(t);
    }

    private boolean nothingToSave() {
        String problem = keeper.saveProblem();
        if (!problem.isEmpty()) sayUntilRunsChange(problem);
        return !problem.isEmpty();
    }

    public void open() {
        Path f = dialogs.openFile("Open experiment", Kind.EXPERIMENT, folder(Folder.EXPERIMENTS));
        if (f != null) open(f);
    }

    /**
     * Opens an experiment in place of the runs on the charts. The file is read and checked first: a
     * damaged, foreign or newer one is refused with its reason, and the window stays as it was.
     */
    public boolean open(Path f) {
        Experiment e;
        try {
            e = keeper.read(f);
        } catch (ExperimentFileException ex) {
            if (!Files.exists(f)) forget(f);
            dialogs.error("Cannot open the experiment", ex.getMessage());
            return false;
        }
        boolean[] shown = {false};
        whenRunsMayGo("Open experiment", "Opening " + f.getFileName() + " replaces them.", () -> {
            show(f, e);
            shown[0] = true;
        });
        return shown[0];
    }

    private void show(Path f, Experiment e) {
        String note = keeper.show(e);
        file = f;
        created = e.created();
        saved = keeper.fingerprint();
        fileRuns = List.copyOf(session.history().runs());
        remember(f);
        say("Opened " + f.getFileName() + ": " + e.runs().size() + (e.runs().size() == 1 ? " run" : " runs")
                + (note.isEmpty() ? "." : ". " + note));
    }

    public void continueTraining() {
        String problem = keeper.continueProblem();
        if (!problem.isEmpty()) {
            sayUntilRunsChange(problem);
            return;
        }
        Checkpoint c = session.history().latest().record().checkpoint();
        keeper.continueLatest();
        Run going = session.current();
        sayWhile("Run #" + going.id() + " goes on from epoch " + (c.epochsDone() + 1) + ", batch "
                + (c.batchesDone() + 1) + ".", () -> session.current() == going);
    }

    /** Trains the newest run as many epochs more as the Epochs setting says; its curve goes on. */
    public void trainMore() {
        int more = session.form().config() == null ? 0 : session.form().config().epochs();
        String problem = keeper.trainMoreProblem(more);
        if (!problem.isEmpty()) {
            sayUntilRunsChange(problem);
            return;
        }
        keeper.trainMore(more);
        Run going = session.current();
        sayWhile("Run #" + going.id() + " trains " + more + " more epoch" + (more == 1 ? "" : "s") + ", to epoch "
                + going.config().epochs() + ".", () -> session.current() == going);
    }

    // Datasets

    public void openDatasetFolder() {
        Path dir = dialogs.folder("Open a folder of MNIST-layout IDX files", folder(Folder.DATASETS));
        if (dir != null) openDataset(dir);
    }

    /** Loads the folder in the background; on success it replaces the digits and removes the runs, else nothing changes. */
    public void openDataset(Path dir) {
        prefs.setFolder(Folder.DATASETS, dir.toAbsolutePath().getParent() == null ? dir : dir.toAbsolutePath().getParent());
        switchData(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(), () -> Dataset.loadFolder(dir));
    }

    public void useBundledMnist() { switchData(Dataset.BUNDLED_NAME, Dataset::loadBundledMnist); }

    private void switchData(String name, LabSession.DataSource source) {
        if (session.state() == LabSession.State.LOADING) {
            sayWhile("The digits are still loading; try again in a moment.",
                    () -> session.state() == LabSession.State.LOADING);
            return;
        }
        whenRunsMayGo("Open dataset", "Another dataset removes them from the charts: they were trained on other digits.",
                () -> loadData(name, source));
    }

    private void loadData(String name, LabSession.DataSource source) {
        say("Loading " + name + "…");
        String before = session.dataset() == null ? "none" : session.dataset().name();
        session.switchData(source, d -> {
            file = null;
            saved = keeper.fingerprint();
            refreshTitle();
            say("Training on " + d.name() + " now.");
        }, problem -> {
            say("The dataset is still " + before + ".");
            dialogs.error("Cannot open the dataset", problem);
        });
        savePrefs();
    }

    // Exports: see ExportActions

    public void exportChartsPng() { exports.exportChartsPng(); }

    public void exportChartsPng(Path f) { exports.exportChartsPng(f); }

    public void exportReconstructionsPng() { exports.exportReconstructionsPng(); }

    public void exportReconstructionsPng(Path f) { exports.exportReconstructionsPng(f); }

    public void exportCsv() { exports.exportCsv(); }

    public void exportCsv(Path f) { exports.exportCsv(f); }

    /** File › Export › Timeline as animated GIF…: the runs on the reconstruction panel, as they learned. */
    public void exportGif() { exports.exportGif(); }

    /** The newest run's trained weights as safetensors or npz, named for the exported PyTorch model. */
    public void exportWeights(aelab.io.WeightsExport.Format format) { exports.exportWeights(format); }

    /** The same to a given file; encoded in the background, reported in the notice (or an error dialog). */
    public void exportGif(Path f) { exports.exportGif(f); }

    /** Whether a run on the reconstruction panel has a timeline (the GIF export is offered). */
    public boolean canExportGif() { return exports.canExportGif(); }

    public void exportPython(PythonExport.Framework framework) { exports.exportPython(framework); }

    /** A script that trains the runs on the charts from fresh weights with their settings. */
    public void exportPython(PythonExport.Framework framework, Path f) { exports.exportPython(framework, f); }

    // Preferences

    Path folder(Folder kind) {
        Path p = prefs.folder(kind);
        if (p == null && kind != Folder.EXPERIMENTS) p = prefs.folder(Folder.EXPERIMENTS);
        if (p == null && file != null) p = file.toAbsolutePath().getParent();
        return p;
    }

    /**
     * The experiment file the runs on the charts belong to: the one they were last saved to or opened
     * from, while any of those runs is shown (after Reset the title names no file, and Save asks where;
     * Undo brings the runs back, and the file with them); null when none.
     */
    public Path file() {
        return file != null && session.history().runs().stream().anyMatch(fileRuns::contains) ? file : null;
    }

    /** The experiment file's name without its extension, to name exports after. */
    String stem() {
        Path file = file();
        if (file == null) return "experiment";
        String name = file.getFileName().toString();
        return name.endsWith(ExperimentFile.EXTENSION) ? name.substring(0, name.length() - ExperimentFile.EXTENSION.length()) : name;
    }

    private void remember(Path f) {
        prefs.recent().add(f);
        prefs.setFolder(Folder.EXPERIMENTS, f.toAbsolutePath().getParent());
        savePrefs();
        refreshTitle();
    }

    private void forget(Path f) {
        prefs.recent().remove(f);
        savePrefs();
    }

    /** Remembers the settings in the form (when valid) along with everything else, now. */
    public void savePrefs() {
        if (session.form().config() != null) prefs.setSettings(session.form().config());
        try {
            prefs.save();
        } catch (IOException e) {
            say("Could not remember the preferences in " + prefs.file() + ": " + e.getMessage());
        }
    }

    /** Says how an action went, beside the menu, until the next notice. */
    public void say(String text) { sayWhile(text, () -> true); }

    /**
     * Says something that stays true only for a while ("Nothing to save yet", "The digits are still
     * loading"): the notice goes once {@code holds} says false, checked once a frame.
     */
    public void sayWhile(String text, java.util.function.BooleanSupplier holds) {
        noticeHolds = holds;
        notice.set(text);
    }

    /** Says why an action cannot be done now ("Nothing to save yet"), until the runs on the charts or the state change. */
    public void sayUntilRunsChange(String problem) {
        long version = session.history().version();
        LabSession.State state = session.state();
        sayWhile(problem, () -> session.history().version() == version && session.state() == state);
    }

    public List<Path> recent() { return prefs.recent().files(); }

    /** Where the preferences (and a recovery copy) are kept, for Help › About. */
    public Path preferencesFile() { return prefs.file(); }

    public void clearRecent() {
        prefs.recent().clear();
        savePrefs();
    }

    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    /** The window's title: the experiment file's name once there is one, * when runs are unsaved. */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    public LabSession session() { return session; }

    /**
     * Shows the runs of a recovery copy (see {@link RecoveryOffer}) as {@link #open(Path)} shows a file's,
     * but unsaved: no file is remembered, so Save asks where, and the copy is not a recent experiment.
     * A copy that cannot be read gives a one-line notice and false; nothing changes then.
     */
    public boolean recover(Path copy) {
        Experiment e;
        try {
            e = keeper.read(copy);
        } catch (ExperimentFileException ex) {
            say("The recovery copy could not be read: " + ex.getMessage());
            return false;
        }
        String note = keeper.show(e);
        file = null;
        created = null;
        saved = List.of();   // the fingerprint of no runs: these differ from it, so they count as unsaved
        title.set("Autoencoder Lab");
        int n = e.runs().size();
        say("Recovered " + n + (n == 1 ? " run" : " runs") + " from the last session; save them to keep them."
                + (note.isEmpty() ? "" : " " + note));
        return true;
    }
}
