package aelab.cli;

import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.engine.EpochMetrics;
import aelab.engine.Evaluation;
import aelab.engine.Evaluator;
import aelab.engine.TrainingConfig;
import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.ExperimentFileException;
import aelab.io.SavedRun;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code eval FILE}: reopens an experiment file and evaluates each run's saved weights on the test
 * images, a line per run. With the dataset and thread count it was trained with, the figures are those
 * of its last epoch to the last digit.
 */
final class EvalCommand {
    private final PrintStream out, err;

    EvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options o) throws UsageException, DatasetException, ExperimentFileException, Cli.CommandFailed {
        Path file = Cli.onePositional(o, "FILE" + ExperimentFile.EXTENSION);
        Experiment e = ExperimentFile.read(file);
        Dataset data = Cli.loadData(o);
        if (!e.datasetName().equals(data.name()))
            err.println("note: the runs were trained on " + e.datasetName() + "; evaluating on " + data.name());
        out.printf(Locale.ROOT, "%s: %d run%s, trained on %s%n", file, e.runs().size(), e.runs().size() == 1 ? "" : "s",
                e.datasetName());
        List<SavedRun> runs = e.runs();
        for (int i = 0; i < runs.size(); i++) {
            SavedRun r = runs.get(i);
            TrainingConfig c = r.config();
            if (c.inputWidth() != data.test().imageSize())
                throw new Cli.CommandFailed("run " + (i + 1) + " reads images of " + c.inputWidth() + " pixels, but "
                        + data.name() + " has images of " + data.test().imageSize()
                        + "; give --data with the dataset it was trained on");
            Evaluation v = Evaluator.evaluate(r.checkpoint().model(), c, data);
            out.printf(Locale.ROOT, "run %d  test_bce %.5f  test_mse %.5f  test_loss %.5f (%s)  %d test images  epochs %d/%d%s  %s%n",
                    i + 1, v.bce(), v.mse(), v.loss(), c.loss(), v.count(), r.checkpoint().epochsDone(), c.epochs(),
                    r.checkpoint().batchesDone() > 0 ? " +" + r.checkpoint().batchesDone() + " batches" : "", r.label());
            if (c.kind() != aelab.engine.ModelKind.PLAIN)
                out.println("       " + c.kindLabel().replaceAll(", $", "") + ":" + EpochPrinter.kindFigures(v.kind()));
            aelab.engine.timeline.Timeline t = r.timeline();
            out.println(t.isEmpty() ? "       no timeline (saved before timelines were kept)"
                    : String.format(Locale.ROOT, "       timeline: %d snapshots of %d test digits (steps %d to %,d), codes "
                            + "after %d epoch%s, %.2f MB", t.size(), t.indices().length, t.get(0).step(),
                            t.get(t.size() - 1).step(), t.latents().size(), t.latents().size() == 1 ? "" : "s", t.bytes() / 1e6));
            EpochMetrics last = r.epochs().isEmpty() ? null : r.epochs().get(r.epochs().size() - 1);
            if (last != null && last.epoch() == r.checkpoint().epochsDone() && r.checkpoint().batchesDone() == 0)
                note(i, last, v); // the saved epoch was measured on these very weights
        }
        return 0;
    }

    /** When the figures differ from the saved last epoch, says why they can (another dataset or core count). */
    private void note(int i, EpochMetrics saved, Evaluation now) {
        if (saved.testBce() != now.bce() || saved.testMse() != now.mse())
            err.printf(Locale.ROOT, "note: run %d's saved epoch %d had test_bce %.5f, test_mse %.5f; the figures differ"
                    + " when the dataset or the number of threads differ from training%n", i + 1, saved.epoch(),
                    saved.testBce(), saved.testMse());
    }
}
