package aelab.app.files;

import aelab.app.files.Dialogs.Kind;
import aelab.app.model.AppPreferences;
import aelab.app.model.AppPreferences.Folder;
import aelab.app.model.MetricsCsv;
import aelab.app.model.Run;
import aelab.app.session.LabSession;
import aelab.data.Dataset;
import aelab.engine.Preview;
import aelab.engine.TrainingConfig;
import aelab.io.AtomicFiles;
import aelab.io.ExperimentFile;
import aelab.io.PythonExport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The File › Export menu of {@link FileActions}: the loss charts and the reconstructions as pictures, the
 * metric history as CSV, and Python scripts. Each action asks {@link Dialogs} for a path, and has a twin
 * that takes the path; the notice, folders and preferences are those of the FileActions.
 */
final class ExportActions {
    private final FileActions actions;
    private final TrainingPictures view;
    private final AppPreferences prefs;
    private final Dialogs dialogs;

    ExportActions(FileActions actions, TrainingPictures view, AppPreferences prefs, Dialogs dialogs) {
        this.actions = actions;
        this.view = view;
        this.prefs = prefs;
        this.dialogs = dialogs;
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
            actions.say("No digits to export yet: the dataset is not loaded.");
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

    private boolean nothingToExport() {
        if (!session().history().runs().isEmpty()) return false;
        actions.say("Nothing to export yet: press Start to train a run first.");
        return true;
    }

    @FunctionalInterface
    private interface Write { void run() throws IOException; }

    private void export(Path f, String what, Write write) {
        try {
            write.run();
        } catch (IOException | RuntimeException e) {
            dialogs.error("Cannot export " + what, "Could not write " + f + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return;
        }
        prefs.setFolder(Folder.EXPORTS, f.toAbsolutePath().getParent());
        actions.savePrefs();
        actions.say("Exported " + what + " to " + f.getFileName() + ".");
    }
}
