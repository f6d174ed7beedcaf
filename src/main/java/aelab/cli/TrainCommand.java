package aelab.cli;

import aelab.data.Dataset;
import aelab.data.DatasetException;

import aelab.engine.RunOutcome;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;

import aelab.io.Experiment;
import aelab.io.ExperimentFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code train}: one experiment, a line per epoch, optionally a metrics CSV rewritten after each epoch,
 * and with {@code --save} an experiment file written at the end — also when the run diverged (at its
 * last good weights) or was stopped with Ctrl-C.
 */
final class TrainCommand {
    private final PrintStream out, err;

    TrainCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options o) throws UsageException, DatasetException, Cli.CommandFailed, aelab.io.ExperimentFileException {
        if (o.has("resume")) return new ResumeCommand(out, err).run(o);
        if (!o.positional().isEmpty()) throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
        TrainingConfig config = ConfigOptions.parse(o);
        Path metrics = o.target("metrics");
        Path save = o.target("save");
        Dataset data = Cli.loadData(o);
        List<aelab.engine.Setting.Problem> problems = config.problems(data.train().imageSize());
        if (!problems.isEmpty()) throw new UsageException(aelab.engine.Setting.Problem.join(problems));
        java.util.Optional<String> memory = aelab.engine.MemoryNeed.check(config);
        if (memory.isPresent()) throw new UsageException(memory.get());

        RunRecorder recorder = new RunRecorder(data.test());
        EpochPrinter printer = new EpochPrinter(out, err, data, config, metrics, recorder, "");
        printer.baseline(() -> aelab.engine.PcaBaseline.of(config, data));
        Trainer trainer = new Trainer(config, data, printer);
        if (save != null) recorder.follow(trainer);
        RunOutcome outcome;
        StopOnShutdown hook = save == null ? null : new StopOnShutdown(trainer::stop);
        try {
            outcome = trainer.run();
            out.println(outcome.message());
            if (save != null) save(trainer, recorder, data, outcome, save);
        } finally {
            if (hook != null) hook.close();
        }
        printer.checkWritten();
        return switch (outcome.status()) {
            case FINISHED, STOPPED -> 0;
            case DIVERGED, FAILED -> 1;
        };
    }

    /** Saves the run unless it failed (then its weights may be half-updated and are not worth keeping). */
    void save(Trainer trainer, RunRecorder recorder, Dataset data, RunOutcome outcome, Path file)
            throws Cli.CommandFailed {
        if (outcome.status() == RunOutcome.Status.FAILED) {
            err.println("warning: the run failed, so nothing was saved to " + file);
            return;
        }
        try {
            ExperimentFile.write(file, new Experiment(data.name(), List.of(recorder.saved(trainer))));
        } catch (IOException e) {
            throw new Cli.CommandFailed("could not save " + file + ": " + Commands.reason(e));
        }
        out.println("saved " + file + (outcome.status() == RunOutcome.Status.DIVERGED
                ? " (at the last weights with a finite loss)" : ""));
    }
}
