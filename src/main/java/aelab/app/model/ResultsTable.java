package aelab.app.model;

import aelab.engine.EpochMetrics;
import aelab.engine.RunOutcome;
import aelab.engine.Setting;
import aelab.engine.Settings;

import java.util.ArrayList;
import java.util.List;

/**
 * The results table: one row per run since the last reset, solo or side by side, kept after the run
 * ends and after old runs leave the charts. Rows are rebuilt from the runs on demand (plain values,
 * so a view can tell whether anything changed with equals).
 */
public final class ResultsTable {
    /**
     * One run's figures after its latest epoch: test BCE and MSE on [0,1], BCE above the floor (test BCE
     * minus the test images' floor), the mean Σ of the outputs; null before the first epoch ends.
     */
    public record Row(int id, int colour, String settings, List<String> differing, Double testBce, Double testMse,
                      Double aboveFloor, Double outputSum, int epochs, int totalEpochs, double seconds, String status,
                      String kindFigures) {
        public Row {
            differing = List.copyOf(differing);
        }

        public String epochText() { return epochs + " of " + totalEpochs; }
    }

    /**
     * Settings the "settings" column names in every row ("vae 1, sigmoid + bce, [0,1]": the kind with its
     * parameter too), and the epochs its own column counts.
     */
    private static final List<Setting<?>> ALWAYS_SHOWN = List.of(Settings.OUTPUT, Settings.LOSS, Settings.SCALE,
            Settings.EPOCHS, Settings.KIND, Settings.NOISE, Settings.L1, Settings.BETA);

    /** Whether some row has figures of its kind (a VAE's KL and ELBO, …): they then get a column. */
    public boolean anyKindFigures() {
        return runs.stream().anyMatch(r -> r.lastEpoch() != null && !r.lastEpoch().kind().isEmpty());
    }

    private final List<Run> runs = new ArrayList<>();

    public void add(Run run) {
        if (!runs.contains(run)) runs.add(run);
    }

    /** Removes every row; the runs they were of, to put back with {@link #restore}. */
    public List<Run> clear() {
        List<Run> gone = List.copyOf(runs);
        runs.clear();
        return gone;
    }

    /** Puts rows back (Undo), every row in the order of its run's number. */
    public void restore(List<Run> rows) {
        for (Run r : rows) add(r);
        runs.sort(java.util.Comparator.comparingInt(Run::id));
    }

    /**
     * Every other setting whose value is not the same in all the rows, in the order of {@link Settings#ALL}:
     * one column each, so runs that differ only in, say, learning rate do not look the same.
     */
    public List<Setting<?>> differing() {
        List<Setting<?>> list = new ArrayList<>();
        for (Setting<?> s : Settings.ALL) {
            if (ALWAYS_SHOWN.contains(s) || runs.isEmpty()) continue;
            String first = s.text(runs.get(0).config());
            if (runs.stream().anyMatch(r -> !s.text(r.config()).equals(first))) list.add(s);
        }
        return list;
    }
    /** The runs with a row, in the order of their numbers. */
    public List<Run> runs() { return List.copyOf(runs); }

    public List<Row> rows() {
        List<Setting<?>> differing = differing();
        List<Row> rows = new ArrayList<>(runs.size());
        for (Run r : runs) rows.add(rowOf(r, differing));
        return rows;
    }

    static Row rowOf(Run run, List<Setting<?>> differing) {
        EpochMetrics m = run.lastEpoch();
        Double bce = m == null ? null : m.testBce(), mse = m == null ? null : m.testMse();
        Double above = m == null || run.info() == null ? null : m.testBce() - run.info().bceFloor();
        List<String> values = differing.stream().map(s -> cell(s, run)).toList();
        return new Row(run.id(), run.colour(), run.config().label(), values, bce, mse, above,
                m == null ? null : m.outputSum(), m == null ? 0 : m.epoch(), run.config().epochs(), run.seconds(), status(run),
                m == null ? "" : RunStatus.kindFigures(m).replaceFirst("^ · ", ""));
    }

    /** "0.01", "500", "all images" (a 0 that means something else says what). */
    private static String cell(Setting<?> s, Run run) {
        String text = s.text(run.config());
        return text.equals("0") && s.zeroMeans() != null ? s.zeroMeans() : text;
    }

    private static String status(Run run) {
        if (!run.isFinished()) return run.info() == null ? "starting" : "training";
        RunOutcome.Status s = run.outcome().status();
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }
}
