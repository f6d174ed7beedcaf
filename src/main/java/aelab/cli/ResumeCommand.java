package aelab.cli;

import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.engine.RunOutcome;
import aelab.engine.Setting;
import aelab.engine.Settings;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;
import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.ExperimentFileException;
import aelab.io.SavedRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code train --resume FILE.aelab [--epochs TOTAL] [--save …]}: trains each saved run on from where
 * it stopped, to TOTAL epochs in all (default: the epochs it planned), and saves the experiment back
 * (to the same file unless --save names another). Each epoch's order follows from (seed, epoch) alone
 * and the optimizer's state is in the file, so the curve is the one a run that never stopped would
 * have drawn, to the last bit, when the thread count is the training's.
 */
final class ResumeCommand {
    private final PrintStream out, err;

    ResumeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options o) throws UsageException, DatasetException, ExperimentFileException, Cli.CommandFailed {
        if (!o.positional().isEmpty()) throw new UsageException("unexpected argument '" + Commands.quoted(o.positional().get(0)) + "'");
        for (Setting<?> s : Settings.ALL)
            if (s != Settings.EPOCHS && o.has(s.flag()))
                throw new UsageException("--" + s.flag() + " cannot change when resuming: a run goes on with its own "
                        + "settings (only --epochs, the total, can grow); start a new run with train instead");
        Path file = Path.of(o.string("resume", ""));
        Path save = o.has("save") ? o.target("save") : file;
        Path metrics = o.target("metrics");
        Experiment e = ExperimentFile.read(file);
        if (metrics != null && e.runs().size() > 1)
            throw new UsageException(file + " holds " + e.runs().size() + " runs, and --metrics writes one run's CSV; "
                    + "leave it out (the file keeps every epoch), or resume a file of one run");
        Dataset data = Cli.loadData(o);
        if (!e.datasetName().equals(data.name()))
            throw new Cli.CommandFailed(file + " was trained on " + e.datasetName() + ", not " + data.name()
                    + "; give --data with the folder of that dataset");
        List<SavedRun> after = new ArrayList<>();
        boolean trained = false, stopped = false;
        for (int i = 0; i < e.runs().size(); i++) {
            SavedRun r = e.runs().get(i);
            String prefix = e.runs().size() == 1 ? "" : "run " + (i + 1) + ": ";
            int done = r.checkpoint().epochsDone(), total = o.integer("epochs", r.config().epochs(), 1, 100_000);
            if (total < done || (total == done && r.checkpoint().batchesDone() > 0))
                throw new UsageException(prefix + "--epochs is the total, and " + (e.runs().size() == 1 ? "the run" : "it")
                        + " has trained " + done + " epochs already; give more than " + done);
            if (total == done) {
                out.println(prefix + "all " + done + " epochs are done; give --epochs N (the total, more than " + done
                        + ") to train further");
                after.add(r);
                continue;
            }
            if (stopped) {
                after.add(r);
                continue;
            }
            TrainingConfig config = r.config().with(Settings.EPOCHS, total);
            RunRecorder recorder = new RunRecorder(data.test(), r);
            EpochPrinter printer = new EpochPrinter(out, err, data, config, metrics, recorder, prefix);
            printer.before(r.epochs());
            Trainer trainer = new Trainer(config, data, printer, r.checkpoint());
            recorder.follow(trainer);
            out.println(prefix + "resuming " + r.label() + " at epoch " + (done + 1) + ", batch " + (r.checkpoint().batchesDone() + 1)
                    + " (step " + r.checkpoint().steps() + "), to epoch " + total);
            RunOutcome outcome;
            StopOnShutdown hook = new StopOnShutdown(trainer::stop);
            try {
                outcome = trainer.run();
            } finally {
                hook.close();
            }
            out.println(prefix + outcome.message());
            printer.checkWritten();
            if (outcome.status() == RunOutcome.Status.FAILED) {
                err.println("warning: " + prefix + "the run failed; the file keeps it as it was");
                after.add(r);
            } else {
                after.add(recorder.saved(trainer));
                trained = true;
            }
            stopped = outcome.status() == RunOutcome.Status.STOPPED;   // Ctrl-C: save what there is, train no more
        }
        if (!trained && save.equals(file)) return 0;
        try {
            ExperimentFile.write(save, new Experiment(e.datasetName(), e.created(), after));
        } catch (IOException x) {
            throw new Cli.CommandFailed("could not save " + save + ": " + Commands.reason(x));
        }
        out.println("saved " + save);
        return 0;
    }
}
