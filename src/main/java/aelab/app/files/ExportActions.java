package aelab.app.files;

import aelab.app.files.Dialogs.Kind;
import aelab.app.model.AppPreferences;
import aelab.app.model.AppPreferences.Folder;
import aelab.app.model.MetricsCsv;
import aelab.app.model.Run;
import aelab.app.session.BackgroundExecutor;
import aelab.app.session.LabSession;
import aelab.data.Dataset;
import aelab.engine.Preview;
import aelab.engine.TrainingConfig;
import aelab.io.AtomicFiles;
import aelab.io.ExperimentFile;
import aelab.io.PythonExport;
import aelab.io.WeightsExport;
import aelab.io.gif.TimelineGif;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The File › Export menu of {@link FileActions}: the loss charts and the reconstructions as pictures, the
 * metric history as CSV, Python scripts, and the timeline as an animated GIF. Each action asks
 * {@link Dialogs} for a path, and has a twin that takes the path; the notice, folders and preferences
 * are those of the FileActions. The GIF is encoded on a background thread (a second or so for a few
 * epochs), and its outcome handed back to the FX thread.
 */
final class ExportActions {
    private final FileActions actions;
    private final TrainingPictures view;
    private final AppPreferences prefs;
    private final Dialogs dialogs;
    private final BackgroundExecutor background;
    private final Executor fx;

    /** @param fx runs what a background export reports on the FX thread ({@code Platform::runLater}) */
    ExportActions(FileActions actions, TrainingPictures view, AppPreferences prefs, Dialogs dialogs,
                  BackgroundExecutor background, Executor fx) {
        this.actions = actions;
        this.view = view;
        this.prefs = prefs;
        this.dialogs = dialogs;
        this.background = background;
        this.fx = fx;
    }

    private LabSession session() { return actions.session(); }

    void exportChartsPng() {
        Path f = dialogs.saveFile("Export the loss charts as PNG", Kind.PNG, actions.folder(Folder.EXPORTS), actions.stem() + "-charts.png");
        if (f != null) exportChartsPng(f);
    }

    void exportChartsPng(Path f) {
        view.refreshTraining();   // another tab may be in view: the charts then wait for it
        export(f, "the loss charts", () -> Exports.chartsPng(f, view.lossCharts()));
    }

    void exportReconstructionsPng() {
        Path f = dialogs.saveFile("Export the reconstructions as PNG", Kind.PNG, actions.folder(Folder.EXPORTS),
                actions.stem() + "-reconstructions.png");
        if (f != null) exportReconstructionsPng(f);
    }

    void exportReconstructionsPng(Path f) {
        if (session().dataset() == null || session().grid() == null) {
            actions.sayUntilRunsChange("No digits to export yet: the dataset is not loaded.");
            return;
        }
        view.refreshTraining();
        Run latest = session().history().latest();
        Preview p = view.shownPreview();
        String caption = session().dataset().name() + (latest == null || p == null ? ": test digits"
                : ": reconstructions of run " + session().history().legendLabel(latest) + " after epoch " + p.epoch()
                  + ", step " + p.step());
        export(f, "the reconstructions", () -> Exports.reconstructionsPng(f, session().dataset().test(), session().grid(),
                p, view.contrast(), caption));
    }

    void exportCsv() {
        if (nothingToExport()) return;
        Path f = dialogs.saveFile("Export the metric history as CSV", Kind.CSV, actions.folder(Folder.EXPORTS), actions.stem() + "-metrics.csv");
        if (f != null) exportCsv(f);
    }

    void exportCsv(Path f) {
        if (nothingToExport()) return;
        export(f, "the metric history", () -> AtomicFiles.writeString(f, MetricsCsv.of(session().history())));
    }

    void exportPython(PythonExport.Framework framework) {
        if (nothingToExport()) return;
        Path f = dialogs.saveFile("Export as a " + framework.title() + " script", Kind.PYTHON, actions.folder(Folder.EXPORTS),
                PythonExport.defaultName(actions.stem() + ExperimentFile.EXTENSION, framework));
        if (f != null) exportPython(framework, f);
    }

