package aelab.io;

import java.util.List;
import java.util.Map;

/**
 * The writing half of {@link Json}. Doubles are written with {@link Double#toString}, whose digits
 * parse back to the very same double, so numbers survive a round trip bit for bit. JSON has no NaN
 * or Infinity: writing one is a programming error, not a file to produce.
 */
final class JsonWriter {
    static final int ONE_LINE = 100; // characters

    private JsonWriter() { }

    static void value(StringBuilder b, Object v, int indent) {
        if (v == null) b.append("null");
        else if (v instanceof String str) string(b, str);
        else if (v instanceof Boolean bool) b.append(bool);
        else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) b.append(v);
        else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) throw new IllegalArgumentException("JSON cannot hold " + d);
            b.append(Double.toString(d));
        } else if (v instanceof Map<?, ?> m) object(b, m, indent);
        else if (v instanceof List<?> l) array(b, l, indent);
        else throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
    }

    private static void object(StringBuilder b, Map<?, ?> m, int indent) {
        if (m.isEmpty()) {
            b.append("{}");
            return;
        }
        if (m.values().stream().allMatch(JsonWriter::flat)) { // a small record of scalars reads best on one line
            StringBuilder line = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (line.length() > 1) line.append(", ");
                string(line, key(e));
                line.append(": ");
                value(line, e.getValue(), indent);
            }
            line.append('}');
            if (line.length() <= ONE_LINE) {
                b.append(line);
                return;
            }
        }
        b.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            b.append(first ? "\n" : ",\n");
            first = false;
            pad(b, indent + 1);
            string(b, key(e));
            b.append(": ");
            value(b, e.getValue(), indent + 1);
        }
        b.append('\n');
        pad(b, indent);
        b.append('}');
    }

    private static String key(Map.Entry<?, ?> e) {
        if (e.getKey() instanceof String key) return key;
        throw new IllegalArgumentException("JSON keys are strings");
    }

    private static boolean scalar(Object x) {
        return x == null || x instanceof Number || x instanceof String || x instanceof Boolean;
    }

    /** A scalar, or an array of scalars: what fits on one line. */
    private static boolean flat(Object x) {
        return scalar(x) || x instanceof List<?> l && l.stream().allMatch(JsonWriter::scalar);
    }

    private static void array(StringBuilder b, List<?> l, int indent) {
        if (l.stream().allMatch(JsonWriter::scalar)) {
            b.append('[');
            for (int k = 0; k < l.size(); k++) {
                if (k > 0) b.append(", ");
                value(b, l.get(k), indent);
            }
            b.append(']');
            return;
        }
        b.append('[');
        for (int k = 0; k < l.size(); k++) {
            b.append(k == 0 ? "\n" : ",\n");
            pad(b, indent + 1);
            value(b, l.get(k), indent + 1);
        }
        b.append('\n');
        pad(b, indent);
        b.append(']');
    }

    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }

    private static void pad(StringBuilder b, int indent) {
        b.append("  ".repeat(indent));
    }
}
