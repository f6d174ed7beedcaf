package aelab.io;

import aelab.engine.EpochMetrics;
import aelab.engine.KindFigures;
import aelab.engine.Setting;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a {@link TrainingConfig} ({@link Settings#ALL}, under its file key), and an
 * {@link EpochMetrics}, as JSON objects and back. Enum values are written as their Java names in lower
 * case ({@code "sigmoid"}, {@code "rmsprop"}), which do not change when a label in the UI does.
 */
final class SettingsJson {
    private SettingsJson() { }

    static Map<String, Object> write(TrainingConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Setting<?> s : Settings.ALL) m.put(s.key(), value(s, c));
        return m;
    }

    /** A setting's value as JSON: numbers, a lower-case enum name, a list of widths. */
    static Object value(Setting<?> s, TrainingConfig c) {
        Object v = s.get(c);
        return switch (s.kind()) {
            case WHOLE -> (long) (Integer) v;
            case LONG, DECIMAL -> v;
            case CHOICE -> JsonObject.name((Enum<?>) v);
            case TEXT -> formatted(s, v);
            case WIDTHS -> {
                List<Object> widths = new ArrayList<>();
                for (int w : (int[]) v) widths.add((long) w);
                yield widths;
            }
        };
    }

    /** Reads settings and checks them with the engine's own rules ({@link TrainingConfig#problems}). */
    static TrainingConfig read(JsonObject o) throws JsonException {
        TrainingConfig c = TrainingConfig.read(s -> read(o, s));
        try {
            SavedRun.checkSettings(c);
        } catch (IllegalArgumentException e) {
            throw new JsonException(o.path() + ": " + e.getMessage());
        }
        return c;
    }

    private static <T> String formatted(Setting<T> s, Object v) { return s.format(s.type().cast(v)); }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(JsonObject o, Setting<?> s) throws JsonException {
        if (s.optionalInFiles() && !o.has(s.key())) return s.defaultValue(); // written before the setting existed
        return switch (s.kind()) {
            case WHOLE -> o.integer(s.key(), (int) s.min(), (int) s.max());
            case LONG -> o.longValue(s.key());
            case DECIMAL -> o.number(s.key());
            case CHOICE -> o.choice(s.key(), (Class) s.type());
            case WIDTHS -> o.ints(s.key(), (int) s.min(), (int) s.max());
            case TEXT -> {
                try {
                    yield s.parse(o.string(s.key()));
                } catch (IllegalArgumentException e) {
                    throw new JsonException(o.path(s.key()) + ": " + e.getMessage());
                }
            }
        };
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
        String[] names = KIND_FIGURES;
        double[] v = e.kind().values();
        for (int i = 0; i < names.length; i++) if (!Double.isNaN(v[i])) m.put(names[i], v[i]);
        return m;
    }

    /** The keys of {@link KindFigures}' values, in order; each written only where the kind has it. */
    private static final String[] KIND_FIGURES = {"noisyTestBce", "noisyTestMse", "codeL1", "codeZeroFraction",
            "testRecon", "testKl"};

    static EpochMetrics readEpoch(JsonObject o) throws JsonException {
        double[] k = new double[KIND_FIGURES.length];
        for (int i = 0; i < k.length; i++) k[i] = o.has(KIND_FIGURES[i]) ? o.number(KIND_FIGURES[i]) : Double.NaN;
        return new EpochMetrics(o.integer("epoch", 1, 10_000), o.number("trainLoss"), o.number("testLoss"),
                o.number("testBce"), o.number("testMse"), o.number("outputSum"), o.number("seconds"),
                new KindFigures(k[0], k[1], k[2], k[3], k[4], k[5]));
    }
}
