package aelab.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting of an experiment, described once: its name, type, range, default, unit, tooltip,
 * command-line flag and file key. The experiment file, the preferences, the command line, the settings
 * form, the results labels and the Python export all read these descriptions ({@link Settings#ALL});
 * none of them spells a setting out by hand.
 *
 * @param <T> the value's type: Integer, Long, Double, an enum, or int[] for widths
 */
public final class Setting<T> {

    /** The kinds of value a setting can hold; a reader handles each kind once, not each setting. */
    public enum Kind {
        WHOLE("a whole number"), LONG("a whole number"), DECIMAL("a number"), CHOICE("one of the choices"),
        WIDTHS("whole numbers separated by commas"), TEXT("a value in its own notation");

        private final String noun;

        Kind(String noun) { this.noun = noun; }

        /** "a whole number": what a text must be to parse. */
        public String noun() { return noun; }
    }

    /** A reason why a setting's value cannot be trained; {@code toString()} is "batch size: must be …". */
    public record Problem(Setting<?> setting, String message) {
        @Override public String toString() { return setting.name() + ": " + message; }

        /** The problems as one line, "a; b". */
        public static String join(List<Problem> problems) {
            List<String> s = new ArrayList<>();
            for (Problem p : problems) s.add(p.toString());
            return String.join("; ", s);
        }
    }

    private final String name, key, flag, paramLabel, unit, tooltip, zeroMeans, phrase;
    private final Kind kind;
    private final Class<T> type;
    private final T defaultValue;
    private final double min, max;
    private final boolean minExclusive, remembered, optionalInFiles;
    private final Function<String, T> parser;
    private final Function<TrainingConfig, T> value;
    private final Predicate<T> allowed;
    private final String notAllowed;

    private Setting(Builder<T> b) {
        name = b.name;
        key = b.key;
        flag = b.flag;
        paramLabel = b.paramLabel;
        unit = b.unit;
        tooltip = b.tooltip;
        zeroMeans = b.zeroMeans;
        phrase = b.phrase;
        kind = b.kind;
        type = b.type;
        defaultValue = b.defaultValue;
        min = b.min;
        max = b.max;
        minExclusive = b.minExclusive;
        remembered = b.remembered;
        optionalInFiles = b.optionalInFiles;
        parser = b.parser;
        value = b.value;
        allowed = b.allowed;
        notAllowed = b.notAllowed;
    }

    /** "batch size": how labels and messages name it. */
    public String name() { return name; }

    /** "Batch size": the name as a form's label. */
    public String title() { return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1); }

    /** "batchSize": the key in the experiment file and the preferences. */
    public String key() { return key; }

    /** "batch_size": the key in an exported Python script. */
    public String pythonKey() { return key.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT); }

    /** "batch": the command-line option is {@code --batch}. */
    public String flag() { return flag; }

    /** "N", "X", "softmax|sigmoid|linear": the value's placeholder in the usage text. */
    public String paramLabel() {
        if (paramLabel != null) return paramLabel;
        if (kind != Kind.CHOICE) return kind == Kind.DECIMAL ? "X" : "N";
        List<String> c = new ArrayList<>();
        for (T v : choices()) c.add(v.toString());
        return String.join("|", c);
    }

    /** "images", "" when the value has no unit. */
    public String unit() { return unit; }

    /** One sentence on what it does, for a tooltip and the usage text. */
    public String tooltip() { return tooltip; }

    /** The meaning of 0 ("all cores"), or null when 0 means 0. */
    public String zeroMeans() { return zeroMeans; }

    public Kind kind() { return kind; }

    public Class<T> type() { return type; }

    public T defaultValue() { return kind == Kind.WIDTHS ? type.cast(((int[]) defaultValue).clone()) : defaultValue; }

    /** Smallest and largest value (of each width, for WIDTHS); unused for choices. */
    public double min() { return min; }

    public double max() { return max; }

    /** Whether the app remembers it across restarts (limits and threads belong to the window). */
    public boolean remembered() { return remembered; }

    /**
     * Whether files written before this setting existed may lack it: readers then take the default,
     * which is what those files meant (a plain autoencoder, say).
     */
    public boolean optionalInFiles() { return optionalInFiles; }

    /** How a label names a value that differs between runs, e.g. "lr %s"; null when labels leave it out. */
    public String phrase() { return phrase; }

    /** This setting's value in a config. */
    public T get(TrainingConfig c) { return value.apply(c); }

    /** This setting's value in a config, as a person types it. */
    public String text(TrainingConfig c) { return format(get(c)); }

    /** The values a choice may take (all of the enum's constants that are allowed), in order. */
    public List<T> choices() {
        List<T> c = new ArrayList<>();
        if (kind == Kind.CHOICE) for (T v : type.getEnumConstants()) if (allowed.test(v)) c.add(v);
        return c;
    }

    /** The value as a person types it: "100", "0.001", "sigmoid", "784,128,784". */
    public String format(T v) {
        return switch (kind) {
            case DECIMAL -> {
                double d = (Double) v;
                yield Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
            }
            case WIDTHS -> {
                StringBuilder s = new StringBuilder();
                for (int w : (int[]) v) s.append(s.length() == 0 ? "" : ",").append(w);
                yield s.toString();
            }
            default -> v.toString();
        };
    }

    /**
     * Reads a value as typed (choices by label or Java name, any case; widths split by commas, dashes or
     * spaces). Throws IllegalArgumentException saying what the text should be, without the setting's name.
     */
    public T parse(String text) {
        String s = text.trim();
        try {
            return switch (kind) {
                case WHOLE -> type.cast(Integer.valueOf(s));
                case LONG -> type.cast(Long.valueOf(s));
                case DECIMAL -> {
                    double d = Double.parseDouble(s);
                    if (!Double.isFinite(d)) throw new NumberFormatException(s);
                    yield type.cast(d);
                }
                case WIDTHS -> type.cast(widths(s));
                case TEXT -> type.cast(parser.apply(s));
                case CHOICE -> {
                    for (T v : type.getEnumConstants())
                        if (v.toString().equalsIgnoreCase(s) || ((Enum<?>) v).name().equalsIgnoreCase(s)) yield v;
                    throw new IllegalArgumentException("'" + s + "' is not one of " + String.join(", ", labels(type.getEnumConstants())));
                }
            };
        } catch (NumberFormatException e) {
            String example = kind == Kind.DECIMAL ? " (write e.g. " + format(defaultValue) + ")" : "";
            throw new IllegalArgumentException((s.isEmpty() ? "type " + kind.noun() : "'" + s + "' is not " + kind.noun()) + example);
        }
    }

    /**
     * "784,128,784", "784-128-784" or "784 128 784"; one separator between widths, so "784,,784" (an
     * empty width) and "784,-5,784" (a negative one) are refused, not read as 784-784 and 784-5-784.
     */
    private int[] widths(String s) {
        String[] parts = s.split("\\s*[,\\-\\s]\\s*", -1);
        for (String part : parts)
            if (part.isEmpty() && !s.isEmpty())
                throw new IllegalArgumentException("'" + (s.length() <= 40 ? s : s.substring(0, 40) + "…")
                        + "' has an empty or negative width (write e.g. " + format(defaultValue) + ")");
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException((parts[i].isEmpty() ? "type " + kind.noun() : "'" + parts[i]
                        + "' is not a whole number") + " (write e.g. " + format(defaultValue) + ")");
            }
        }
        return w;
    }

    /** What is wrong with this value on its own (range, allowed choices); empty when nothing is. */
    public Optional<String> check(T v) {
        if (kind == Kind.CHOICE || kind == Kind.TEXT) return allowed.test(v) ? Optional.empty() : Optional.of(notAllowed(v));
        if (kind == Kind.WIDTHS) {
            for (int w : (int[]) v) if (!inRange(w)) return Optional.of("every width must be " + rangeText());
            return Optional.empty();
        }
        double d = ((Number) v).doubleValue();
        return inRange(d) ? Optional.empty() : Optional.of("must be " + rangeText());
    }

    /** The problem with this setting's value in a config, if any. */
    Optional<Problem> problem(TrainingConfig c) {
        return check(get(c)).map(m -> new Problem(this, m));
    }

    private boolean inRange(double d) {
        return (minExclusive ? d > min : d >= min) && d <= max;
    }

    /** "between 1 and 10000", "greater than 0 and at most 10", "0 (all images) or a positive count". */
    public String rangeText() {
        String low = plain(min) + (zeroMeans != null && min == 0 ? " (" + zeroMeans + ")" : "");
        if (minExclusive) return "greater than " + low + " and at most " + plain(max);
        if (max == Integer.MAX_VALUE || max == Long.MAX_VALUE) return low + " or a positive count";
        return "between " + low + " and " + plain(max);
    }

    private String notAllowed(T v) {
        return notAllowed.replace("{value}", v.toString());
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String[] labels(Object[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) s[i] = values[i].toString();
        return s;
    }

    @Override public String toString() { return name; }

    static <T> Builder<T> of(Kind kind, Class<T> type, String name, String key, String flag) {
        return new Builder<>(kind, type, name, key, flag);
    }

    /** Builds one description; used by {@link Settings} only. */
    static final class Builder<T> {
        private final Kind kind;
        private final Class<T> type;
        private final String name, key, flag;
        private String paramLabel, unit = "", tooltip = "", zeroMeans, phrase, notAllowed = "";
        private T defaultValue;
        private double min = Long.MIN_VALUE, max = Long.MAX_VALUE;
        private boolean minExclusive, remembered = true, optionalInFiles;
        private Function<String, T> parser;
        private Function<TrainingConfig, T> value;
        private Predicate<T> allowed = v -> true;

        private Builder(Kind kind, Class<T> type, String name, String key, String flag) {
            this.kind = kind;
            this.type = type;
            this.name = name;
            this.key = key;
            this.flag = flag;
        }

        Builder<T> value(Function<TrainingConfig, T> getter, T fallback) {
            value = getter;
            defaultValue = fallback;
            return this;
        }

        Builder<T> range(double lo, double hi) {
            min = lo;
            max = hi;
            return this;
        }

        /** The lower bound itself is not allowed: (lo, hi]. */
        Builder<T> above(double lo, double hi) {
            minExclusive = true;
            return range(lo, hi);
        }

        Builder<T> zeroMeans(String meaning) {
            zeroMeans = meaning;
            return this;
        }

        Builder<T> allowed(Predicate<T> test, String message) {
            allowed = test;
            notAllowed = message;
            return this;
        }

        Builder<T> unit(String u) {
            unit = u;
            return this;
        }

        Builder<T> tooltip(String t) {
            tooltip = t;
            return this;
        }

        Builder<T> paramLabel(String p) {
            paramLabel = p;
            return this;
        }

        Builder<T> phrase(String p) {
            phrase = p;
            return this;
        }

        /** A TEXT setting's reader: throws IllegalArgumentException saying what to write. */
        Builder<T> parser(Function<String, T> p) {
            parser = p;
            return this;
        }

        /** Added after files existed: a file without it means the default. */
        Builder<T> optionalInFiles() {
            optionalInFiles = true;
            return this;
        }

        Builder<T> notRemembered() {
            remembered = false;
            return this;
        }

        Setting<T> build() { return new Setting<>(this); }
    }
}
