package aelab.app.session;

import aelab.app.session.LabSession.State;
import aelab.app.model.Run;
import aelab.app.model.RunHistory;
import aelab.app.model.RunRecord;
import aelab.data.Dataset;
import aelab.engine.RunOutcome;
import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.ExperimentFileException;
import aelab.io.SavedRun;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Saving, reopening and going on with the runs of a {@link LabSession}, without the window. Files are
 * written and read on the FX thread (a few megabytes at most); a run still in progress is stopped
 * first, because its weights may only be copied between runs, not between two mini-batches of one.
 */
public final class ExperimentKeeper {
    /** How a save went: the message is one line, for the window's notice or an error dialog. */
    public record Result(boolean ok, String message) { }

    private final LabSession session;

    public ExperimentKeeper(LabSession session) { this.session = session; }

    /** Why there is nothing to save, or "" when there is. */
    public String saveProblem() {
        return session.history().runs().isEmpty() ? "Nothing to save yet: press Start to train a run first." : "";
    }

    /**
     * Saves every run on the charts to the file, atomically. A run in progress is stopped first (it ends
     * after its mini-batch and can go on later with Continue training); {@code done} gets the result
     * once the file is written, at once when nothing was going, else from a later {@link LabSession#drain()}.
     *
     * @param created when the experiment was first saved (kept when a reopened one is saved again)
     */
    public void save(Path file, Instant created, Consumer<Result> done) {
        State s = session.state();
        Run stopped = s == State.RUNNING || s == State.PAUSED ? session.current() : null;
        if (stopped != null) session.stop();
        session.whenSettled(() -> done.accept(write(file, created, stopped)));
    }

