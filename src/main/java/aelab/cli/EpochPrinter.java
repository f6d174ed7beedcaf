package aelab.cli;

import aelab.data.Dataset;
import aelab.engine.BatchPoint;
import aelab.engine.EpochInsights;
import aelab.engine.EpochMetrics;
import aelab.engine.Preview;
import aelab.engine.RunInfo;
import aelab.engine.TrainingConfig;
import aelab.engine.TrainingListener;
import aelab.io.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code train} prints of a run, a line per epoch, and the metrics CSV it rewrites after each epoch;
 * everything the run sends also goes to its recorder, for saving. A run trained on from a file starts its
 * CSV with the epochs it had.
 */
final class EpochPrinter implements TrainingListener {
    private final PrintStream out, err;
    private final TrainingConfig config;
    private final Path metrics;
    private final RunRecorder recorder;
    private final String prefix, dataName;
    private final StringBuilder csv = new StringBuilder(EpochMetrics.CSV_HEADER).append('\n');
    private IOException writeError;

    /** @param prefix put before each line, e.g. "run 2: " when a file holds several runs */
    EpochPrinter(PrintStream out, PrintStream err, Dataset data, TrainingConfig config, Path metrics, RunRecorder recorder,
                 String prefix) {
        this.dataName = data.name();
        this.out = out;
        this.err = err;
        this.config = config;
        this.metrics = metrics;
        this.recorder = recorder;
        this.prefix = prefix;
    }

    private java.util.function.Supplier<aelab.engine.PcaBaseline.Figures> baseline;

    /** Computes and prints, in the header, what PCA with the run's code width reaches (a linear baseline). */
    void baseline(java.util.function.Supplier<aelab.engine.PcaBaseline.Figures> b) { baseline = b; }

    /** The epochs a resumed run had, first in its CSV. */
    void before(List<EpochMetrics> epochs) {
        for (EpochMetrics m : epochs) csv.append(m.csv()).append('\n');
    }

    @Override public void started(RunInfo info) {
        recorder.started(info);
        out.printf(Locale.ROOT, "%s%s: %d training and %d test images; %s%n", prefix, dataName, info.trainCount(), info.testCount(), config.describe(info.trainCount()));
        out.printf(Locale.ROOT, "%skernel %s, %d threads; BCE floor of the test images %.4f%n", prefix, info.kernel(),
                info.threads(), info.bceFloor());
        if (baseline != null) {
            long t0 = System.nanoTime();
            aelab.engine.PcaBaseline.Figures f = baseline.get();
            out.printf(Locale.ROOT, "%sPCA-%d baseline: test BCE %.5f, MSE %.5f (a linear code of the same width, fitted in %.1f s)%n",
                    prefix, f.components(), f.bce(), f.mse(), (System.nanoTime() - t0) / 1e9);
        }
        for (String w : info.warnings()) out.println("warning: " + w);
    }

    @Override public void batch(BatchPoint p) { recorder.batch(p); }

    @Override public void snapshot(Preview p, boolean epochEnd) { recorder.snapshot(p, epochEnd); }

    @Override public void insights(EpochInsights i) { recorder.insights(i); }

    @Override public void epoch(EpochMetrics m) {
        recorder.epoch(m);
        out.printf(Locale.ROOT, "%sepoch %d/%d  train_loss %.5f  test_loss %.5f  test_bce %.5f  test_mse %.5f  output_sum %.2f  %.1f s%s%n",
                prefix, m.epoch(), config.epochs(), m.trainLoss(), m.testLoss(), m.testBce(), m.testMse(), m.outputSum(), m.seconds(),
                kindFigures(m.kind()));
        csv.append(m.csv()).append('\n');
        if (metrics != null && writeError == null) {
            try {
                AtomicFiles.writeString(metrics, csv.toString());
            } catch (IOException e) {
                writeError = e;
            }
        }
    }

    /** "  noisy_test_bce 0.11 noisy_test_mse 0.02", … : the figures of the run's kind, as the CSV names them. */
    static String kindFigures(aelab.engine.KindFigures k) {
        String[] names = aelab.engine.KindFigures.CSV_COLUMNS.split(",");
        double[] v = k.values();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length; i++)
            if (!Double.isNaN(v[i])) s.append(String.format(Locale.ROOT, "  %s %.5f", names[i], v[i]));
        return s.toString();
    }

    @Override public void warning(String message) { err.println("warning: " + message); }

    /** Fails when the metrics CSV could not be written. */
    void checkWritten() throws Cli.CommandFailed {
        if (writeError != null)
            throw new Cli.CommandFailed("could not write " + metrics + ": " + Commands.reason(writeError));
    }
}
