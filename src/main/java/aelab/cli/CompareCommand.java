package aelab.cli;

import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.engine.Activation;
import aelab.engine.ModelKind;
import aelab.engine.Noise;
import aelab.engine.EpochMetrics;
import aelab.engine.Loss;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.Scale;
import aelab.engine.Settings;
import aelab.engine.SideBySide;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;
import aelab.io.AtomicFiles;
import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.SavedRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code compare --runs softmax:bce,sigmoid:bce,sigmoid:mse}: trains 2–4 variants of one experiment
 * side by side (same seed, same initial weights, same batches) and prints a results table.
 */
final class CompareCommand {
    private final PrintStream out;

    CompareCommand(PrintStream out) { this.out = out; }

    /** What one run of the comparison collected. */
    private static final class Result extends RunRecorder {
        final TrainingConfig config;
        final StringBuilder csv = new StringBuilder(EpochMetrics.CSV_HEADER).append('\n');
        EpochMetrics last;
        double floor, seconds;
        RunOutcome outcome;

        Result(TrainingConfig config, aelab.data.ImageSet test) {
            super(test);
            this.config = config;
        }

        @Override public void started(RunInfo info) {
            super.started(info);
            floor = info.bceFloor();
        }

        @Override public void epoch(EpochMetrics m) {
            super.epoch(m);
            last = m;
            seconds += m.seconds();
            csv.append(m.csv()).append('\n');
        }

        @Override public void finished(RunOutcome o) { outcome = o; }
    }

    int run(Options o) throws UsageException, DatasetException, Cli.CommandFailed {
        if (!o.positional().isEmpty()) throw new UsageException("unexpected argument '" + o.positional().get(0) + "'");
        if (!o.has("runs")) throw new UsageException("--runs is required, e.g. --runs softmax:bce,sigmoid:bce,sigmoid:mse");
        TrainingConfig base = ConfigOptions.parse(o);
        List<TrainingConfig> configs = parseRuns(o.string("runs", ""), base);
        Path save = o.target("save");
        Path metricsDir = o.folder("metrics-dir");
        Dataset data = Cli.loadData(o);
        for (TrainingConfig c : configs) {
            List<aelab.engine.Setting.Problem> problems = c.problems(data.train().imageSize());
            if (!problems.isEmpty()) throw new UsageException(aelab.engine.Setting.Problem.join(problems));
            java.util.Optional<String> memory = aelab.engine.MemoryNeed.check(c);
            if (memory.isPresent()) throw new UsageException(memory.get());
        }
        List<Result> results = new ArrayList<>();
        List<Trainer> trainers = new ArrayList<>();
        for (TrainingConfig c : configs) {
            Result r = new Result(c, data.test());
            results.add(r);
            Trainer t = new Trainer(c, data, r);
            if (o.has("save")) r.follow(t);
            trainers.add(t);
        }
        out.printf(Locale.ROOT, "%s: training %d runs side by side, %d epochs each, seed %d%n", data.name(),
                configs.size(), base.epochs(), base.seed());
        int trainCount = base.trainCount(data.train().count());
        // The runs differ only in output, loss and scale, so they share one batch; said only when it was cut.
        if (base.batchFor(trainCount) != base.batchSize()) out.println(base.batchNote(trainCount));
        long t0 = System.nanoTime();
        SideBySide sideBySide = new SideBySide(trainers);
        StopOnShutdown hook = o.has("save") ? new StopOnShutdown(sideBySide::stop) : null;
        try {
            sideBySide.run();
            double wall = (System.nanoTime() - t0) / 1e9;
            printTable(results);
            printOutcomes(results);
            out.printf(Locale.ROOT, "wall time %.1f s%n", wall);
            if (save != null) save(save, data, trainers, results);
        } finally {
            if (hook != null) hook.close();
        }
        if (metricsDir != null) writeCsvs(metricsDir, results);
        return results.stream().allMatch(r -> r.outcome.status() == RunOutcome.Status.FINISHED) ? 0 : 1;
    }

    /**
     * "softmax:bce,sigmoid:mse:raw" → one config per item, output:loss[:scale] over the base settings;
     * or a kind of autoencoder with its parameter: plain, denoising[:gaussian:σ|:masking:q],
     * sparse[:λ], vae[:β] (a VAE is sigmoid + BCE on [0,1] by definition).
     */
    static List<TrainingConfig> parseRuns(String spec, TrainingConfig base) throws UsageException {
        List<TrainingConfig> list = new ArrayList<>();
        for (String item : spec.split(",")) {
            String[] p = item.trim().split(":");
            ModelKind kind = kindNamed(p[0]);
            if (kind != null) {
                list.add(kindRun(item.trim(), kind, p, base));
                continue;
            }
            if (p.length < 2 || p.length > 3)
                throw new UsageException("--runs: '" + item + "' should be output:loss[:scale] (e.g. sigmoid:bce) or a kind"
                        + " (plain, denoising:gaussian:0.5, sparse:0.0001, vae:1)");
            try {
                Activation out = Activation.parse(p[0]);
                if (!out.allowedOutput()) throw new IllegalArgumentException("output must be softmax, sigmoid or linear, not " + out);
                TrainingConfig c = base.with(Settings.OUTPUT, out).with(Settings.LOSS, Loss.parse(p[1]));
                list.add(p.length == 3 ? c.with(Settings.SCALE, Scale.parse(p[2])) : c);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--runs: " + e.getMessage());
            }
        }
        if (list.size() < 2 || list.size() > 4) throw new UsageException("--runs takes 2 to 4 runs, not " + list.size());
        return list;
    }

