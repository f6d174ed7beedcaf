package aelab.io;

import aelab.data.Dataset;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;
import aelab.io.PythonExport.Framework;
import aelab.io.ScriptRuns.Trained;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static aelab.io.ScriptRuns.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exported PyTorch script under torchrun with 2 CPU processes (gloo): DistributedDataParallel over a
 * DistributedSampler, each process taking half of every batch; rank 0 alone prints and saves, and the
 * processes end with the same weights. It goes on from the app's saved run, and lands near where the
 * app's own next epoch lands (other batches, so not to the digit).
 */
class PythonTorchrunTest {
    @TempDir
    Path dir;

    @Test
    void twoProcessesTrainOnFromTheAppsRun() throws Exception {
        String python = Python.thatCan("import numpy, torch, torch.distributed.run").orElse(null);
        assumeTrue(python != null, "no Python 3 with numpy and torch (and its torchrun) here");
        Dataset data = Dataset.loadBundledMnist();
        TrainingConfig c = TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 2000).with(Settings.TEST_LIMIT, 1000)
                .with(Settings.EPOCHS, 1).with(Settings.THREADS, 2);
        Trained app = train(c, data, c.label(), null, null);
        Trained appOneMore = train(c.with(Settings.EPOCHS, 2), data, c.label(), app.saved().checkpoint(), app);
        ExperimentFile.write(dir.resolve("runs.aelab"), new Experiment(Dataset.BUNDLED_NAME, Instant.now(), List.of(app.saved())));
        Path script = Files.writeString(dir.resolve("runs-pytorch.py"),
                PythonExport.script(ExperimentFile.read(dir.resolve("runs.aelab")), "runs.aelab", Framework.PYTORCH));

        // --redirects 1 --tee 1: torch 1.13's torchrun cannot parse its own default "0" under Python 3.11
        // (its Std flag enum lost the 0 member); sending stdout through its log and back works everywhere
        Python.Result r = Python.run(List.of(python, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
                "--redirects", "1", "--tee", "1", script.toString(), MNIST.toString(), "--epochs", "1"), 600);
        assertEquals(0, r.exit(), r.output());
        String out = r.output();
        assertEquals(1, count(out, "device cpu, 2 processes"), out);
        assertEquals(1, count(out, "epoch 2/2 "), "rank 0 alone prints: " + out);
        assertEquals(1, count(out, "the 2 processes hold the same weights"), out);

        List<List<String>> csv = csv(dir.resolve("runs-pytorch-run1-metrics.csv"));
        assertEquals(40, rows(csv, "batch").size(), "20 saved steps, then 20 of 2 × 50 images: " + csv);
        Matcher m = Pattern.compile("epoch 2/2 .* test_bce (\\S+) ").matcher(out);
        assertTrue(m.find(), out);
        double script2 = Double.parseDouble(m.group(1)), app2 = appOneMore.last().testBce(), app1 = app.last().testBce();
        assertTrue(script2 < app1, "it learned on: " + app1 + " → " + script2);
        assertEquals(app2, script2, 0.03 * app2, "the app's epoch 2 vs 2 processes' epoch 2: " + out);
        assertTrue(Files.isRegularFile(dir.resolve("runs-pytorch-run1.npz")));
        System.out.println(out);
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) n++;
        return n;
    }
}
