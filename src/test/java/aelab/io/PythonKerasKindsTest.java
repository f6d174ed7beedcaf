package aelab.io;

import aelab.engine.ModelKind;
import aelab.engine.Noise;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;
import aelab.io.PythonExport.Framework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static aelab.io.ScriptRuns.MNIST;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Keras script's kinds of autoencoder. TensorFlow/Keras cannot be installed on the build machine, so
 * what can run without Keras runs here: the script imports without it (its NumPy parts are plain
 * functions) and the tests call the noise of a denoising run, its batches and the parameters' names and
 * layouts, the last against the PyTorch script's own modules. With a Python that has Keras
 * ($AELAB_PYTHON), {@link #eachKindTrainsWithKeras} trains the four kinds for real.
 */
class PythonKerasKindsTest {
    @TempDir
    Path dir;

    static final TrainingConfig SMALL = TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 2000)
            .with(Settings.TEST_LIMIT, 500).with(Settings.EPOCHS, 2);

    /** Runs `code` with the exported Keras script imported as s (its main does not run); its printed lines. */
    List<String> py(String python, String code, String... scripts) throws Exception {
        StringBuilder program = new StringBuilder("import importlib.util, sys\nimport numpy as np\n"
                + "def load(name, path):\n"
                + "    spec = importlib.util.spec_from_file_location(name, path)\n"
                + "    m = importlib.util.module_from_spec(spec)\n    spec.loader.exec_module(m)\n    return m\n"
                + "s = load('s', sys.argv[1])\n");
        if (scripts.length > 0) program.append("t = load('t', sys.argv[2])\n");
        List<String> command = new ArrayList<>(List.of(python, "-c", program + code,
                Files.writeString(dir.resolve("keras_export.py"), PythonExportTest.script(Framework.KERAS, SMALL)).toString()));
        command.addAll(Arrays.asList(scripts));
        Python.Result r = Python.run(command, 120);
        assertEquals(0, r.exit(), r.output());
        return r.output().lines().toList();
    }

    static String numpyPython() {
        String python = Python.thatCan("import numpy").orElse(null);
        assumeTrue(python != null, "no Python 3 with numpy here");
        return python;
    }

    static double[] numbers(String line) {
        return Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    /**
     * gaussian:σ on the [0,1] scale: mid-grey pixels get mean 0.5 and standard deviation σ (200,000 draws of a
     * fixed seed: the sample mean within 4.5 standard errors, its s.d. within 0.5 % of σ, 3 standard errors);
     * black pixels under σ = 0.5 are clipped at 0 half the time and at 1 at the top. On the raw scale the same noise is 255 times larger and clipped to
     * [0, 255]. masking:q zeroes a fraction q of the pixels (±0.005, 4.9 standard errors) and leaves the
     * others exactly as they were.
     */
    @Test
    void theNoiseIsTheAppsGaussianOrMasking() throws Exception {
        List<String> out = py(numpyPython(), """
                r, g = s.RUNS[0], np.random.default_rng(5)
                grey = np.full((250, 800), 0.5, np.float32)
                n = s.corrupt(dict(r, noise='gaussian:0.1'), grey, g)
                print(n.dtype == np.float32, n.mean(), n.std(), n.min(), n.max())
                n = s.corrupt(dict(r, noise='gaussian:0.5'), np.zeros((250, 800), np.float32), g)
                print((n == 0).mean(), n.min(), n.max())
                n = s.corrupt(dict(r, noise='gaussian:0.1', scale='raw'), grey * 255, g)
                print(n.mean(), n.std(), n.min(), n.max())
                x = g.uniform(0.01, 1, (250, 800)).astype(np.float32)
                n = s.corrupt(dict(r, noise='masking:0.3'), x, g)
                print((n == 0).mean(), int(np.sum((n != 0) & (n != x))), n.dtype == np.float32)
                """);
        double[] grey = numbers(out.get(0).replace("True", "1").replace("False", "0"));
        assertEquals(1, grey[0], "float32 in, float32 out");
        assertEquals(0.5, grey[1], 0.001);
        assertEquals(0.1, grey[2], 0.0005);
        assertTrue(grey[3] >= 0 && grey[4] <= 1, out.get(0));
        double[] black = numbers(out.get(1));
        assertEquals(0.5, black[0], 0.01, "N(0, σ) below 0 is clipped to 0 half the time");
        assertTrue(black[1] == 0 && black[2] == 1, out.get(1));
        double[] raw = numbers(out.get(2));
        assertEquals(127.5, raw[0], 0.5);
        assertEquals(25.5, raw[1], 0.13);
        assertTrue(raw[2] >= 0 && raw[3] <= 255, out.get(2));
        double[] masked = numbers(out.get(3).replace("True", "1").replace("False", "0"));
        assertEquals(0.3, masked[0], 0.005);
        assertEquals(0, masked[1], "a pixel not masked keeps its value");
        assertEquals(1, masked[2]);
    }

    /**
     * A denoising epoch's batches: every image once, in an order seeded by (seed, epoch); the targets are
     * the clean rows; a batch's noise is the same however often Keras asks for it, and new at the next
     * epoch (fresh at every step).
     */
    @Test
    void eachStepCorruptsItsBatchAfreshAndTheTargetsStayClean() throws Exception {
        List<String> out = py(numpyPython(), """
                r = dict(s.RUNS[0], kind='denoising', noise='gaussian:0.5', seed=-7)
                x = np.random.default_rng(0).uniform(0, 1, (1000, 784)).astype(np.float32)
                order1, order2 = s.epoch_order(r, 1000, 1), s.epoch_order(r, 1000, 2)
                seen = np.concatenate([order1[b * 64:(b + 1) * 64] for b in range(-(-1000 // 64))])
                print(sorted(seen.tolist()) == list(range(1000)), not np.array_equal(order1, order2),
                      np.array_equal(order1, s.epoch_order(r, 1000, 1)))
                n1, y1 = s.noisy_batch(r, x, order1, 64, 1, 3)
                again, _ = s.noisy_batch(r, x, order1, 64, 1, 3)
                print(np.array_equal(y1, x[order1[192:256]]), np.array_equal(n1, again), not np.allclose(n1, y1),
                      not np.array_equal(s.noisy_batch(r, x, order1, 64, 2, 3)[0], n1), len(s.noisy_batch(r, x, order1, 64, 1, 15)[0]))
                """);
        assertEquals("True True True", out.get(0), "every image once; another order next epoch; the same for the same epoch");
        assertEquals("True True True True 40", out.get(1),
                "clean targets; the same batch drawn twice alike; noisy; new noise at the next epoch; the last batch 1000 - 15·64");
    }

    @Test
    void aNoiseTheScriptCannotReadStopsWithOneLine() throws Exception {
        List<String> out = py(numpyPython(), """
                for noise in ['salt:0.1', 'gaussian', 'masking:1.5', 'gaussian:-1', 'gaussian:nan']:
                    try:
                        s.corrupt(dict(s.RUNS[0], kind='denoising', noise=noise), np.zeros((1, 4), np.float32), np.random.default_rng())
                        print('accepted', noise)
                    except SystemExit as e:
                        print(e)
                """);
        assertEquals(5, out.size(), String.join("\n", out));
        for (String line : out)
            assertTrue(line.startsWith("error: run ") && line.contains("gaussian:SIGMA") && line.contains("masking:Q"), line);
    }

    /**
     * The Keras script names and lays out its parameters as the PyTorch script's modules do, for every kind
     * and bottleneck position (at the first hidden layer, after a tie): its .npz loads into the PyTorch
     * model with load_state_dict(strict=True), and back into the app's order unchanged.
     */
    @Test
    void itsWeightsAreThePyTorchModelsStateDict() throws Exception {
        String python = Python.thatCan("import numpy, torch").orElse(null);
        assumeTrue(python != null, "no Python 3 with numpy and torch here");
        Path torchScript = Files.writeString(dir.resolve("torch_export.py"), PythonExportTest.script(Framework.PYTORCH, SMALL));
        List<String> out = py(python, """
                import torch
                g = np.random.default_rng(1)
                for layers in ([784, 128, 28, 128, 784], [784, 32, 784], [784, 64, 64, 100, 784], [20, 9, 5, 5, 9, 20]):
                    for kind in ('plain', 'denoising', 'sparse', 'vae'):
                        r = dict(s.RUNS[0], layers=layers, kind=kind)
                        module = t.kind_of(r).build(r)
                        assert s.names(r) == t.kind_of(r).names(r), (s.names(r), t.kind_of(r).names(r))
                        shapes = [(a, b) for a, b in zip(layers, layers[1:])] + ([(layers[s.bottleneck(layers) - 1], layers[s.bottleneck(layers)])] if kind == 'vae' else [])
                        params = [p for (n_in, n_out) in shapes for p in (g.standard_normal((n_in, n_out)).astype(np.float32), g.standard_normal(n_out).astype(np.float32))]
                        sd = s.state_dict(r, params)
                        module.load_state_dict({k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in sd.items()}, strict=True)
                        back = s.app_params(r, {k: v.numpy() for k, v in module.state_dict().items()})
                        assert all(np.array_equal(a, b) for a, b in zip(params, back)) and len(back) == len(params)
                        print(kind, len(params), end=' ')
                    print()
                """, torchScript.toString());
        assertEquals(4, out.size(), String.join("\n", out));
        assertEquals("plain 8 denoising 8 sparse 8 vae 10", out.get(0).strip());
        assertEquals("plain 4 denoising 4 sparse 4 vae 6", out.get(1).strip(), "a bottleneck at the first hidden layer: no encoder layer");
    }

    @Test
    void withoutKerasTheScriptSaysSoInOneLine() throws Exception {
        String python = numpyPython();
        assumeTrue(Python.run(List.of(python, "-c", "import keras"), 60).exit() != 0, "this Python has Keras");
        Path script = Files.writeString(dir.resolve("k.py"), PythonExportTest.script(Framework.KERAS, SMALL));
        Python.Result r = Python.run(List.of(python, script.toString(), MNIST.toString()), 60);
        assertNotEquals(0, r.exit());
        assertEquals(1, r.output().strip().lines().count(), r.output());
        assertTrue(r.output().startsWith("error: this script needs Keras 3"), r.output());
    }

    @Test
    void theScriptCarriesEachKindAndItsSettings() throws Exception {
        for (Framework f : Framework.values()) {
            String s = PythonExportTest.script(f,
                    SMALL.with(Settings.KIND, ModelKind.DENOISING).with(Settings.NOISE, new Noise(Noise.Type.MASKING, 0.25)),
                    SMALL.with(Settings.KIND, ModelKind.SPARSE).with(Settings.L1, 0.003),
                    SMALL.with(Settings.KIND, ModelKind.VAE).with(Settings.BETA, 2.5));
            for (String want : List.of("\"kind\": \"denoising\"", "\"noise\": \"masking:0.25\"", "\"kind\": \"sparse\"",
                    "\"l1\": 0.003", "\"kind\": \"vae\"", "\"beta\": 2.5"))
                assertTrue(s.contains(want), () -> f + " script lacks " + want);
            assertFalse(s.contains("trains plain ones"), "no kind is refused");
            String python = Python.thatCan("import py_compile").orElse(null);
            if (python == null) continue;
            Path py = Files.writeString(dir.resolve(f + "-kinds.py"), s);
            Python.Result r = Python.run(List.of(python, "-m", "py_compile", py.toString()), 60);
            assertEquals(0, r.exit(), r.output());
        }
    }

    /**
     * Trains the four kinds with Keras where it is installed (point $AELAB_PYTHON at a Python with Keras 3,
     * e.g. with KERAS_BACKEND=jax): each finishes with finite figures, the sparse run's test loss carries
     * its L1 term, the VAE's loss is per image (hundreds of nats) while its reconstructions learned, and its
     * weights come out under the PyTorch module's names.
     */
    @Test
    void eachKindTrainsWithKeras() throws Exception {
        String python = Python.thatCan("import numpy, keras").orElse(null);
        assumeTrue(python != null, "no Python 3 with Keras and numpy here (TensorFlow/Keras is not installable on the build machine)");
        Path script = Files.writeString(dir.resolve("kinds.py"), PythonExportTest.script(Framework.KERAS, SMALL,
                SMALL.with(Settings.KIND, ModelKind.DENOISING), SMALL.with(Settings.KIND, ModelKind.DENOISING)
                        .with(Settings.NOISE, new Noise(Noise.Type.MASKING, 0.3)),
                SMALL.with(Settings.KIND, ModelKind.SPARSE).with(Settings.L1, 0.01), SMALL.with(Settings.KIND, ModelKind.VAE)));
        Python.Result r = Python.run(List.of(python, script.toString(), MNIST.toString(), "--out", dir.toString()), 1200);
        assertEquals(0, r.exit(), r.output());
        Matcher m = Pattern.compile("epoch 2/2  train_loss (\\S+)  test_loss (\\S+)  test_bce (\\S+)  test_mse (\\S+) ").matcher(r.output());
        List<double[]> figures = new ArrayList<>();
        while (m.find()) {
            double[] f = {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
            for (double v : f) assertTrue(Double.isFinite(v) && v > 0, r.output());
            figures.add(f);
        }
        assertEquals(5, figures.size(), r.output());
        assertTrue(figures.get(3)[1] > figures.get(3)[2] + 1e-4, "sparse: the test loss adds the code's L1 to the BCE: " + r.output());
        assertTrue(figures.get(4)[1] > 50, "vae: the loss is per image: " + r.output());
        assertTrue(figures.get(4)[2] < 0.5, "vae: its reconstructions learned something: " + r.output());
        try (ZipFile z = new ZipFile(dir.resolve("kinds-run5.npz").toFile())) {
            assertEquals(List.of("decoder.0.bias.npy", "decoder.0.weight.npy", "decoder.2.bias.npy", "decoder.2.weight.npy",
                            "decoder.4.bias.npy", "decoder.4.weight.npy", "encoder.0.bias.npy", "encoder.0.weight.npy",
                            "encoder.2.bias.npy", "encoder.2.weight.npy", "logvar.bias.npy", "logvar.weight.npy",
                            "mu.bias.npy", "mu.weight.npy"),
                    z.stream().map(e -> e.getName()).sorted().toList());
        }
    }
}
