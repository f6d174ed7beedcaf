package aelab.app.model;

import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;

/** The status panel's lines for one run, as plain text. */
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
        if (info == null) position = "Starting: building the model…";
        else if (b == null) position = "Epoch 1 of " + epochs + " · first batch under way";
        else position = "Epoch " + b.epoch() + " of " + epochs + " · batch " + Format.count(b.batch()) + " of "
                + Format.count(info.batchesPerEpoch());
        String batch = b == null ? "" : "Batch: " + run.config().loss() + " loss " + Format.loss(b.loss())
                + " · BCE " + Format.loss(b.bce()) + " · MSE " + Format.loss(b.mse());
        EpochMetrics m = run.lastEpoch();
        String test = m == null ? "" : "Test after epoch " + m.epoch() + ": BCE " + Format.loss(m.testBce())
                + " · MSE " + Format.loss(m.testMse()) + " · Σ outputs " + String.format(java.util.Locale.ROOT, "%.1f", m.outputSum());
        String ending = run.isFinished() ? "Run #" + run.id() + " " + run.outcome().message() + "." : "";
        String pace = run.isFinished() ? "" : run.isPaused() ? "Paused — press Resume to go on" : run.pace().describe();
        return new RunStatus(run.progress(), position, pace, batch, test, ending);
    }
}
