package aelab.cli;

import aelab.engine.OptimizerKind;
import aelab.engine.Setting;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;

/**
 * The experiment options shared by train and compare: one {@code --flag} per setting of
 * {@link Settings#ALL}, its usage line and its parsing generated from the setting's description.
 */
final class ConfigOptions {
    private ConfigOptions() { }

    /** The option's help line: the setting's tooltip and its default. */
    static String description(Setting<?> s) {
        TrainingConfig d = TrainingConfig.defaults();
        String given = s == Settings.LEARNING_RATE ? "the optimizer's, adam " + s.text(d)
                : s.zeroMeans() != null && s.text(d).equals("0") ? s.zeroMeans() : s.text(d);
        return s.tooltip() + " (default " + given + ")";
    }

    static TrainingConfig parse(Options o) throws UsageException {
        OptimizerKind opt = value(o, Settings.OPTIMIZER, Settings.OPTIMIZER.defaultValue());
        return TrainingConfig.read(s -> value(o, s, s == Settings.LEARNING_RATE ? opt.defaultLearningRate() : s.defaultValue()));
    }

    /** The option's value, parsed and checked by its setting; the fallback when it is not given. */
    private static <T> T value(Options o, Setting<T> s, Object fallback) throws UsageException {
        if (!o.has(s.flag())) return s.type().cast(fallback);
        String text = o.string(s.flag(), "");
        T v;
        try {
            v = s.parse(text);
        } catch (IllegalArgumentException e) {
            boolean number = s.kind() == Setting.Kind.WHOLE || s.kind() == Setting.Kind.LONG || s.kind() == Setting.Kind.DECIMAL;
            throw new UsageException(number ? "--" + s.flag() + " needs " + s.kind().noun() + ", not '" + text.trim() + "'"
                    : "--" + s.flag() + ": " + e.getMessage());
        }
        var problem = s.check(v);
        if (problem.isPresent()) throw new UsageException("--" + s.flag() + " " + problem.get() + ", not " + text.trim());
        return v;
    }
}
