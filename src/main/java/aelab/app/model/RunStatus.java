package aelab.app.model;

import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.Scale;

import java.util.List;
import java.util.Locale;

/**
 * The status panel's lines for one run, as plain text, or one compact line per run for runs side by
 * side. Every figure says its scale: the trained loss is on the run's own scale (raw 0–255 gives an MSE
 * in the thousands), BCE and MSE are always measured on [0,1].
 */
public record RunStatus(double progress, String position, String pace, String batchLosses, String testLosses,
                        String ending) {

    public static final RunStatus NONE = new RunStatus(0, "No run on the charts: press Start (" + Shortcut.START.keys() + ").",
            "", "", "", "");

    public static RunStatus of(Run run) {
        if (run == null) return NONE;
        RunInfo info = run.info();
        BatchPoint b = run.lastBatch();
        int epochs = run.config().epochs();
        String position;
        if (run.isFinished()) position = "";   // the ending says where it stopped
        else if (info == null) position = "Starting: building the model…";
        else if (b == null) position = "Epoch 1 of " + epochs + " · first batch under way";
        else position = "Epoch " + b.epoch() + " of " + epochs + " · batch " + Format.count(b.batch()) + " of "
                + Format.count(info.batchesPerEpoch());
        String both = "BCE " + (b == null ? "" : Format.loss(b.bce()) + " · MSE " + Format.loss(b.mse()));
        boolean vae = run.config().kind() == aelab.engine.ModelKind.VAE;
        String batch = b == null ? ""
                : vae ? "Batch: loss " + Format.loss(b.loss()) + " nats/image · on [0,1]: " + both
                : run.config().scale() == Scale.UNIT ? "Batch, on [0,1]: " + run.config().loss() + " loss " + Format.loss(b.loss())
                        + " · " + both
                : "Batch: " + trained(run, b.loss()) + " · on [0,1]: " + both;
        EpochMetrics m = run.lastEpoch();
        String test = m == null ? "" : "Test after epoch " + m.epoch() + ", on [0,1]: BCE " + Format.loss(m.testBce())
                + " · MSE " + Format.loss(m.testMse()) + " · Σ outputs " + String.format(Locale.ROOT, "%.1f", m.outputSum())
                + kindFigures(m);
        String ending = run.isFinished() ? "Run #" + run.id() + " " + run.outcome().message() + "." : "";
        String pace = run.isFinished() ? "" : run.isPaused() ? "Paused — press Resume to go on" : run.pace().describe();
        return new RunStatus(run.progress(), position, pace, batch, test, ending);
    }

    /**
     * The figures of the run's kind, as a continuation of the test line: a VAE's KL and ELBO (nats per
     * image), a denoising run's on noisy inputs, a sparse run's code activity; "" for a plain run.
     */
    static String kindFigures(EpochMetrics m) {
        aelab.engine.KindFigures k = m.kind();
        java.util.Locale r = java.util.Locale.ROOT;
        if (!Double.isNaN(k.testKl()))
            return String.format(r, " · KL %.2f · ELBO %.1f nats/image", k.testKl(), -(k.testRecon() + k.testKl()));
        if (!Double.isNaN(k.noisyTestBce()))
            return " · noisy inputs: BCE " + Format.loss(k.noisyTestBce()) + " · MSE " + Format.loss(k.noisyTestMse());
        if (!Double.isNaN(k.codeL1()))
            return String.format(r, " · code Σ|c| %.2f · %.0f %% of code values ≈ 0", k.codeL1(), 100 * k.codeZeroFraction());
        return "";
    }

    /** "bce loss 0.2500 on [0,1]", "mse loss 1162 on raw 0–255": the trained loss, on the run's scale. */
    private static String trained(Run run, double loss) {
        return run.config().loss() + " loss " + Format.loss(loss) + " on " + scaleName(run.config().scale());
    }

    static String scaleName(Scale s) { return s == Scale.UNIT ? "[0,1]" : "raw 0–255"; }

    /**
     * One run side by side with others, in one line: "#3 · epoch 2 of 5, batch 40 of 100 · test BCE 0.2408,
     * MSE 0.0594 on [0,1]"; once it ended, how, in place of where it is. Its settings are in its legend and
     * its row names; this says where it stands.
     */
    public static String line(Run run) {
        StringBuilder s = new StringBuilder("#" + run.id());
        RunInfo info = run.info();
        BatchPoint b = run.lastBatch();
        if (run.isFinished()) s.append(" · ").append(run.outcome().message());
        else if (info == null) s.append(" · starting");
        else if (b == null) s.append(" · epoch 1 of ").append(run.config().epochs()).append(", first batch");
        else s.append(" · epoch ").append(b.epoch()).append(" of ").append(run.config().epochs()).append(", batch ")
                .append(Format.count(b.batch())).append(" of ").append(Format.count(info.batchesPerEpoch()));
        if (run.isPaused() && !run.isFinished()) s.append(" (paused)");
        EpochMetrics m = run.lastEpoch();
        if (m != null) s.append(" · test BCE ").append(Format.loss(m.testBce())).append(", MSE ")
                .append(Format.loss(m.testMse())).append(" on [0,1]").append(kindFigures(m));
        else if (b != null) s.append(" · batch ").append(trained(run, b.loss()));
        return s.toString();
    }

    /** How far runs side by side are: they step together, so their mean (a run that ended early counts as done). */
    public static double progress(List<Run> runs) {
        if (runs.isEmpty()) return 0;
        double sum = 0;
        for (Run r : runs) sum += r.isFinished() ? 1 : r.progress();
        return sum / runs.size();
    }
}
