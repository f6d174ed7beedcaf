package aelab.app.model;

import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;

/** The status panel's lines for one run, as plain text. */
public record RunStatus(double progress, String position, String pace, String batchLosses, String testLosses,
                        String ending) {

    public static final RunStatus NONE = new RunStatus(0, "No run yet: press Start.", "", "", "", "");

    public static RunStatus of(Run run) {
        if (run == null) return NONE;
        RunInfo info = run.info();
        BatchPoint b = run.lastBatch();
        int epochs = run.config().epochs();
        String position;
        if (info == null) position = "Starting: building the model…";
        else if (b == null) position = "Epoch 1 of " + epochs + " · first batch under way";
        else position = "Epoch " + b.epoch() + " of " + epochs + " · batch " + Format.count(b.batch()) + " of "
                + Format.count(info.batchesPerEpoch());
        boolean vae = run.config().kind() == aelab.engine.ModelKind.VAE;
        String batch = b == null ? "" : "Batch: " + (vae ? "loss " + Format.loss(b.loss()) + " nats/image"
                : run.config().loss() + " loss " + Format.loss(b.loss())) + " · BCE " + Format.loss(b.bce()) + " · MSE " + Format.loss(b.mse());
        EpochMetrics m = run.lastEpoch();
        String test = m == null ? "" : "Test after epoch " + m.epoch() + ": BCE " + Format.loss(m.testBce())
                + " · MSE " + Format.loss(m.testMse()) + " · Σ outputs " + String.format(java.util.Locale.ROOT, "%.1f", m.outputSum())
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
}