    private static ModelKind kindNamed(String word) {
        for (ModelKind k : ModelKind.values()) if (k.toString().equalsIgnoreCase(word.trim())) return k;
        return null;
    }

    /** "denoising:masking:0.3" → the base settings as that kind, its parameter from the item or the options. */
    private static TrainingConfig kindRun(String item, ModelKind kind, String[] p, TrainingConfig base) throws UsageException {
        TrainingConfig c = base.asKind(kind);
        String param = p.length > 1 ? item.substring(item.indexOf(':') + 1) : null;
        try {
            switch (kind) {
                case PLAIN -> {
                    if (param != null) throw new IllegalArgumentException("plain takes no parameter, e.g. plain");
                }
                case DENOISING -> { if (param != null) c = c.with(Settings.NOISE, Noise.parse(param)); }
                case SPARSE -> { if (param != null) c = c.with(Settings.L1, checked(Settings.L1, param)); }
                case VAE -> { if (param != null) c = c.with(Settings.BETA, checked(Settings.BETA, param)); }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--runs: '" + item + "': " + e.getMessage());
        }
        return c;
    }

    private static double checked(aelab.engine.Setting<Double> s, String text) {
        double v = s.parse(text);
        s.check(v).ifPresent(problem -> { throw new IllegalArgumentException(s.name() + " " + problem); });
        return v;
    }

    private void printTable(List<Result> results) {
        int width = 28;
        for (Result r : results) width = Math.max(width, r.config.label().length());
        String row = "%-3s %-" + width + "s %9s %9s %11s %6s %8s  %s%n";
        out.printf(Locale.ROOT, row, "#", "run", "test_bce", "test_mse",
                "above_floor", "epochs", "seconds", "outcome");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            EpochMetrics m = r.last;
            out.printf(Locale.ROOT, "%-3d %-" + width + "s %9s %9s %11s %6d %8.1f  %s%n", i + 1, r.config.label(),
                    m == null ? "-" : String.format(Locale.ROOT, "%.5f", m.testBce()),
                    m == null ? "-" : String.format(Locale.ROOT, "%.5f", m.testMse()),
                    m == null ? "-" : String.format(Locale.ROOT, "%.5f", m.testBce() - r.floor),
                    m == null ? 0 : m.epoch(), r.seconds, r.outcome.status().name().toLowerCase(Locale.ROOT));
        }
    }

    /** A line for each run that did not finish, saying why: the table's one-word outcome does not. */
    private void printOutcomes(List<Result> results) {
        for (int i = 0; i < results.size(); i++) {
            RunOutcome o = results.get(i).outcome;
            if (o.status() != RunOutcome.Status.FINISHED)
                out.println("run " + (i + 1) + " (" + results.get(i).config.label() + "): " + o.message());
        }
    }

    /** One experiment file holding every run that did not fail, in the order of --runs. */
    private void save(Path file, Dataset data, List<Trainer> trainers, List<Result> results) throws Cli.CommandFailed {
        List<SavedRun> runs = new ArrayList<>();
        for (int i = 0; i < trainers.size(); i++)
            if (results.get(i).outcome.status() != RunOutcome.Status.FAILED) runs.add(results.get(i).saved(trainers.get(i)));
        if (runs.isEmpty()) {
            out.println("every run failed, so nothing was saved to " + file);
            return;
        }
        try {
            ExperimentFile.write(file, new Experiment(data.name(), runs));
        } catch (IOException e) {
            throw new Cli.CommandFailed("could not save " + file + ": " + Commands.reason(e));
        }
        out.println("saved " + runs.size() + " runs to " + file);
    }

    private void writeCsvs(Path dir, List<Result> results) throws Cli.CommandFailed {
        for (int i = 0; i < results.size(); i++) {
            TrainingConfig c = results.get(i).config;
            Path f = dir.resolve(String.format(Locale.ROOT, "run%d-%s%s-%s-%s.csv", i + 1,
                    c.kind() == ModelKind.PLAIN ? "" : c.kind() + "-", c.output(), c.loss(), c.scale()));
            try {
                AtomicFiles.writeString(f, results.get(i).csv.toString());
            } catch (IOException e) {
                throw new Cli.CommandFailed("could not write " + f + ": " + Commands.reason(e));
            }
            out.println("wrote " + f);
        }
    }
}
