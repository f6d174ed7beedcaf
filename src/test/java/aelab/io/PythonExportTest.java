package aelab.io;

import aelab.data.Dataset;
import aelab.engine.Activation;
import aelab.engine.EpochMetrics;
import aelab.engine.Loss;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.Settings;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;
import aelab.engine.TrainingListener;
import aelab.io.PythonExport.Framework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PythonExportTest {
    @TempDir
    Path dir;

    /** Settings in which every value is distinct, so each one's presence can be asserted. */
    static final TrainingConfig ODD = new TrainingConfig(new int[]{784, 100, 30, 100, 784}, Activation.TANH,
            Activation.LINEAR, Loss.MSE, Scale.RAW, 7, 33, 0.0123, OptimizerKind.SGD, 987654321L, 1234, 321, 3);

    static String script(Framework f, TrainingConfig... configs) {
        List<String> labels = new ArrayList<>();
        for (TrainingConfig c : configs) labels.add(c.label());
        return PythonExport.script(List.of(configs), labels, "MNIST (bundled)", f);
    }

    @ParameterizedTest
    @EnumSource(Framework.class)
    void theScriptCarriesEverySetting(Framework f) {
        String s = script(f, ODD, TrainingConfig.defaults().with(Settings.OPTIMIZER, OptimizerKind.RMSPROP),
                TrainingConfig.defaults().with(Settings.LEARNING_RATE, 2.5e-4));
        for (String want : List.of("\"label\": \"linear + mse, raw 0–255\"", "\"layers\": [784, 100, 30, 100, 784]",
                "\"hidden\": \"tanh\"", "\"output\": \"linear\"", "\"loss\": \"mse\"", "\"scale\": \"raw\"",
                "\"epochs\": 7", "\"batch_size\": 33", "\"learning_rate\": 0.0123",
                "\"optimizer\": {\"name\": \"sgd\", \"momentum\": 0.9}", "\"seed\": 987654321",
                "\"train_limit\": 1234", "\"test_limit\": 321", "\"threads\": 3",
                "\"optimizer\": {\"name\": \"rmsprop\", \"rho\": 0.9, \"epsilon\": 1.0E-7}",
                "\"optimizer\": {\"name\": \"adam\", \"beta_1\": 0.9, \"beta_2\": 0.999, \"epsilon\": 1.0E-7}",
                "\"learning_rate\": 2.5E-4", "\"output\": \"sigmoid\"", "\"loss\": \"bce\"", "\"scale\": \"unit\"",
                "\"hidden\": \"relu\"", "\"seed\": 42", "trained on MNIST (bundled)"))
            assertTrue(s.contains(want), () -> f + " script lacks " + want);
        assertFalse(s.contains("@RUNS@") || s.contains("@COMMON@") || s.contains("@HEADER@") || s.contains("@BCE_EPSILON@")
                || s.contains("@EXPERIMENT@") || s.contains("@KINDS@"), "every marker is filled");
        assertEquals(f == Framework.PYTORCH, s.contains("class Vae(Plain):"), "the kinds are PyTorch's");
        assertTrue(s.contains("METRICS_HEADER = \"" + aelab.app.model.MetricsCsv.HEADER + "\""), "the app's CSV columns");
        assertTrue(s.contains("EPSILON = " + Loss.EPSILON + "  #"), "BCE's clip comes from the engine");
    }

    @Test
    void theOptimizerConstantsAreTheEngines() {
        // Adam, Sgd and RmsProp print their hyper-parameters as floats, named as Keras names them without "_"
        for (OptimizerKind kind : OptimizerKind.values()) {
            String engine = kind.create(new int[]{1}, 0.001).toString();
            assertFalse(kind.hyperParameters().isEmpty(), kind::toString);
            kind.hyperParameters().forEach((name, v) -> assertTrue(
                    engine.contains(name.replace("_", "") + "=" + v.floatValue()), () -> engine + " lacks " + name + "=" + v));
            assertEquals(kind.hyperParameters().size(), engine.split("=").length - 2, () -> engine + ": one entry per parameter besides lr");
        }
    }

    @Test
    void aLabelWithQuotesAndNewlinesStaysOneStringAndTheDatasetNameOneComment() throws Exception {
        String s = PythonExport.script(List.of(ODD), List.of("a \"quoted\"\nlabel \\ é"), "evil\nimport os", Framework.PYTORCH);
        assertTrue(s.contains("\"label\": \"a \\\"quoted\\\"\\nlabel \\\\ é\""), s);
        assertTrue(s.contains("trained on evil import os."), "control characters of the name become spaces");
        compile(s);
    }

    @ParameterizedTest
    @EnumSource(Framework.class)
    void theScriptIsValidPython(Framework f) throws Exception {
        compile(script(f, ODD, TrainingConfig.defaults()));
    }

    @Test
    void aSavedExperimentsScriptKnowsItsFileAndEachRunsPlaceInIt() throws Exception {
        String saved = PythonExport.script(TinyRuns.experiment(OptimizerKind.ADAM, OptimizerKind.SGD), "../runs \"1\".aelab",
                Framework.PYTORCH);
        assertTrue(saved.contains("EXPERIMENT = \"../runs \\\"1\\\".aelab\""), "a Python string literal of the path");
        assertTrue(saved.contains("\"index\": 0") && saved.contains("\"index\": 1"), "each run's place in the file");
        String unsaved = script(Framework.PYTORCH, ODD);
        assertTrue(unsaved.contains("EXPERIMENT = None") && !unsaved.contains("\"index\": "), "unsaved runs start fresh");
        compile(saved);
    }

    @Test
    void theDefaultScriptNameSitsBesideTheExperiment() {
        assertEquals("runs-pytorch.py", PythonExport.defaultName("runs.aelab", Framework.PYTORCH));
        assertEquals("runs.zip-keras.py", PythonExport.defaultName("runs.zip", Framework.KERAS));
    }

    /**
     * Runs the script for real where the framework is installed: PyTorch is (python3-torch), Keras usually
     * is not — point $AELAB_PYTHON at a Python with Keras 3 (and e.g. KERAS_BACKEND=jax) to run that too.
     */
    @ParameterizedTest
    @EnumSource(Framework.class)
    void theScriptTrainsLikeTheApp(Framework f) throws Exception {
        String python = Python.thatCan("import numpy, " + (f == Framework.KERAS ? "keras" : "torch")).orElse(null);
        assumeTrue(python != null, "no Python 3 with " + f.title() + " and numpy here");
        TrainingConfig small = TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 500).with(Settings.TEST_LIMIT, 200).with(Settings.EPOCHS, 2).with(Settings.BATCH_SIZE, 50);
        TrainingConfig[] runs = {small, small.with(Settings.OUTPUT, Activation.SOFTMAX).with(Settings.SCALE, Scale.RAW).with(Settings.OPTIMIZER, OptimizerKind.RMSPROP),
                small.with(Settings.OUTPUT, Activation.LINEAR).with(Settings.LOSS, Loss.MSE).with(Settings.OPTIMIZER, OptimizerKind.SGD).with(Settings.LEARNING_RATE, 0.01),
                small.with(Settings.LOSS, Loss.MAE).with(Settings.HIDDEN, Activation.TANH).with(Settings.SEED, -7L)};
        Path py = Files.writeString(dir.resolve("run.py"), script(f, runs));
        Python.Result r = Python.run(List.of(python, py.toString(), Path.of("assets/mnist").toAbsolutePath().toString()), 600);
        assertEquals(0, r.exit(), r.output());
        Matcher m = Pattern.compile("epoch 2/2 .* test_bce (\\S+)  test_mse (\\S+) ").matcher(r.output());
        List<Double> bce = new ArrayList<>();
        while (m.find()) {
            double b = Double.parseDouble(m.group(1)), e = Double.parseDouble(m.group(2));
            assertTrue(b > 0 && b < 2 && e > 0 && e < 1, m.group());
            bce.add(b);
        }
        assertEquals(4, bce.size(), r.output());
        // Other random numbers, same experiment: within a fifth of the app's figure (when written, the
        // sigmoid + bce run's test BCE was 0.327 in the app, 0.302 with PyTorch, 0.297 with Keras 3)
        double app0 = appTestBce(runs[0]), app1 = appTestBce(runs[1]);
        assertEquals(app0, bce.get(0), 0.2 * app0, r.output());
        assertEquals(app1, bce.get(1), 0.2 * app1, r.output());
    }

    static double appTestBce(TrainingConfig c) throws Exception {
        List<EpochMetrics> epochs = new ArrayList<>();
        new Trainer(c, Dataset.loadBundledMnist(), new TrainingListener() {
            @Override public void epoch(EpochMetrics m) { epochs.add(m); }
        }).run();
        return epochs.get(epochs.size() - 1).testBce();
    }

    void compile(String script) throws Exception {
        String python = Python.thatCan("import py_compile").orElse(null);
        assumeTrue(python != null, "no Python 3 here");
        Path py = Files.writeString(dir.resolve("script.py"), script);
        Python.Result r = Python.run(List.of(python, "-m", "py_compile", py.toString()), 60);
        assertEquals(0, r.exit(), r.output());
    }
}
