package aelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The kinds of autoencoder on the command line: options, printed figures, CSV columns, compare, eval, refusals. */
class KindsCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    static final String[] SMALL = {"--train-limit", "400", "--test-limit", "100", "--batch", "50", "--epochs", "1"};

    String[] small(String... args) {
        String[] a = new String[args.length + SMALL.length];
        System.arraycopy(args, 0, a, 0, args.length);
        System.arraycopy(SMALL, 0, a, args.length, SMALL.length);
        return a;
    }

    @Test
    void trainPrintsEachKindsFiguresTheBaselineAndFillsOnlyItsCsvColumns(@TempDir Path dir) throws Exception {
        String[][] kinds = {{"--kind", "denoising", "--noise", "masking:0.3"}, {"--kind", "sparse", "--l1", "0.001"},
                {"--kind", "vae", "--beta", "0.5"}};
        String[] printed = {"noisy_test_bce", "code_l1", "test_kl"};
        int[][] filled = {{7, 8}, {9, 10}, {11, 12}};
        for (int k = 0; k < kinds.length; k++) {
            out.reset();
            Path csv = dir.resolve("m" + k + ".csv");
            String[] args = new String[kinds[k].length + 3];
            args[0] = "train";
            System.arraycopy(kinds[k], 0, args, 1, kinds[k].length);
            args[args.length - 2] = "--metrics";
            args[args.length - 1] = csv.toString();
            assertEquals(0, run(small(args)), err());
            assertTrue(out().contains(printed[k]), out());
            assertTrue(out().matches("(?s).*PCA-28 baseline: test BCE 0\\.\\d+, MSE 0\\.\\d+.*"), out());
            assertTrue(out().contains(kinds[k][1] + " " + kinds[k][3] + ", sigmoid + bce"), out());
            String[] cells = Files.readAllLines(csv).get(1).split(",", -1);
            assertEquals(13, cells.length);
            for (int c = 7; c < 13; c++) {
                boolean mine = c == filled[k][0] || c == filled[k][1];
                assertEquals(mine, !cells[c].isEmpty(), "column " + c + " of " + kinds[k][1] + ": " + String.join(",", cells));
            }
        }
    }

    @Test
    void compareMixesKindsWithTheirParametersAndSavesThemForEval(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kinds.aelab");
        assertEquals(0, run(small("compare", "--runs", "plain,vae,denoising:gaussian:0.5,sparse:0.001", "--save", file.toString())), err());
        for (String label : List.of("sigmoid + bce", "vae 1, sigmoid", "denoising gaussian:0.5, sigmoid", "sparse 0.001, sigmoid"))
            assertTrue(out().contains(label), label + " in\n" + out());
        out.reset();
        assertEquals(0, run("eval", file.toString()), err());
        assertTrue(out().contains("vae 1:  test_recon") && out().contains("test_kl"), out());
        assertTrue(out().contains("denoising gaussian:0.5:  noisy_test_bce"), out());
        assertTrue(out().contains("sparse 0.001:  code_l1"), out());
    }

    @Test
    void hurriedKindOptionsGetOneLineSayingWhatToWrite() {
        String[][] bad = {
                {"train", "--kind", "variational"}, {"train", "--noise", "gaussian"}, {"train", "--noise", "salt:0.2"},
                {"train", "--noise", "masking:1.5"}, {"train", "--l1", "-1"}, {"train", "--beta", "lots"},
                {"compare", "--runs", "plain,vae:x"}, {"compare", "--runs", "plain:1,vae"}, {"compare", "--runs", "denoising:pepper:1,vae"},
                {"train", "--kind", "vae", "--output", "softmax"}, {"train", "--kind", "sparse", "--layers", "784,784"},
                {"bench", "--kind", "gan"}};
        for (String[] args : bad) {
            out.reset();
            err.reset();
            assertEquals(2, run(args), String.join(" ", args) + ": " + err() + out());
            String e = err().strip();
            assertFalse(e.isEmpty() || e.contains("Exception") || e.contains("\tat "), String.join(" ", args) + ": " + e);
            assertEquals(1, e.lines().filter(l -> l.startsWith("error")).count(), String.join(" ", args) + ": " + e);
        }
    }
}
