package aelab.io;

import aelab.engine.Loss;
import aelab.engine.OptimizerKind;
import aelab.engine.Setting;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Export as Python": a standalone Keras or PyTorch script that trains an experiment's runs with the same
 * settings, from the weights saved in the experiment file beside it or from fresh ones, loads MNIST from
 * IDX files in a folder given on its command line, prints the app's per-epoch figures and writes the
 * weights and metrics back, so a run can be taken further outside the app (docs/python-scripts.md).
 *
 * The scripts are templates under {@code /aelab/io/python/} (real Python, compiled by the tests) with
 * the runs filled in as a literal list of dicts; the shared part ({@code common.py}) and the PyTorch
 * kinds of autoencoder ({@code pytorch_kinds.py}) are put in place of their markers. JSON's syntax is a
 * subset of Python's for the values used here (strings, whole numbers, finite doubles, lists, objects),
 * so the list is written as JSON.
 * Each run holds every setting of {@link Settings#ALL} under its Python key; the optimizer's
 * hyper-parameters and BCE's clip ε come from the engine ({@link OptimizerKind#hyperParameters},
 * {@link Loss#EPSILON}), so the script cannot disagree with the app.
 */
public final class PythonExport {
    private static final String TEMPLATES = "/aelab/io/python/";

    public enum Framework {
        KERAS("keras", "Keras"), PYTORCH("pytorch", "PyTorch");

        private final String label, title;

        Framework(String label, String title) {
            this.label = label;
            this.title = title;
        }

        public String title() { return title; }

        public static Framework parse(String s) {
            for (Framework f : values()) if (f.label.equalsIgnoreCase(s.trim())) return f;
            throw new IllegalArgumentException("unknown framework '" + s + "' (keras, pytorch)");
        }

        @Override public String toString() { return label; }
    }

    private PythonExport() { }

    /**
     * A script that trains every run of the experiment, in order, starting by default from the weights
     * and optimizer state the script reads from {@code fileName} (the experiment file's name, looked for
     * beside the script; each run's dict carries its {@code index} in the file).
     */
    public static String script(Experiment e, String fileName, Framework framework) {
        List<TrainingConfig> configs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (SavedRun r : e.runs()) {
            configs.add(r.config());
            labels.add(r.label());
        }
        return script(configs, labels, e.datasetName(), fileName, framework);
    }

    /** A script for runs that need not have been saved (labels as the legends show them): from fresh weights. */
    public static String script(List<TrainingConfig> configs, List<String> labels, String datasetName, Framework framework) {
        return script(configs, labels, datasetName, null, framework);
    }

    private static String script(List<TrainingConfig> configs, List<String> labels, String datasetName, String fileName,
                                 Framework framework) {
        if (configs.isEmpty() || configs.size() != labels.size())
            throw new IllegalArgumentException("give one label per run, and at least one run");
        List<Object> runs = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            Map<String, Object> run = run(configs.get(i), labels.get(i));
            if (fileName != null) run.put("index", (long) i);
            runs.add(run);
        }
        String header = "# Exported by Autoencoder Lab " + AppVersion.VERSION + " for " + framework.title()
                + " from an experiment trained on " + datasetName.replaceAll("\\p{Cntrl}", " ") + ".";
        return template(framework.label + ".py")
                .replace("# @KINDS@\n", framework == Framework.PYTORCH ? template("pytorch_kinds.py").replaceFirst("^#.*\n", "") : "")
                .replace("# @HEADER@", header)
                .replace("RUNS = []  # @RUNS@", RUNS_COMMENT + "RUNS = " + Json.write(runs).strip())
                .replace("# @COMMON@\n", template("common.py")
                        .replace("EPSILON = None  # @BCE_EPSILON@", "EPSILON = " + Float.toString(Loss.EPSILON)
                                + "  # the app's Loss.EPSILON")
                        .replace("EXPERIMENT = None  # @EXPERIMENT@", "EXPERIMENT = "
                                + (fileName == null ? "None" : Json.write(fileName.replaceAll("\\p{Cntrl}", " ")).strip())));
    }

    private static final String RUNS_COMMENT = """
            # One dict per run. layers: widths, first = last = image size. hidden/output: activations.
            # loss: bce, mse or mae. scale: "unit" feeds pixels / 255, "raw" feeds 0-255 (inputs and targets).
            # train_limit / test_limit: the first N images, 0 = all. threads: 0 = all cores.
            # index: the run's place in the experiment file (whose weights --init trained reads).
            """;

    private static Map<String, Object> run(TrainingConfig c, String label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        for (Setting<?> s : Settings.ALL)
            m.put(s.pythonKey(), s == Settings.OPTIMIZER ? optimizer(c.optimizer()) : SettingsJson.value(s, c));
        return m;
    }

    static Map<String, Object> optimizer(OptimizerKind kind) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", JsonObject.name(kind));
        o.putAll(kind.hyperParameters());
        return o;
    }

    /** The default script name beside an experiment file: runs.aelab → runs-pytorch.py. */
    public static String defaultName(String experimentFileName, Framework framework) {
        String stem = experimentFileName.toLowerCase(Locale.ROOT).endsWith(ExperimentFile.EXTENSION)
                ? experimentFileName.substring(0, experimentFileName.length() - ExperimentFile.EXTENSION.length())
                : experimentFileName;
        return stem + "-" + framework.label + ".py";
    }

    private static String template(String name) {
        try (InputStream in = PythonExport.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) throw new IllegalStateException(TEMPLATES + name + " is missing from the classpath; rebuild the app");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
