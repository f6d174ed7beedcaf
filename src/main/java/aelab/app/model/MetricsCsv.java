package aelab.app.model;

import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;

import java.util.List;

/**
 * The metric history of the runs on the charts as CSV, for a spreadsheet or a plotting script: one row
 * per mini-batch and one per epoch, each epoch's row right after its last batch. Values are as the
 * trainer sent them, not smoothed or thinned like the chart curves. Columns a kind of row does not
 * have are empty.
 */
public final class MetricsCsv {
    public static final String HEADER = "run,label,kind,epoch,batch,step,train_loss,train_bce,train_mse,"
            + "test_loss,test_bce,test_mse,output_sum,seconds";

    private MetricsCsv() { }

    /**
     * Batch rows: train_* are the batch's trained loss and its BCE and MSE on the [0,1] scale; seconds
     * since the run (or its continuation) started. Epoch rows: train_loss is the epoch's mean batch
     * loss, test_* the test set after the epoch, seconds the epoch's wall time.
     */
    public static String of(RunHistory history) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (Run run : history.runs()) {
            String who = run.id() + "," + quote(history.legendLabel(run)) + ",";
            List<EpochMetrics> epochs = run.record().epochs();
            int e = 0;
            for (BatchPoint p : run.record().batches()) {
                while (e < epochs.size() && epochs.get(e).epoch() < p.epoch()) epochRow(s, who, epochs.get(e++));
                s.append(who).append("batch,").append(p.epoch()).append(',').append(p.batch()).append(',')
                        .append(p.step()).append(',').append(p.loss()).append(',').append(p.bce()).append(',')
                        .append(p.mse()).append(",,,,,").append(p.nanos() / 1e9).append('\n');
            }
            while (e < epochs.size()) epochRow(s, who, epochs.get(e++));
        }
        return s.toString();
    }

    private static void epochRow(StringBuilder s, String who, EpochMetrics m) {
        s.append(who).append("epoch,").append(m.epoch()).append(",,,").append(m.trainLoss()).append(",,,")
                .append(m.testLoss()).append(',').append(m.testBce()).append(',').append(m.testMse()).append(',')
                .append(m.outputSum()).append(',').append(m.seconds()).append('\n');
    }

    /** RFC 4180: a field with a comma, quote or line break goes in quotes, its quotes doubled. */
    static String quote(String field) {
        if (field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