    /** A script that trains the runs on the charts from fresh weights with their settings. */
    void exportPython(PythonExport.Framework framework, Path f) {
        if (nothingToExport()) return;
        List<TrainingConfig> configs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Run r : session().history().runs()) {
            configs.add(r.config());
            labels.add(session().history().legendLabel(r));
        }
        String data = session().dataset() == null ? Dataset.BUNDLED_NAME : session().dataset().name();
        export(f, "a " + framework.title() + " script", () -> AtomicFiles.writeString(f,
                PythonExport.script(configs, labels, data, framework)));
    }

    /** The runs on the reconstruction panel that have a timeline, labelled as the GIF shows them. */
    private List<TimelineGif.Source> timelines() {
        List<TimelineGif.Source> sources = new ArrayList<>();
        for (Run r : session().history().newest())
            if (!r.timeline().isEmpty()) sources.add(new TimelineGif.Source("run " + r.id() + " · " + r.config().label(), r.timeline()));
        return sources;
    }

    /** Whether a run on the reconstruction panel has a timeline to export. */
    boolean canExportGif() { return !timelines().isEmpty(); }

    void exportGif() {
        if (noTimeline()) return;
        Path f = dialogs.saveFile("Export the timeline as an animated GIF", Kind.GIF, actions.folder(Folder.EXPORTS),
                actions.stem() + "-timeline.gif");
        if (f != null) exportGif(f);
    }

    /** The timelines of the runs on the reconstruction panel, a frame per snapshot, written in the background. */
    void exportGif(Path f) {
        if (noTimeline()) return;
        TimelineGif gif;
        try {
            gif = TimelineGif.of(timelines());   // timelines are immutable: the encoding may read them on any thread
        } catch (IllegalArgumentException e) {
            actions.say("Cannot export the timeline: " + e.getMessage() + ".");
            return;
        }
        String what = "the timeline (" + gif.frames() + " frames)";
        actions.say("Writing " + what + " to " + f.getFileName() + "…");
        background.execute("export " + f.getFileName(), () -> {
            try {
                AtomicFiles.write(f, gif::write);
                fx.execute(() -> exported(f, what));
            } catch (IOException | RuntimeException | OutOfMemoryError e) {   // a daemon thread: said here, or never
                fx.execute(() -> failed(f, what, e));
            }
        });
    }

    /** The newest run's trained weights, named as the exported PyTorch model's layers. */
    void exportWeights(WeightsExport.Format format) {
        Run r = session().history().latest();
        String problem = r == null ? "No weights to export yet: press Start to train a run first."
                : !r.isFinished() ? "Run #" + r.id() + " is still training: stop it, or wait for it to end, to export its weights."
                : r.record().checkpoint() == null ? "Run #" + r.id() + " failed, so it has no weights worth exporting." : "";
        if (!problem.isEmpty()) {
            actions.sayUntilRunsChange(problem);
            return;
        }
        Path f = dialogs.saveFile("Export run #" + r.id() + "'s weights as " + format, format == WeightsExport.Format.NPZ
                ? Kind.NPZ : Kind.SAFETENSORS, actions.folder(Folder.EXPORTS), actions.stem() + "-run" + r.id() + format.extension());
        if (f != null) exportWeights(r, format, f);
    }

    void exportWeights(Run r, WeightsExport.Format format, Path f) {
        export(f, "run #" + r.id() + "'s weights", () -> WeightsExport.write(f, r.record().checkpoint().model(), format,
                WeightsExport.metadata(r.config(), r.record().checkpoint().epochsDone())));
    }

    private boolean noTimeline() {
        if (canExportGif()) return false;
        actions.sayUntilRunsChange(session().history().newest().isEmpty() ? "No timeline to export yet: press Start to train a run first."
                : "No timeline to export: the runs shown were saved before timelines; Run › Continue training records one.");
        return true;
    }

    private boolean nothingToExport() {
        if (!session().history().runs().isEmpty()) return false;
        actions.sayUntilRunsChange("Nothing to export yet: press Start to train a run first.");
        return true;
    }

    @FunctionalInterface
    private interface Write { void run() throws IOException; }

    private void export(Path f, String what, Write write) {
        try {
            write.run();
        } catch (IOException | RuntimeException e) {
            failed(f, what, e);
            return;
        }
        exported(f, what);
    }

    private void exported(Path f, String what) {
        prefs.setFolder(Folder.EXPORTS, f.toAbsolutePath().getParent());
        actions.savePrefs();
        actions.say("Exported " + what + " to " + f.getFileName() + ".");
    }

    private void failed(Path f, String what, Throwable e) {
        actions.say("");
        dialogs.error("Cannot export " + what, "Could not write " + f + ": "
                + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
}
