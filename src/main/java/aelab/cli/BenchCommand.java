package aelab.cli;

import aelab.data.DatasetException;
import aelab.engine.Bench;
import aelab.engine.TrainingConfig;

import java.io.PrintStream;
import java.util.Locale;

/** {@code bench}: samples per second of the default training step, and the test-set evaluation time. */
final class BenchCommand {
    private final PrintStream out;

    BenchCommand(PrintStream out) { this.out = out; }

    int run(Options o) throws UsageException, DatasetException {
        if (!o.positional().isEmpty()) throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
        int steps = o.integer("steps", 400, 1, 1_000_000);
        int warmup = o.integer("warmup", 60, 0, 1_000_000);
        TrainingConfig config = TrainingConfig.defaults().withThreads(o.integer("threads", 0, 0, 256));
        var data = Cli.loadData(o);
        Bench.Result r = Bench.run(data, config, steps, warmup);
        out.printf(Locale.ROOT, "model %s, %s + %s, %s, batch %d, %d threads, kernel %s%n", config.layerString(),
                config.output(), config.loss(), config.optimizer(), r.batch(), r.threads(), r.kernel());
        out.printf(Locale.ROOT, "steps %d, epoch of 60,000 images: %.2f s%n", r.steps(), 60_000 / r.samplesPerSecond());
        out.printf(Locale.ROOT, "evaluation of %d test images: %.3f s%n", r.evalImages(), r.evalSeconds());
        out.printf(Locale.ROOT, "allocated per step on the calling thread: %.0f bytes%n", r.bytesPerStep());
        out.printf(Locale.ROOT, "samples/s: %.0f%n", r.samplesPerSecond());
        return 0;
    }
}
