package aelab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed, checked access to a parsed JSON object. Every failure names the field by its path
 * ({@code runs[1].settings.epochs}), so a reader's message points at the exact spot in the file.
 */
final class JsonObject {
    private final Map<String, Object> map;
    private final String path;

    JsonObject(Object value, String path) throws JsonException {
        if (!(value instanceof Map<?, ?> m)) throw new JsonException(where(path) + "expected an object, found " + describe(value));
        @SuppressWarnings("unchecked") Map<String, Object> typed = (Map<String, Object>) m;
        this.map = typed;
        this.path = path;
    }

    String path() { return path; }

    boolean has(String key) { return map.containsKey(key); }

    Object raw(String key) throws JsonException {
        if (!map.containsKey(key)) throw new JsonException(path(key) + ": missing");
        return map.get(key);
    }

    String string(String key) throws JsonException {
        Object v = raw(key);
        if (v instanceof String s) return s;
        throw wrong(key, "a string", v);
    }

    long longValue(String key) throws JsonException {
        Object v = raw(key);
        if (v instanceof Long n) return n;
        throw wrong(key, "a whole number", v);
    }

    int integer(String key, int min, int max) throws JsonException {
        long n = longValue(key);
        if (n < min || n > max) throw new JsonException(path(key) + ": must be between " + min + " and " + max + ", found " + n);
        return (int) n;
    }

    /** A number (whole numbers are accepted too); JSON has no NaN, so it is always finite. */
    double number(String key) throws JsonException {
        Object v = raw(key);
        if (v instanceof Double d) return d;
        if (v instanceof Long n) return n;
        throw wrong(key, "a number", v);
    }

    JsonObject object(String key) throws JsonException {
        return new JsonObject(raw(key), path(key));
    }

    List<Object> array(String key) throws JsonException {
        Object v = raw(key);
        if (v instanceof List<?> l) return new ArrayList<>(l);
        throw wrong(key, "an array", v);
    }

    List<JsonObject> objects(String key) throws JsonException {
        List<Object> a = array(key);
        List<JsonObject> out = new ArrayList<>();
        for (int k = 0; k < a.size(); k++) out.add(new JsonObject(a.get(k), path(key) + "[" + k + "]"));
        return out;
    }

    int[] ints(String key, int min, int max) throws JsonException {
        List<Object> a = array(key);
        int[] out = new int[a.size()];
        for (int k = 0; k < out.length; k++) {
            if (!(a.get(k) instanceof Long n)) throw new JsonException(path(key) + "[" + k + "]: expected a whole number, found " + describe(a.get(k)));
            if (n < min || n > max) throw new JsonException(path(key) + "[" + k + "]: must be between " + min + " and " + max + ", found " + n);
            out[k] = (int) (long) n;
        }
        return out;
    }

    /** An enum constant written as its lower-case name; unknown names list the known ones. */
    <E extends Enum<E>> E choice(String key, Class<E> type) throws JsonException {
        String v = string(key);
        StringBuilder known = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String name = name(e);
            if (name.equals(v)) return e;
            known.append(known.length() == 0 ? "" : ", ").append(name);
        }
        throw new JsonException(path(key) + ": unknown value \"" + v + "\" (known: " + known + ")");
    }

    /** How an enum constant is written: its Java name in lower case, independent of labels shown in the UI. */
    static String name(Enum<?> e) { return e.name().toLowerCase(java.util.Locale.ROOT); }

    String path(String key) { return path.isEmpty() ? key : path + "." + key; }

    private JsonException wrong(String key, String expected, Object found) {
        return new JsonException(path(key) + ": expected " + expected + ", found " + describe(found));
    }

    private static String where(String path) { return path.isEmpty() ? "" : path + ": "; }

    static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof String s) return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        if (v instanceof Map) return "an object";
        if (v instanceof List) return "an array";
        return v.toString();
    }
}
