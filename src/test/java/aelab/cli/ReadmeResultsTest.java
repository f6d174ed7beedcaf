package aelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's table of results is what {@code train} prints today. Each row is one real run, kept as the
 * metrics CSV it wrote ({@code docs/results/NAME.csv}, made by
 * {@code java -jar target/autoencoder-lab.jar train OPTIONS --metrics docs/results/NAME.csv} on a 2-core
 * machine, so with 2 threads);
 * the table is rendered from those files and must equal the README's (a failure prints the table to
 * paste). Training all four again (20 epochs of MNIST, a minute or two) is too slow for every build, so
 * one epoch of the answer is trained here and must give the first row of its CSV: when the engine
 * changes what a run gives, this fails until the runs are made again.
 */
class ReadmeResultsTest {
    /** A row: what the run is, the options that make it, its CSV's name; bold marks the answer. */
    record Row(String what, String options, String csv, boolean bold) { }

    static final List<Row> ROWS = List.of(
            new Row("the question: softmax + BCE, raw 0–255", "--output softmax --scale raw", "the-question", false),
            new Row("softmax + BCE on [0,1]", "--output softmax", "softmax-unit", false),
            new Row("the answer: sigmoid + BCE on [0,1]", "", "the-answer", true),
            new Row("sigmoid + MSE on [0,1]", "--loss mse", "mse", false));
    private static final Path RESULTS = Path.of("docs/results");

    /** The last epoch's figures of a metrics CSV: test BCE, test MSE, Σ of the outputs, as train prints them. */
    static String[] lastEpoch(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,train_loss,test_loss,test_bce,test_mse,output_sum,seconds", lines.get(0), csv.toString());
        String[] f = lines.get(lines.size() - 1).split(",");
        return new String[] {f[0], five(f[3]), five(f[4]), String.format(Locale.ROOT, "%.2f", Double.parseDouble(f[5]))};
    }

    private static String five(String v) { return String.format(Locale.ROOT, "%.5f", Double.parseDouble(v)); }

    static String table() throws IOException {
        StringBuilder t = new StringBuilder("| run | options | epochs | test BCE | test MSE | Σ of the 784 outputs |\n"
                + "|---|---|---|---|---|---|\n");
        for (Row r : ROWS) {
            String[] last = lastEpoch(RESULTS.resolve(r.csv() + ".csv"));
            String b = r.bold() ? "**" : "";
            t.append("| ").append(b).append(r.what()).append(b).append(" | ")
                    .append(r.options().isEmpty() ? "(defaults)" : "`" + r.options() + "`").append(" | ").append(last[0])
                    .append(" | ").append(b).append(last[1]).append(b).append(" | ").append(b).append(last[2]).append(b)
                    .append(" | ").append(last[3]).append(" |\n");
        }
        return t.toString();
    }

    @Test
    void theReadmesTableIsRenderedFromTheRecordedRuns() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String marker = "<!-- results: rendered from docs/results/*.csv; ReadmeResultsTest checks it -->\n";
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "README.md lacks the marker " + marker);
        int start = at + marker.length(), end = readme.indexOf("\n\n", start);
        String expected = table();
        assertEquals(expected, readme.substring(start, end + 1), "paste this table into README.md:\n" + expected);
    }

    @Test
    void oneEpochOfTheAnswerGivesTheFirstRowOfItsRecordedRun(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("answer.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"train", "--epochs", "1", "--threads", "2", "--metrics", csv.toString()});
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        double[] now = numbers(Files.readAllLines(csv).get(1)), recorded = numbers(
                Files.readAllLines(RESULTS.resolve("the-answer.csv")).get(1));
        List<String> off = new ArrayList<>();
        String[] names = {"epoch", "train_loss", "test_loss", "test_bce", "test_mse", "output_sum"};
        // The same run on another machine may sum in another order (kernel, threads): 0.1 % apart at most.
        for (int i = 0; i < names.length; i++)
            if (Math.abs(now[i] - recorded[i]) > 1e-3 * Math.abs(recorded[i])) off.add(names[i] + " " + now[i] + " vs " + recorded[i]);
        assertTrue(off.isEmpty(), "train gives other figures than docs/results/the-answer.csv: make the runs again "
                + "(see this test's Javadoc) and paste the table: " + off);
    }

    private static double[] numbers(String line) {
        String[] f = line.split(",");
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) v[i] = Double.parseDouble(f[i]);
        return v;
    }
}