    private Result write(Path file, Instant created, Run stopped) {
        String problem = saveProblem();
        if (!problem.isEmpty()) return new Result(false, problem);
        List<SavedRun> runs = new ArrayList<>();
        Set<String> datasets = new LinkedHashSet<>();
        int failed = 0;
        for (Run r : session.history().runs()) {
            SavedRun saved = RunRecord.toSaved(r);
            if (saved == null) {
                failed++;
                continue;
            }
            runs.add(saved);
            datasets.add(r.record().dataset() == null ? "" : r.record().dataset());
        }
        if (runs.isEmpty()) return new Result(false, "Nothing to save: the runs on the charts failed, so their weights cannot be kept.");
        if (datasets.size() > 1)
            return new Result(false, "The runs on the charts were trained on different datasets (" + String.join(", ", datasets)
                    + "); a file keeps runs of one. Clear the old runs, then save.");
        try {
            ExperimentFile.write(file, new Experiment(datasets.iterator().next(), created, runs));
        } catch (IOException | RuntimeException e) {
            return new Result(false, "Could not save " + file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage())
                    + ". The file that was there is unchanged.");
        }
        StringBuilder m = new StringBuilder("Saved ").append(file.getFileName()).append(": ").append(runs.size())
                .append(runs.size() == 1 ? " run" : " runs");
        if (failed > 0) m.append(" (").append(failed).append(failed == 1 ? " failed run was" : " failed runs were").append(" left out)");
        if (stopped != null && stopped.isFinished() && stopped.outcome().status() == RunOutcome.Status.STOPPED)
            m.append(". Run #").append(stopped.id()).append(" was stopped to save it; Run › Continue training goes on from there");
        return new Result(true, m.append('.').toString());
    }

    /** Reads and checks a file without changing anything; a bad file throws with a one-line reason. */
    public Experiment read(Path file) throws ExperimentFileException {
        return ExperimentFile.read(file);
    }

    /**
     * Replaces the runs on the charts with the experiment's, as they were saved, and puts its newest
     * run's settings in the form. Their reconstructions are recomputed when the window has the dataset
     * they were trained on. Returns a note for the user, "" when there is nothing to add.
     */
    public String show(Experiment e) {
        session.stop();
        RunHistory history = session.history();
        history.clear();
        session.results().clear();     // the rows were of the runs the file replaces: they are numbered from #1 again
        session.removals().forget();   // the user chose to replace the runs (FileActions asked)
        Dataset d = session.dataset();
        boolean sameData = d != null && d.name().equals(e.datasetName());
        for (SavedRun s : e.runs()) {
            Run run = RunRecord.restore(history, s, e.datasetName(),
                    RunRecord.batchesPerEpoch(s, sameData ? d.train().count() : 0));
            if (sameData && session.grid() != null) session.showReconstructions(run);
        }
        session.form().load(e.runs().get(e.runs().size() - 1).config());
        if (sameData) return "";
        return "They were trained on " + e.datasetName() + (d == null ? "" : ", not " + d.name())
                + ": open that dataset, then this file, to see their reconstructions and go on training.";
    }

    /** Why the newest run cannot go on training from where it stopped, or "" when it can. */
    public String continueProblem() {
        Run r = session.history().latest();
        Dataset d = session.dataset();
        if (d == null || session.state() == State.LOADING) return "The digits are not loaded yet.";
        if (r == null) return "There is no run to go on with: press Start.";
        String n = "Run #" + r.id();
        if (r == session.current()) return n + " is still training.";
        if (!r.isFinished() || session.isLive(r)) return n + " is still ending; try again in a moment.";
        if (r.outcome().status() == RunOutcome.Status.DIVERGED)
            return n + " diverged; with the same settings it would diverge again. Start a new run with a lower learning rate.";
        if (r.record().checkpoint() == null) return n + " failed, so its weights cannot be trained on.";
        if (r.record().checkpoint().epochsDone() >= r.config().epochs())
            return n + (r.config().epochs() == 1 ? " has trained its one epoch" : " has trained all its " + r.config().epochs()
                    + " epochs") + "; Run › Train more epochs (" + aelab.app.model.Shortcut.TRAIN_MORE.keys() + ") takes it further.";
        if (!d.name().equals(r.record().dataset()))
            return n + " was trained on " + r.record().dataset() + ", but the window has " + d.name()
                    + ": open that dataset (File › Open dataset folder…), then the experiment again.";
        return "";
    }

    /** Trains the newest run on from its checkpoint, as if it had never stopped; false (nothing done) when it cannot. */
    public boolean continueLatest() {
        if (!continueProblem().isEmpty()) return false;
        session.trainOn(session.history().latest());
        return true;
    }

    /**
     * Why the newest run cannot train {@code more} epochs beyond those it has done, or "" when it can: a
     * finished or stopped run, reopened or not, with its weights (the checks of {@link #continueProblem}
     * but that all planned epochs are done).
     */
    public String trainMoreProblem(int more) {
        Run r = session.history().latest();
        String problem = continueProblem();
        boolean allDone = r != null && r.record().checkpoint() != null
                && r.record().checkpoint().epochsDone() >= r.config().epochs();
        if (!problem.isEmpty() && !allDone) return problem;
        if (allDone && !r.record().dataset().equals(session.dataset() == null ? null : session.dataset().name()))
            return "Run #" + r.id() + " was trained on " + r.record().dataset() + ": open that dataset first.";
        if (more < 1) return "Set Epochs to how many more epochs to train.";
        return "";
    }

    /** Plans {@code more} epochs beyond those done and trains the newest run on; false (nothing done) when it cannot. */
    public boolean trainMore(int more) {
        if (!trainMoreProblem(more).isEmpty()) return false;
        Run r = session.history().latest();
        r.planEpochs(r.record().checkpoint().epochsDone() + more);
        session.trainOn(r);
        return true;
    }

    /** Changes whenever a run is added, removed, gains a batch or ends: to tell whether the runs were saved. */
    public List<Object> fingerprint() {
        List<Object> f = new ArrayList<>();
        for (Run r : session.history().runs()) {
            f.add(r);
            f.add(r.lastBatch() == null ? 0L : r.lastBatch().step());
            f.add(r.isFinished());
        }
        return f;
    }
}
