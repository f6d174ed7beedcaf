package aelab.io;

import aelab.app.model.MetricsCsv;
import aelab.data.Dataset;
import aelab.engine.Activation;
import aelab.engine.Evaluation;
import aelab.engine.Evaluator;
import aelab.engine.Loss;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;
import aelab.io.PythonExport.Framework;
import aelab.io.ScriptRuns.Trained;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import static aelab.io.ScriptRuns.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exported PyTorch script starts where the app stopped: it reads the runs' weights and optimizer state
 * from the experiment file beside it, prints the app's test figures for them, trains on, and writes its
 * weights and metrics back. Three runs cover each optimizer and each way of computing the loss.
 */
class PythonResumeTest {
    @TempDir
    static Path dir;
    static String python;
    static Dataset data;
    static final List<Trained> app = new ArrayList<>(), appOneMore = new ArrayList<>();
    static Path script;

    static final TrainingConfig SMALL = TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 2000)
            .with(Settings.TEST_LIMIT, 1000).with(Settings.EPOCHS, 1).with(Settings.THREADS, 2);
    static final TrainingConfig[] RUNS = {
            SMALL,                                                                      // adam, sigmoid + bce from logits
            SMALL.with(Settings.OPTIMIZER, OptimizerKind.SGD).with(Settings.LEARNING_RATE, 0.01)
                    .with(Settings.HIDDEN, Activation.TANH).with(Settings.LOSS, Loss.MSE),  // sgd, mse
            SMALL.with(Settings.OPTIMIZER, OptimizerKind.RMSPROP).with(Settings.OUTPUT, Activation.SOFTMAX)
                    .with(Settings.SCALE, Scale.RAW).with(Settings.SEED, -7L)};             // rmsprop, clipped bce, raw

    @BeforeAll
    static void trainInTheAppAndExport() throws Exception {
        python = Python.thatCan("import numpy, torch").orElse(null);
        assumeTrue(python != null, "no Python 3 with numpy and torch here");
        data = Dataset.loadBundledMnist();
        List<SavedRun> saved = new ArrayList<>();
        for (TrainingConfig c : RUNS) {
            Trained t = train(c, data, c.label(), null, null);
            app.add(t);
            saved.add(t.saved());
            // what `train --resume --epochs 2` makes of it: the same run, one epoch more
            appOneMore.add(train(c.with(Settings.EPOCHS, 2), data, c.label(), t.saved().checkpoint(), t));
        }
        ExperimentFile.write(dir.resolve("runs.aelab"), new Experiment(Dataset.BUNDLED_NAME, Instant.now(), saved));
        script = Files.writeString(dir.resolve("runs-pytorch.py"),
                PythonExport.script(ExperimentFile.read(dir.resolve("runs.aelab")), "runs.aelab", Framework.PYTORCH));
    }

    Python.Result script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(python, script.toString(), MNIST.toString()));
        command.addAll(List.of(args));
        return Python.run(command, 600);
    }

    @Test
    void epochsZeroPrintsTheAppsTestFiguresOfEachRunTo4SignificantDigits() throws Exception {
        Python.Result r = script("--epochs", "0");
        assertEquals(0, r.exit(), r.output());
        List<double[]> got = starts(r.output());
        assertEquals(RUNS.length, got.size(), r.output());
        for (int i = 0; i < RUNS.length; i++) {
            Evaluation e = Evaluator.evaluate(app.get(i).saved().checkpoint().model(), RUNS[i], data);
            double[] s = got.get(i);
            String what = "run " + (i + 1) + ": app " + e.loss() + ", " + e.bce() + ", " + e.mse() + "; script "
                    + s[0] + ", " + s[1] + ", " + s[2];
            assertTrue(sameTo4Digits(e.loss(), s[0]) && sameTo4Digits(e.bce(), s[1]) && sameTo4Digits(e.mse(), s[2]), what);
            assertEquals(app.get(i).last().testBce(), e.bce(), 0.0, "eval gives the saved epoch's figure");
        }
        assertTrue(r.output().contains("start (trained, 1 epochs)"), r.output());
        assertFalse(Files.exists(dir.resolve("runs-pytorch-run1.npz")), "nothing trained, nothing written");
    }

    /**
     * --parity replays the app's mini-batch order for epoch 2, and the optimizer goes on from its saved
     * state (Adam's moments and step count, SGD's velocity, RMSprop's mean square): the second epoch ends
     * where the app's own `train --resume` ends it. The results are the script's .npz and the app's CSV.
     */
    @Test
    void oneMoreEpochGoesOnLikeTheAppsResumeAndIsWrittenBack() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Python.Result r = script("--epochs", "1", "--parity", "--out", out.toString());
        assertEquals(0, r.exit(), r.output());
        for (int i = 0; i < RUNS.length; i++) {
            int number = i + 1;
            List<List<String>> csv = csv(out.resolve("runs-pytorch-run" + number + "-metrics.csv"));
            assertEquals(MetricsCsv.HEADER, String.join(",", csv.get(0)), "the app's columns");
            List<List<String>> epochs = rows(csv, "epoch"), batches = rows(csv, "batch");
            assertEquals(2, epochs.size(), "the app's epoch 1, then the script's epoch 2");
            assertEquals(40, batches.size(), "20 saved batches and 20 new ones");
            assertEquals(app.get(i).last().testBce(), Double.parseDouble(epochs.get(0).get(10)), 0.0);
            for (int b = 0; b < 40; b++) assertEquals(String.valueOf(b + 1), batches.get(b).get(5), "steps go on");
            double scriptBce = Double.parseDouble(epochs.get(1).get(10)), appBce = appOneMore.get(i).last().testBce();
            assertEquals(appBce, scriptBce, 0.005 * appBce, "run " + number + ": epoch 2's test BCE, app vs script");
            double firstNewLoss = Double.parseDouble(batches.get(20).get(6)), appLoss = appOneMore.get(i).batches().get(20).loss();
            assertEquals(appLoss, firstNewLoss, 1e-4 * appLoss, "run " + number + ": the first batch trained on");

            // the .npz holds the state dict, (out, in) weights; started from, it gives the figures of epoch 2
            try (ZipFile z = new ZipFile(out.resolve("runs-pytorch-run" + number + ".npz").toFile())) {
                List<String> names = z.stream().map(e -> e.getName()).sorted().toList();
                assertEquals(List.of("0.bias.npy", "0.weight.npy", "10.bias.npy", "10.weight.npy", "2.bias.npy", "2.weight.npy",
                        "4.bias.npy", "4.weight.npy", "6.bias.npy", "6.weight.npy", "8.bias.npy", "8.weight.npy"), names);
                float[] w = Npy.read(z.getInputStream(z.getEntry("0.weight.npy")).readAllBytes(), new int[]{128, 784}, "0.weight");
                assertEquals(128 * 784, w.length);
            }
            if (number > 1) continue;   // one read-back is enough: each costs a Python start with torch
            Python.Result again = script("--run", String.valueOf(number), "--from",
                    out.resolve("runs-pytorch-run" + number + ".npz").toString(), "--epochs", "0");
            assertEquals(0, again.exit(), again.output());
            double reread = starts(again.output()).get(0)[1];
            assertTrue(sameTo4Digits(scriptBce, reread), "run " + number + ": " + scriptBce + " written, " + reread + " read back");
        }
    }

    @Test
    void aScriptOfUnsavedRunsStartsFreshAndSaysWhatTrainedNeeds() throws Exception {
        Path fresh = Files.writeString(dir.resolve("fresh.py"), PythonExportTest.script(Framework.PYTORCH, SMALL));
        Python.Result r = Python.run(List.of(python, fresh.toString(), MNIST.toString(), "--init", "trained"), 120);
        assertNotEquals(0, r.exit());
        assertEquals("error: --init trained needs weights: these runs were not saved; give --from FILE.aelab|FILE.npz",
                r.output().strip().lines().reduce((a, b) -> b).orElse(""), r.output());
        assertFalse(r.output().contains("Traceback"), r.output());
        Python.Result missing = Python.run(List.of(python, script.toString(), MNIST.toString(), "--from",
                dir.resolve("nothing.aelab").toString(), "--epochs", "0"), 120);
        assertNotEquals(0, missing.exit());
        assertTrue(missing.output().contains("nothing.aelab: no such file") && !missing.output().contains("Traceback"),
                missing.output());
    }
}
