package aelab.cli;

import aelab.data.DatasetException;
import aelab.engine.Bench;
import aelab.engine.ModelKind;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code bench}: samples per second of the default training step, and the test-set evaluation time.
 * With {@code --kind} other than plain it times that kind's step and the plain one in alternating rounds
 * in one process (the machine is shared and noisy), and prints the ratio of their median step times.
 */
final class BenchCommand {
    private final PrintStream out;

    BenchCommand(PrintStream out) { this.out = out; }

    int run(Options o) throws UsageException, DatasetException {
        if (!o.positional().isEmpty()) throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
        int steps = o.integer("steps", 400, 1, 1_000_000);
        int warmup = o.integer("warmup", 60, 0, 1_000_000);
        ModelKind kind = kind(o.string("kind", "plain"));
        TrainingConfig plain = TrainingConfig.defaults().withThreads(o.integer("threads", 0, 0, 256));
        TrainingConfig config = plain.with(Settings.KIND, kind);
        var data = Cli.loadData(o);
        Bench.Result r = Bench.run(data, config, steps, warmup);
        if (kind != ModelKind.PLAIN) {
            int rounds = 5;
            double[] ratio = new double[rounds], own = new double[rounds], base = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                base[i] = Bench.run(data, plain, steps, warmup).samplesPerSecond();
                own[i] = Bench.run(data, config, steps, warmup).samplesPerSecond();
                ratio[i] = base[i] / own[i];
            }
            java.util.Arrays.sort(ratio);
            java.util.Arrays.sort(own);
            java.util.Arrays.sort(base);
            out.printf(Locale.ROOT, "kind %s (%s): %d alternating rounds of %d steps, samples/s %s median %.0f against plain's median %.0f%n",
                    kind, config.kindLabel().replaceAll(", $", ""), rounds, steps, spread(own), own[rounds / 2], base[rounds / 2]);
            out.printf(Locale.ROOT, "step cost of %s / plain: median %.2fx (rounds %.2f-%.2f)%n", kind, ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
        }
        out.printf(Locale.ROOT, "model %s, %s%s + %s, %s, batch %d, %d threads, kernel %s%n", config.layerString(),
                config.kindLabel(), config.output(), config.loss(), config.optimizer(), r.batch(), r.threads(), r.kernel());
        out.printf(Locale.ROOT, "steps %d, epoch of 60,000 images: %.2f s%n", r.steps(), 60_000 / r.samplesPerSecond());
        out.printf(Locale.ROOT, "evaluation of %d test images: %.3f s%n", r.evalImages(), r.evalSeconds());
        out.printf(Locale.ROOT, "allocated per step on the calling thread: %.0f bytes%n", r.bytesPerStep());
        out.printf(Locale.ROOT, "samples/s: %.0f%n", r.samplesPerSecond());
        return 0;
    }

    private static ModelKind kind(String text) throws UsageException {
        try {
            return Settings.KIND.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--kind: " + e.getMessage());
        }
    }

    private static String spread(double[] sorted) {
        return String.format(Locale.ROOT, "%.0f-%.0f", sorted[0], sorted[sorted.length - 1]);
    }
}
