package aelab.io;

import aelab.engine.Settings;
import aelab.engine.TrainingConfig;
import aelab.io.PythonExport.Framework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static aelab.io.ScriptRuns.MNIST;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PyTorch script's kinds of autoencoder (the run dict's "kind", "noise", "l1", "beta"; plain when
 * absent). The engine's settings do not carry them yet, so the test adds them to the exported runs before
 * the script's main runs. Each kind's neutral setting must give the plain run's figures exactly, and the
 * VAE's weights come out under the names its module gives them.
 */
class PythonKindsTest {
    @TempDir
    Path dir;

    @Test
    void eachKindTrainsAndItsNeutralSettingIsThePlainModel() throws Exception {
        String python = Python.thatCan("import numpy, torch").orElse(null);
        assumeTrue(python != null, "no Python 3 with numpy and torch here");
        TrainingConfig c = TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 2000).with(Settings.TEST_LIMIT, 500)
                .with(Settings.EPOCHS, 2);
        Path script = Files.writeString(dir.resolve("kinds.py"), PythonExportTest.script(Framework.PYTORCH, c));
        String program = "import importlib.util, sys\n"
                + "spec = importlib.util.spec_from_file_location('s', sys.argv[1])\n"
                + "s = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(s)\n"
                + "r = s.RUNS[0]\n"
                + "s.RUNS[:] = [dict(r), dict(r, kind='plain'), dict(r, kind='sparse', l1=0.0), dict(r, kind='denoising', noise='masking:0'),\n"
                + "             dict(r, kind='sparse', l1=0.01), dict(r, kind='denoising', noise='gaussian:0.5'),\n"
                + "             dict(r, kind='denoising', noise='masking:0.3'), dict(r, kind='vae', beta=1.0)]\n"
                + "sys.argv = ['kinds.py', sys.argv[2], '--out', sys.argv[3]]\n"
                + "s.main()\n";
        Python.Result r = Python.run(List.of(python, "-c", program, script.toString(), MNIST.toString(), dir.toString()), 600);
        assertEquals(0, r.exit(), r.output());
        Matcher m = Pattern.compile("epoch 2/2  train_loss (\\S+)  test_loss (\\S+)  test_bce (\\S+)  test_mse (\\S+) ").matcher(r.output());
        String[] plain = null;
        double[][] figures = new double[8][];
        for (int i = 0; i < 8; i++) {
            assertTrue(m.find(), r.output());
            String[] line = {m.group(1), m.group(2), m.group(3), m.group(4)};
            if (i == 0) plain = line;
            if (i < 4) assertArrayEquals(plain, line, "run " + (i + 1) + " is the plain model: " + r.output());
            figures[i] = new double[]{Double.parseDouble(line[0]), Double.parseDouble(line[1]), Double.parseDouble(line[2])};
            for (double f : figures[i]) assertTrue(Double.isFinite(f) && f > 0, r.output());
        }
        assertTrue(figures[4][1] > figures[4][2] + 1e-4, "sparse: the test loss adds the code's L1 to the BCE: " + r.output());
        assertTrue(figures[7][1] > 50, "vae: the loss is per image (784 pixels' BCE + KL), not per pixel: " + r.output());
        assertTrue(figures[7][2] < 0.5, "vae: its reconstructions learned something: " + r.output());
        for (int i : new int[]{5, 6}) assertNotEquals(figures[0][0], figures[i][0], "noise changes training");

        try (ZipFile z = new ZipFile(dir.resolve("kinds-run8.npz").toFile())) {
            assertEquals(List.of("decoder.0.bias.npy", "decoder.0.weight.npy", "decoder.2.bias.npy", "decoder.2.weight.npy",
                            "decoder.4.bias.npy", "decoder.4.weight.npy", "encoder.0.bias.npy", "encoder.0.weight.npy",
                            "encoder.2.bias.npy", "encoder.2.weight.npy", "logvar.bias.npy", "logvar.weight.npy",
                            "mu.bias.npy", "mu.weight.npy"),
                    z.stream().map(e -> e.getName()).sorted().toList());
            float[] mu = Npy.read(z.getInputStream(z.getEntry("mu.weight.npy")).readAllBytes(), new int[]{28, 64}, "mu");
            assertEquals(28 * 64, mu.length);
        }
    }
}
