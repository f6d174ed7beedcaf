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

class CliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    @Test
    void aSaveTargetThatCannotBeWrittenFailsBeforeTrainingWithTheReason(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertEquals(2, run("train", "--epochs", "50", "--save", dir.toString()));
        assertTrue(err().contains("is a folder, not a file") && out().isEmpty(), err() + out());
        assertEquals(2, run("train", "--epochs", "50", "--save", file.resolve("run.aelab").toString()));
        assertTrue(err().contains("not a folder: " + file + " is a file"), err());
        assertEquals(2, run("train", "--epochs", "50", "--save", ""));
        assertTrue(err().contains("no file name given"), err());
        assertEquals(2, run("compare", "--runs", "sigmoid:bce,sigmoid:mse", "--metrics-dir", file.toString()));
        assertTrue(err().contains(file + " is a file, not a folder"), err());
        assertFalse(err().contains(".tmp"), "no temporary file named: " + err());
    }

    @Test
    void aBatchLargerThanTheTrainingSetIsPrintedAsUsed() {
        assertEquals(0, run("train", "--train-limit", "300", "--test-limit", "50", "--batch", "60000", "--epochs", "1"));
        assertTrue(out().contains("batch 300 (asked 60000: only 300 training images)"), out());
        assertFalse(out().contains("batch 60000,"), out());
        out.reset();
        assertEquals(0, run("compare", "--runs", "sigmoid:bce,sigmoid:mse", "--train-limit", "300", "--test-limit", "50",
                "--batch", "60000", "--epochs", "1"));
        assertTrue(out().contains("batch 300 (asked 60000: only 300 training images)"), out());
        out.reset();
        assertEquals(0, run("train", "--train-limit", "300", "--test-limit", "50", "--batch", "60", "--epochs", "1"));
        assertTrue(out().contains(", batch 60, "), out());
    }

    @Test
    void compareSavesEveryRunWhenOneDivergesAndSaysWhichInOneLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mixed.aelab");
        // At lr 10 the raw-pixel linear run overflows at once; the sigmoid one stays finite.
        assertEquals(1, run("compare", "--runs", "linear:mse:raw,sigmoid:bce", "--lr", "10", "--optimizer", "adam",
                "--train-limit", "300", "--test-limit", "50", "--epochs", "3", "--save", f.toString()));
        List<String> diverged = out().lines().filter(l -> l.startsWith("run 1 (linear + mse, raw 0–255): training diverged")).toList();
        assertEquals(1, diverged.size(), out());
        assertFalse(out().contains("run 2 ("), out());
        assertTrue(out().contains("saved 2 runs to " + f), out());
        aelab.io.Experiment e = aelab.io.ExperimentFile.read(f);
        assertEquals(2, e.runs().size());
        aelab.io.SavedRun healthy = e.runs().get(1);
        assertEquals(aelab.engine.Activation.SIGMOID, healthy.config().output());
        assertEquals(3, healthy.checkpoint().epochsDone());
        assertNotNull(healthy.checkpoint().model());
        assertEquals(aelab.engine.Activation.LINEAR, e.runs().get(0).config().output());
        assertNotNull(e.runs().get(0).checkpoint().model(), "the diverged run keeps its last good weights");
    }

    @Test
    void aFolderThatRefusesNewFilesIsFoundBeforeTraining(@TempDir Path dir) {
        // Root passes every permission check, and /proc refuses only the creation itself: a probe file finds both.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
        assertEquals(2, run("train", "--epochs", "1", "--save", "/proc/run.aelab"));
        assertTrue(err().startsWith("error: --save: cannot write there: /proc/run.aelab: the folder /proc does not take new files"), err());
        assertTrue(out().isEmpty(), "nothing trained: " + out());
        err.reset();
        assertEquals(2, run("compare", "--runs", "sigmoid:bce,sigmoid:mse", "--metrics-dir", "/proc/m"));
        assertTrue(err().contains("the folder /proc does not take new files"), err());
        err.reset();
        // export-python writes after only a moment's work, so it is not probed first; its failure still says why, once.
        Path saved = dir.resolve("run.aelab");
        assertEquals(0, run("train", "--epochs", "1", "--train-limit", "100", "--test-limit", "10", "--save", saved.toString()));
        assertEquals(1, run("export-python", saved.toString(), "--framework", "keras", "--out", "/proc/x.py"));
        assertEquals("error: could not write /proc/x.py: the folder /proc does not take new files", err().strip());
    }

    @Test
    void evalTakesOneFileAndItsSynopsisSaysSo() {
        assertEquals(2, run("eval", "a.aelab", "b.aelab"));
        assertTrue(err().startsWith("error: unexpected argument 'b.aelab'"), err());
        assertTrue(err().contains("eval [OPTIONS] [FILE.aelab]") && !err().contains("FILE.aelab..."), err());
    }

    @Test
    void aDashAsTheSaveFileIsRefusedRatherThanMadeAFileNamedDash() {
        assertEquals(2, run("train", "--epochs", "1", "--save", "-"));
        assertTrue(err().startsWith("error: --save: give a file name, e.g. run.aelab"), err());
        assertEquals(2, run("train", "--epochs", "1", "--metrics", "-"));
        assertTrue(out().isEmpty(), out());
    }

    @Test
    void aNameThisJavaCannotEncodeIsOneLineSayingWhatToDo() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(aelab.testing.ChildProcess.java(List.of(), "aelab.Main", "eval", "\u00fc.aelab"));
        pb.environment().put("AELAB_NO_RELAUNCH", "1");
        pb.environment().put("LC_ALL", "C");   // ASCII file names: the non-ASCII name cannot be made a path
        pb.environment().put("LANG", "C");
        aelab.testing.ChildProcess.Result r = aelab.testing.ChildProcess.run(pb, java.time.Duration.ofSeconds(120));
        org.junit.jupiter.api.Assumptions.assumeFalse(r.output().contains("file not found"), "this Java names files in UTF-8 even so");
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.output().contains("has characters this Java cannot use in file names") && r.output().contains("LANG=C.UTF-8"), r.describe());
        assertFalse(r.output().contains("Malformed input"), r.describe());
    }

    @Test
    void layersTooLargeForThisJavaAreRefusedInOneLineBeforeTraining() {
        assertEquals(2, run("train", "--layers", "784,50000,50000,784"));
        assertTrue(err().startsWith("error: ") && err().contains("more than one Java array holds"), err());
        assertEquals(2, run("train", "--layers", "784,20000,20000,784", "--batch", "100"));
        assertTrue(err().contains("needs about") || err().contains("more than one Java array holds"), err());
        assertFalse(err().contains("Exception"), err());
    }

    @Test
    void aValueTwoMillionCharactersLongIsRefusedAtOnceAndNotQuotedWhole() {
        String huge = "9".repeat(2_000_000);
        assertEquals(2, run("train", "--epochs", huge));
        assertTrue(err().length() < 2_000, "error of " + err().length() + " characters");
        assertTrue(err().contains("at most " + Commands.MAX_VALUE_LENGTH + " characters"), err());
    }

    @Test
    void windowBenchIsACommandOfTheTableWithItsOptionsCheckedBeforeAWindowOpens() {
        int[] asked = new int[3];
        Cli.WindowMeasure fake = (epochs, threads, warmUp) -> { asked[0] = epochs; asked[1] = threads; asked[2] = warmUp; return 0; };
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8), e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, new Cli(o, e, fake).run(new String[] {"window-bench", "--epochs", "3"}));
        assertArrayEquals(new int[] {3, 0, 300}, asked, "threads 0 = the app's own choice; warm-up until the JIT settles, at most 300 s");
        assertEquals(0, new Cli(o, e, fake).run(new String[] {"window-bench", "--warm-up", "0"}));
        assertArrayEquals(new int[] {20, 0, 0}, asked, "one short warm-up run");
        assertEquals(2, new Cli(o, e, fake).run(new String[] {"window-bench", "--warm-up", "-1"}));
        assertTrue(err().contains("--warm-up must be between 0 and"), err());
        assertEquals(2, new Cli(o, e, fake).run(new String[] {"window-bench", "--epochs", "0"}));
        assertTrue(err().contains("--epochs must be between 1 and") && err().contains("see 'window-bench --help'"), err());
        assertEquals(2, new Cli(o, e, fake).run(new String[] {"window-bench", "--thread", "2"}));
        assertTrue(err().contains("unknown option --thread"), err());
        assertEquals(0, new Cli(o, e, fake).run(new String[] {"window-bench", "--help"}));
        assertTrue(out().contains("--threads=N") && out().contains("needs a"), out());
    }

    /** Picocli reads a description as a format: a bare % ("under 2 % of the time") made it warn on every --help. */
    @Test
    void everyCommandsHelpPrintsWithoutAFormatWarning() {
        java.io.PrintStream systemErr = System.err;
        ByteArrayOutputStream warned = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warned, true, StandardCharsets.UTF_8));
            for (String command : new String[] {"train", "compare", "eval", "export-python", "export-gif",
                    "export-weights", "bench", "selfcheck", "window-bench"})
                assertEquals(0, run(command, "--help"), command + ": " + err());
        } finally {
            System.setErr(systemErr);
        }
        String text = warned.toString(StandardCharsets.UTF_8);
        assertTrue(text.isEmpty(), "printed while writing the help: " + text);
        assertTrue(out().contains("under 2 % of"), out());
    }

    @Test
    void unknownOptionExitsWithStatus2AndUsage() {
        assertEquals(2, run("train", "--bogus", "1"));
        assertTrue(err().contains("unknown option --bogus"));
        assertTrue(err().contains("usage:"));
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertEquals(2, run("train", "--epochs", "zero"));
        assertTrue(err().contains("--epochs needs a whole number"), err());
        assertEquals(2, run("train", "--output", "relu"));
        assertTrue(err().contains("softmax, sigmoid or linear"), err());
        assertEquals(2, run("train", "--lr", "-1"));
        assertEquals(2, run("train", "--layers", "784,12x,784"));
        assertEquals(2, run("train", "--layers", "784,100,10"));
        assertTrue(err().contains("last width must be the image size, 784"), err());
        assertEquals(2, run("frobnicate"));
        assertFalse(err().contains("Exception"), "no stack traces: " + err());
    }

    @Test
    void missingDataFolderExitsWithStatus1AndOneLine(@TempDir Path dir) {
        assertEquals(1, run("train", "--data", dir.resolve("nope").toString()));
        String e = err().trim();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: "), e);
        assertFalse(e.contains("Exception"));
    }

    @Test
    void trainPrintsALinePerEpochAndWritesTheMetricsCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        assertEquals(0, run("train", "--epochs", "2", "--train-limit", "500", "--test-limit", "200", "--batch", "50",
                "--metrics", csv.toString()), err());
        assertEquals(2, out().lines().filter(l -> l.startsWith("epoch ")).count(), out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,train_loss,test_loss,test_bce,test_mse,output_sum,seconds,noisy_test_bce,noisy_test_mse,"
                + "code_l1,code_zero_fraction,test_recon,test_kl", lines.get(0));
        assertEquals(3, lines.size());
        String[] f = lines.get(2).split(",");
        assertEquals("2", f[0]);
        assertTrue(Double.parseDouble(f[3]) > 0 && Double.parseDouble(f[4]) > 0);
    }

    @Test
    void benchEndsWithSamplesPerSecond() {
        assertEquals(0, run("bench", "--steps", "5", "--warmup", "1"));
        String last = out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.matches("samples/s: \\d+"), last);
    }

    @Test
    void comparePrintsOneRowPerRunAndWritesACsvEach(@TempDir Path dir) throws Exception {
        assertEquals(0, run("compare", "--runs", "softmax:bce,sigmoid:mse", "--epochs", "1", "--train-limit", "300",
                "--test-limit", "100", "--metrics-dir", dir.toString()), err());
        assertTrue(out().contains("softmax + bce, [0,1]") && out().contains("sigmoid + mse, [0,1]"), out());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
        assertEquals(2, run("compare", "--runs", "sigmoid:bce"));
        assertTrue(err().contains("2 to 4 runs"), err());
        assertEquals(2, run("compare", "--runs", "relu:bce,sigmoid:bce"));
    }
}
