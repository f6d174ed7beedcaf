package aelab.io;

import aelab.engine.Activation;
import aelab.engine.EpochMetrics;
import aelab.engine.Loss;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field of a {@link TrainingConfig}, and an {@link EpochMetrics}, as JSON objects and back. Enum
 * values are written as their Java names in lower case ({@code "sigmoid"}, {@code "rmsprop"}), which
 * do not change when a label in the UI does.
 */
final class SettingsJson {
    private SettingsJson() { }

    static Map<String, Object> write(TrainingConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> layers = new ArrayList<>();
        for (int w : c.layers()) layers.add((long) w);
        m.put("layers", layers);
        m.put("hidden", JsonObject.name(c.hidden()));
        m.put("output", JsonObject.name(c.output()));
        m.put("loss", JsonObject.name(c.loss()));
        m.put("scale", JsonObject.name(c.scale()));
        m.put("epochs", (long) c.epochs());
        m.put("batchSize", (long) c.batchSize());
        m.put("learningRate", c.learningRate());
        m.put("optimizer", JsonObject.name(c.optimizer()));
        m.put("seed", c.seed());
        m.put("trainLimit", (long) c.trainLimit());
        m.put("testLimit", (long) c.testLimit());
        m.put("threads", (long) c.threads());
        return m;
    }

    /** Reads settings and checks them with the engine's own rules ({@link TrainingConfig#problems}). */
    static TrainingConfig read(JsonObject o) throws JsonException {
        TrainingConfig c = new TrainingConfig(o.ints("layers", 1, 100_000), o.choice("hidden", Activation.class),
                o.choice("output", Activation.class), o.choice("loss", Loss.class), o.choice("scale", Scale.class),
                o.integer("epochs", 1, 10_000), o.integer("batchSize", 1, 60_000), o.number("learningRate"),
                o.choice("optimizer", OptimizerKind.class), o.longValue("seed"),
                o.integer("trainLimit", 0, Integer.MAX_VALUE), o.integer("testLimit", 0, Integer.MAX_VALUE),
                o.integer("threads", 0, 256));
        try {
            SavedRun.checkSettings(c);
        } catch (IllegalArgumentException e) {
            throw new JsonException(o.path() + ": " + e.getMessage());
        }
        return c;
    }

    static Map<String, Object> write(EpochMetrics e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", (long) e.epoch());
        m.put("trainLoss", e.trainLoss());
        m.put("testLoss", e.testLoss());
        m.put("testBce", e.testBce());
        m.put("testMse", e.testMse());
        m.put("outputSum", e.outputSum());
        m.put("seconds", e.seconds());
        return m;
    }

    static EpochMetrics readEpoch(JsonObject o) throws JsonException {
        return new EpochMetrics(o.integer("epoch", 1, 10_000), o.number("trainLoss"), o.number("testLoss"),
                o.number("testBce"), o.number("testMse"), o.number("outputSum"), o.number("seconds"));
    }
}
