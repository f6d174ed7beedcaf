package aelab.io;

import aelab.data.Dataset;
import aelab.engine.BatchPoint;
import aelab.engine.Checkpoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;
import aelab.engine.TrainingListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the tests of the exported scripts share: app runs to compare with, and readers of what the scripts print and write. */
final class ScriptRuns {
    static final Path MNIST = Path.of("assets/mnist").toAbsolutePath();

    private ScriptRuns() { }

    /** A run the app trained: what a saved file holds, and every batch and epoch it reported. */
    record Trained(SavedRun saved, List<BatchPoint> batches, List<EpochMetrics> epochs) {
        EpochMetrics last() { return epochs.get(epochs.size() - 1); }
    }

    /** Trains c in the engine, from fresh weights (from = null) or on from a checkpoint. */
    static Trained train(TrainingConfig c, Dataset data, String label, Checkpoint from, Trained before) {
        List<BatchPoint> batches = new ArrayList<>(before == null ? List.of() : before.batches());
        List<EpochMetrics> epochs = new ArrayList<>(before == null ? List.of() : before.epochs());
        double[] floor = {0};
        Trainer t = new Trainer(c, data, new TrainingListener() {
            @Override public void started(RunInfo info) { floor[0] = info.bceFloor(); }
            @Override public void batch(BatchPoint p) { batches.add(p); }
            @Override public void epoch(EpochMetrics m) { epochs.add(m); }
        }, from);
        t.run();
        return new Trained(new SavedRun(c, t.checkpoint(), floor[0], batches, epochs, label), batches, epochs);
    }

    /** Whether a and b agree to 4 significant digits: |a − b| at most half a unit of a's 4th digit. */
    static boolean sameTo4Digits(double a, double b) {
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(a))) - 3);
        return Math.abs(a - b) <= 0.5 * unit;
    }

    /** The figures of every "start (...)" line the script printed: {test_loss, test_bce, test_mse} each. */
    static List<double[]> starts(String output) {
        Matcher m = Pattern.compile("start \\([^)]*\\)  test_loss (\\S+)  test_bce (\\S+)  test_mse (\\S+)").matcher(output);
        List<double[]> all = new ArrayList<>();
        while (m.find())
            all.add(new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        return all;
    }

    /** The rows of a CSV file (RFC 4180: quoted fields may hold commas and doubled quotes). */
    static List<List<String>> csv(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " was not written");
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') field.append(line.charAt(++i));
                else if (ch == '"') quoted = !quoted;
                else if (ch == ',' && !quoted) {
                    row.add(field.toString());
                    field.setLength(0);
                } else field.append(ch);
            }
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** The rows of one kind ("batch" or "epoch") of a metrics CSV. */
    static List<List<String>> rows(List<List<String>> csv, String kind) {
        return csv.stream().skip(1).filter(r -> r.get(2).equals(kind)).toList();
    }
}
