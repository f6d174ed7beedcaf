package aelab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses {@code --name value} and {@code --name=value} options against a fixed set of names. */
final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    Options(String[] args, int from, Set<String> allowed) throws UsageException {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                positional.add(a);
                continue;
            }
            String name = a.substring(2), value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) throw new UsageException("--" + name + " needs a value");
                value = args[++i];
            }
            if (!allowed.contains(name)) throw new UsageException("unknown option --" + name);
            if (values.put(name, value) != null) throw new UsageException("--" + name + " is given twice");
        }
    }

    List<String> positional() { return positional; }

    boolean has(String name) { return values.containsKey(name); }

    String string(String name, String fallback) { return values.getOrDefault(name, fallback); }

    int integer(String name, int fallback, int min, int max) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, not '" + v + "'");
        }
    }

    long longValue(String name, long fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a whole number, not '" + v + "'");
        }
    }

    double decimal(String name, double fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d > 0) || Double.isInfinite(d)) throw new UsageException("--" + name + " must be a positive number, not " + v);
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " needs a number, not '" + v + "'");
        }
    }

    /** Parses with an enum's own parser, turning its IllegalArgumentException into a usage error. */
    <T> T choice(String name, T fallback, java.util.function.Function<String, T> parser) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }
}
