package aelab.cli;

import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.SavedRun;
import aelab.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** train --save, eval and export-python, through the same entry point as the jar. */
class ExperimentCliTest {
    static final String[] SMALL = {"--epochs", "2", "--train-limit", "500", "--test-limit", "200", "--batch", "50", "--threads", "2"};

    @TempDir
    Path dir;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    static String[] with(String[] base, String... more) {
        String[] a = new String[base.length + more.length];
        System.arraycopy(base, 0, a, 0, base.length);
        System.arraycopy(more, 0, a, base.length, more.length);
        return a;
    }

    Path trained(String name) {
        Path f = dir.resolve(name);
        assertEquals(0, run(with(new String[]{"train"}, with(SMALL, "--save", f.toString()))), err());
        return f;
    }

    /** The last error line is the one-line reason; no stack trace anywhere. */
    void assertOneLineError(String expected) {
        String e = err().trim();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: "), e);
        assertTrue(e.contains(expected), e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), e);
    }

    @Test
    void evalOfASavedRunPrintsTheTestLossesOfItsLastEpoch() {
        Path f = trained("run.aelab");
        Matcher epoch = Pattern.compile("epoch 2/2 .*(test_bce \\S+  test_mse \\S+)").matcher(out());
        assertTrue(epoch.find(), out());
        assertTrue(out().contains("saved " + f), out());
        assertEquals(0, run("eval", f.toString()), err());
        assertTrue(out().contains("run 1  " + epoch.group(1) + "  test_loss "), out() + " vs " + epoch.group(1));
        assertTrue(out().contains("200 test images  epochs 2/2  sigmoid + bce, [0,1]"), out());
        assertEquals("", err(), "the figures match the saved epoch, so there is no note");
    }

    @Test
    void compareSavesEveryRunSideBySideAndEvalListsThemInOrder() throws Exception {
        Path f = dir.resolve("both.aelab");
        assertEquals(0, run(with(new String[]{"compare", "--runs", "sigmoid:bce,softmax:bce:raw"}, with(SMALL, "--save", f.toString()))), err());
        assertTrue(out().contains("saved 2 runs to " + f), out());
        Matcher row = Pattern.compile("(?m)^2 +softmax \\+ bce, raw 0–255 +(\\S+) +(\\S+) ").matcher(out());
        assertTrue(row.find(), out());
        Experiment e = ExperimentFile.read(f);
        assertEquals(List.of("sigmoid + bce, [0,1]", "softmax + bce, raw 0–255"), e.runs().stream().map(SavedRun::label).toList());
        assertEquals(0, run("eval", f.toString()), err());
        assertTrue(out().contains("run 2  test_bce " + row.group(1) + "  test_mse " + row.group(2) + "  "), out());
        assertTrue(out().contains("run 1  test_bce "), out());
    }

    @Test
    void aDivergedRunIsSavedAtItsLastGoodWeights() throws Exception {
        Path f = dir.resolve("wild.aelab");
        assertEquals(1, run(with(new String[]{"train"}, with(SMALL, "--output", "linear", "--loss", "mse", "--scale", "raw",
                "--optimizer", "sgd", "--lr", "5", "--save", f.toString()))));
        assertTrue(out().contains("saved " + f + " (at the last weights with a finite loss)"), out());
        SavedRun r = ExperimentFile.read(f).runs().get(0);
        assertTrue(r.checkpoint().model().isFinite());
        assertEquals(r.checkpoint().steps(), r.batches().size());
        assertEquals(0, run("eval", f.toString()), err());
    }

    @Test
    void aDamagedFileExitsWith1AndOneLine() throws IOException {
        Path f = trained("run.aelab");
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length / 2));
        assertEquals(1, run("eval", f.toString()));
        assertOneLineError(f + ": the file is damaged or incomplete");
        assertEquals(1, run("export-python", f.toString(), "--framework", "keras"));
        assertOneLineError(f + ": the file is damaged or incomplete");
        Files.writeString(f, "not a zip");
        assertEquals(1, run("eval", f.toString()));
        assertOneLineError("it is not a zip archive");
        assertEquals(1, run("eval", dir.resolve("missing.aelab").toString()));
        assertOneLineError("missing.aelab: file not found; check the name and the folder");
    }

    @Test
    void badArgumentsExitWith2AndUsage() {
        assertEquals(2, run("eval"));
        assertTrue(err().startsWith("error: give the FILE.aelab\n") && err().contains("usage:"), err());
        assertEquals(2, run("eval", "a.aelab", "b.aelab"));
        assertTrue(err().contains("unexpected argument 'b.aelab'"), err());
        assertEquals(2, run("eval", "a.aelab", "--framework", "keras"));
        assertTrue(err().contains("unknown option --framework"), err());
        assertEquals(2, run("export-python", "a.aelab"));
        assertTrue(err().contains("--framework is required: keras or pytorch"), err());
        assertEquals(2, run("export-python", "a.aelab", "--framework", "jax"));
        assertTrue(err().contains("unknown framework 'jax' (keras, pytorch)"), err());
        assertEquals(2, run("train", "--save"));
        assertTrue(err().contains("--save needs a value"), err());
    }

    @Test
    void theUsageNamesTheNewCommands() {
        assertEquals(0, run("help"));   // the usage is generated now: the commands are listed, their options in their help
        assertTrue(out().contains("eval ") && out().contains("export-python "), out());
        assertEquals(0, run("help", "eval"));
        assertTrue(out().contains("eval [OPTIONS] [FILE.aelab]") && out().contains("--data=DIR"), out());
        assertEquals(0, run("export-python", "--help"));
        assertTrue(out().contains("--framework=keras|pytorch") && out().contains("--out=SCRIPT.py|-"), out());
        assertEquals(0, run("train", "--help"));
        assertTrue(out().contains("--save=FILE.aelab"), out());
    }

    @Test
    void evalOnImagesOfAnotherSizeSaysWhichDataIsNeeded() throws IOException {
        Path f = trained("run.aelab");
        Path data = Files.createDirectory(dir.resolve("tiny"));
        idx(data.resolve("train-images-idx3-ubyte"), 3, 4, 4);
        idx(data.resolve("train-labels-idx1-ubyte"), 3);
        idx(data.resolve("t10k-images-idx3-ubyte"), 2, 4, 4);
        idx(data.resolve("t10k-labels-idx1-ubyte"), 2);
        assertEquals(1, run("eval", f.toString(), "--data", data.toString()));
        String[] lines = err().trim().split("\n");
        assertEquals("note: the runs were trained on MNIST (bundled); evaluating on tiny", lines[0]);
        assertEquals("error: run 1 reads images of 784 pixels, but tiny has images of 16; give --data with the dataset it was trained on", lines[1]);
    }

    @Test
    void exportPythonWritesBesideTheFileOrToStdout() throws Exception {
        Path f = trained("my run.aelab");
        assertEquals(0, run("export-python", f.toString(), "--framework", "pytorch"), err());
        Path py = dir.resolve("my run-pytorch.py");
        assertTrue(out().startsWith("wrote " + py), out());
        String script = Files.readString(py);
        assertTrue(script.contains("\"train_limit\": 500") && script.contains("import torch"), script);
        assertEquals(0, run("export-python", f.toString(), "--framework", "keras", "--out", "-"), err());
        assertTrue(out().startsWith("#!/usr/bin/env python3\n# Exported by Autoencoder Lab"), out());
        assertTrue(out().contains("import keras"));
        Path chosen = dir.resolve("sub/k.py");
        assertEquals(0, run("export-python", f.toString(), "--framework", "KERAS", "--out", chosen.toString()), err());
        assertTrue(out().startsWith("wrote " + chosen), out());
        assertTrue(Files.readString(chosen).contains("import keras"));
    }

    @Test
    void stoppingWithAKillSavesTheRunSoFar() throws Exception {
        Path f = dir.resolve("killed.aelab");
        ProcessBuilder pb = new ProcessBuilder(ChildProcess.java(List.of("--add-modules=jdk.incubator.vector"), "aelab.Main",
                "train", "--epochs", "500", "--train-limit", "500", "--test-limit", "100", "--batch", "50", "--threads", "1",
                "--save", f.toString()));
        pb.environment().put("AELAB_NO_RELAUNCH", "1");
        ChildProcess.Running p = ChildProcess.start(pb);
        assertTrue(p.awaitOutput("epoch 2/500", Duration.ofSeconds(120)), p.output());
        // SIGTERM, as kill sends; Ctrl-C's SIGINT runs the same shutdown hook. (Process.destroy() would also
        // close our end of the output, so the handle is used.)
        p.process().toHandle().destroy();
        ChildProcess.Result done = p.finish(Duration.ofSeconds(60));
        assertTrue(done.finished(), done.describe());
        assertTrue(done.output().contains("stopped after") && done.output().contains("saved " + f), done.describe());
        Experiment e = ExperimentFile.read(f);
        SavedRun r = e.runs().get(0);
        assertTrue(r.checkpoint().epochsDone() >= 2 && r.checkpoint().epochsDone() < 500, "epochs " + r.checkpoint().epochsDone());
        assertEquals(r.checkpoint().steps(), r.batches().size());
        assertEquals(r.checkpoint().epochsDone(), r.epochs().size());
    }

    /** A tiny IDX file of unsigned bytes: magic 00 00 08 dims, sizes big-endian, then zeros. */
    static void idx(Path file, int... sizes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(0x0800 | sizes.length);
        int n = 1;
        for (int s : sizes) {
            d.writeInt(s);
            n *= s;
        }
        d.write(new byte[n]);
        Files.write(file, b.toByteArray());
    }

    // train --resume: a saved run trained further draws the curve a longer run draws, bit for bit

    @Test
    void twoEpochsResumedToFourAreFourEpochs() throws Exception {
        Path two = trained("two.aelab"), four = dir.resolve("four.aelab");
        String[] longer = SMALL.clone();
        longer[1] = "4";
        assertEquals(0, run(with(new String[] {"train"}, with(longer, "--save", four.toString()))), err());
        assertEquals(0, run("train", "--resume", two.toString(), "--epochs", "4"), err());
        assertTrue(out().contains("resuming sigmoid + bce, [0,1] at epoch 3, batch 1 (step 20), to epoch 4"), out());
        assertTrue(out().contains("saved " + two), out());
        SavedRun a = ExperimentFile.read(four).runs().get(0), b = ExperimentFile.read(two).runs().get(0);
        assertEquals(4, b.checkpoint().epochsDone());
        assertEquals(4, b.config().epochs());
        assertEquals(a.batches().size(), b.batches().size());
        for (int i = 0; i < a.batches().size(); i++) {
            BatchPoint p = a.batches().get(i), q = b.batches().get(i);
            assertEquals(p.step(), q.step());
            assertEquals(Double.doubleToRawLongBits(p.loss()), Double.doubleToRawLongBits(q.loss()), "loss of step " + p.step());
        }
        for (int i = 0; i < 4; i++) {
            EpochMetrics p = a.epochs().get(i), q = b.epochs().get(i);
            assertEquals(p.testBce(), q.testBce(), 0.0, "epoch " + (i + 1));
            assertEquals(p.testMse(), q.testMse(), 0.0);
        }
        assertArrayEquals(a.checkpoint().model().params(), b.checkpoint().model().params());
        assertEquals(a.timeline().snapshots().stream().map(s -> s.step()).toList(),
                b.timeline().snapshots().stream().map(s -> s.step()).toList(), "the timeline goes on where it stopped");
    }

    @Test
    void aHurriedUsersResumesGetOneLine() throws Exception {
        Path two = trained("two.aelab");
        assertEquals(2, run("train", "--resume", two.toString(), "--lr", "0.01"));
        assertUsage("--lr cannot change when resuming");
        assertEquals(2, run("train", "--resume", two.toString(), "--epochs", "1"));
        assertUsage("--epochs is the total, and the run has trained 2 epochs already; give more than 2");
        assertEquals(0, run("train", "--resume", two.toString()));
        assertTrue(out().contains("all 2 epochs are done; give --epochs N"), out());
        Path missing = dir.resolve("nope.aelab");
        assertEquals(1, run("train", "--resume", missing.toString(), "--epochs", "3"));
        assertOneLineError("file not found");
        Files.writeString(dir.resolve("notes.aelab"), "hello");
        assertEquals(1, run("train", "--resume", dir.resolve("notes.aelab").toString(), "--epochs", "3"));
        assertOneLineError("not an Autoencoder Lab experiment");
    }

    /** A usage error: its line, then the usage line and where the help is; no trace. */
    private void assertUsage(String expected) {
        String e = err().trim();
        assertTrue(e.startsWith("error: ") && e.lines().findFirst().orElseThrow().contains(expected), e);
        assertTrue(e.lines().count() <= 3 && !e.contains("Exception") && e.endsWith("see 'train --help'"), e);
    }

    @Test
    void exportWeightsWritesSafetensorsBesideTheFileAndRefusesWhatItCannot() throws Exception {
        Path f = trained("run.aelab");
        assertEquals(0, run("export-weights", f.toString(), "--format", "safetensors"), err());
        Path st = dir.resolve("run.safetensors");
        assertTrue(Files.size(st) > 4 * 200_000, "the default model's weights");
        assertTrue(out().contains("to " + st.toAbsolutePath() + " as safetensors"), out());
        assertEquals(2, run("export-weights", f.toString()));
        assertTrue(err().startsWith("error: --format is required: npz or safetensors"), err());
        assertEquals(2, run("export-weights", f.toString(), "--format", "npz", "--out", f.toString()));
        assertTrue(err().startsWith("error: --out is the experiment file itself"), err());
        assertEquals(1, run("export-weights", dir.resolve("none.aelab").toString(), "--format", "npz"));
        assertOneLineError("file not found");
    }
}
