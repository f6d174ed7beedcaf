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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static aelab.io.ScriptRuns.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The parity check, on the whole of MNIST with the default settings: the app trains one epoch, the
 * exported PyTorch script with --parity trains one from the app's first weights in the app's batch order
 * and float32 arithmetic. Its first 10 batch losses agree with the app's to 1e-4 relative, and its test BCE
 * after the epoch to 0.5 %.
 *
 * <p>Which app? Float32 training is chaotic: a rounding difference of 1e-8 in a loss grows to a few 1e-3
 * over 600 steps. The app itself, whose sums depend on its thread count, ends this epoch at test BCE
 * 0.13923 with 1 or 2 threads and 0.14023 with 3 (0.72 % apart; their batch losses part between steps 150 and 200).
 * So the script is held to 0.5 % of the nearest of those three runs, and to the app's own spread
 * (1 %) of each; all figures are printed. docs/python-scripts.md has the measurements.
 */
class PythonParityTest {
    @TempDir
    Path dir;

    @Test
    void oneEpochOfTheDefaultRunMatchesTheApp() throws Exception {
        String python = Python.thatCan("import numpy, torch").orElse(null);
        assumeTrue(python != null, "no Python 3 with numpy and torch here");
        TrainingConfig c = TrainingConfig.defaults().with(Settings.EPOCHS, 1);
        Dataset data = Dataset.loadBundledMnist();
        List<Trained> apps = new ArrayList<>();
        for (int threads = 1; threads <= 3; threads++)
            apps.add(train(c.with(Settings.THREADS, threads), data, c.label(), null, null));

        Path script = Files.writeString(dir.resolve("parity.py"), PythonExportTest.script(Framework.PYTORCH, c));
        Python.Result r = Python.run(List.of(python, script.toString(), MNIST.toString(), "--parity", "--epochs", "1"), 900);
        assertEquals(0, r.exit(), r.output());
        List<List<String>> csv = csv(dir.resolve("parity-run1-metrics.csv"));
        List<List<String>> batches = rows(csv, "batch"), epochs = rows(csv, "epoch");
        assertEquals(600, batches.size(), "60,000 images in batches of 100");
        double worst = 0;
        StringBuilder report = new StringBuilder();
        for (int b = 0; b < 10; b++) {
            double got = Double.parseDouble(batches.get(b).get(6));
            report.append(String.format(Locale.ROOT, "batch %2d: script %.8f  app", b + 1, got));
            for (Trained app : apps) {
                double want = app.batches().get(b).loss();
                worst = Math.max(worst, Math.abs(got - want) / want);
                report.append(String.format(Locale.ROOT, " %.8f", want));
            }
            report.append('\n');
        }
        double scriptBce = Double.parseDouble(epochs.get(0).get(10)), nearest = Double.MAX_VALUE, farthest = 0;
        report.append(String.format(Locale.ROOT, "max relative difference of the first 10 batch losses %.2e%n"
                + "test BCE after 1 epoch: script %.6f", worst, scriptBce));
        for (int t = 0; t < apps.size(); t++) {
            double appBce = apps.get(t).last().testBce(), diff = Math.abs(scriptBce - appBce) / appBce;
            nearest = Math.min(nearest, diff);
            farthest = Math.max(farthest, diff);
            report.append(String.format(Locale.ROOT, "; app (%d thread%s) %.6f: %.3f %%", t + 1, t == 0 ? "" : "s", appBce, 100 * diff));
        }
        System.out.println(report);
        assertTrue(worst <= 1e-4, report::toString);
        assertTrue(nearest <= 0.005, report::toString);
        assertTrue(farthest <= 0.01, report::toString);
    }
}
