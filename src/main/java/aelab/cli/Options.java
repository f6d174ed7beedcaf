package aelab.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The options and arguments of one command as picocli matched them ({@link Commands}): names without
 * the leading dashes, values as typed. Picocli has already refused unknown options, missing values
 * and an option given twice; what is left is reading each value and checking it.
 */
final class Options {
    private final Map<String, String> values;
    private final List<String> positional;

    Options(Map<String, String> values, List<String> positional) {
        this.values = Map.copyOf(values);
        this.positional = List.copyOf(positional);
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
            throw new UsageException("--" + name + " needs a whole number, not '" + Commands.quoted(v) + "'");
        }
    }

    /**
     * The file an option names, checked before any training: a folder that cannot be written, a parent
     * that is a file, a target that is a folder or an empty name fail now, not after the run.
     */
    java.nio.file.Path target(String name) throws UsageException {
        if (!has(name)) return null;
        // "-" means standard output elsewhere (export-python --out); here it would quietly make a file named "-".
        if (values.get(name).equals("-"))
            throw new UsageException("--" + name + ": give a file name, e.g. run.aelab; this file cannot go to standard output");
        java.nio.file.Path p = java.nio.file.Path.of(values.get(name));
        java.util.Optional<String> why = aelab.io.AtomicFiles.checkWritable(p);
        if (why.isPresent()) throw new UsageException("--" + name + ": cannot write there: " + why.get());
        return p;
    }

    /** The folder an option names, checked as {@link #target} checks a file, by a file it would hold. */
    java.nio.file.Path folder(String name) throws UsageException {
        if (!has(name)) return null;
        java.nio.file.Path p = java.nio.file.Path.of(values.get(name));
        if (p.toString().isEmpty()) throw new UsageException("--" + name + ": no folder name given");
        if (java.nio.file.Files.exists(p) && !java.nio.file.Files.isDirectory(p))
            throw new UsageException("--" + name + ": " + p + " is a file, not a folder");
        java.util.Optional<String> why = aelab.io.AtomicFiles.checkWritable(p.resolve("metrics.csv"));
        if (why.isPresent()) throw new UsageException("--" + name + ": cannot write there: " + why.get());
        return p;
    }

    /** Parses with an enum's own parser, turning its IllegalArgumentException into a usage error. */
    <T> T choice(String name, T fallback, Function<String, T> parser) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }
}
