package aelab.io;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON (RFC 8259) parser and writer, enough for the experiment file's metadata.
 * Values are plain Java objects: an object is a {@code Map<String, Object>} (insertion-ordered),
 * an array a {@code List<Object>}, then {@code String}, {@code Boolean}, {@code null}, and numbers as
 * {@code Long} when written without fraction or exponent and within range (seeds are 64-bit and must
 * not pass through a double), else {@code Double}.
 *
 * Strict means: no comments, trailing commas, single quotes, leading zeros, NaN or Infinity, raw
 * control characters in strings, duplicate keys or text after the value. Nesting is limited so a
 * hostile file cannot overflow the stack.
 */
public final class Json {
    static final int MAX_DEPTH = 64;

    private final String s;
    private int i;

    private Json(String s) { this.s = s; }

    /** Parses one JSON value; the whole text must be that value (whitespace around it is allowed). */
    public static Object parse(String text) throws JsonException {
        Json p = new Json(text);
        p.space();
        Object v = p.value(0);
        p.space();
        if (p.i < text.length()) throw p.error("unexpected text after the end of the value");
        return v;
    }

    /** Writes a value as indented JSON; arrays of numbers or strings stay on one line. */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        JsonWriter.value(b, value, 0);
        return b.append('\n').toString();
    }

    private Object value(int depth) throws JsonException {
        if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH + " levels");
        if (i >= s.length()) throw error("unexpected end of text, expected a value");
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected character '" + c + "', expected a value");
            }
        };
    }

    private Map<String, Object> object(int depth) throws JsonException {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (peek('}')) return m;
        while (true) {
            if (i >= s.length() || s.charAt(i) != '"') throw error("expected a quoted key");
            int keyAt = i;
            String key = string();
            space();
            expect(':');
            space();
            Object v = value(depth + 1);
            if (m.containsKey(key)) {
                i = keyAt;
                throw error("key \"" + key + "\" appears twice");
            }
            m.put(key, v);
            space();
            if (peek('}')) return m;
            expect(',');
            space();
        }
    }

    private List<Object> array(int depth) throws JsonException {
        List<Object> a = new ArrayList<>();
        i++;
        space();
        if (peek(']')) return a;
        while (true) {
            a.add(value(depth + 1));
            space();
            if (peek(']')) return a;
            expect(',');
            space();
        }
    }

    private String string() throws JsonException {
        StringBuilder b = new StringBuilder();
        i++; // the opening quote
        while (true) {
            if (i >= s.length()) throw error("unterminated string");
            char c = s.charAt(i++);
            if (c == '"') return b.toString();
            if (c < 0x20) { i--; throw error("control character U+" + String.format("%04X", (int) c) + " inside a string must be escaped"); }
            if (c != '\\') { b.append(c); continue; }
            if (i >= s.length()) throw error("unterminated string");
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw error("\\u needs four hex digits");
                    int code = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(s.charAt(i++), 16);
                        if (d < 0) { i--; throw error("\\u needs four hex digits"); }
                        code = code * 16 + d;
                    }
                    b.append((char) code);
                }
                default -> { i--; throw error("unknown escape \\" + e); }
            }
        }
    }

    // number = [ "-" ] ( "0" / 1-9 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
    private Object number() throws JsonException {
        int start = i;
        peek('-');
        if (i < s.length() && s.charAt(i) == '0') {
            i++;
            if (i < s.length() && isDigit(s.charAt(i))) throw error("numbers must not start with 0");
        } else if (!digits()) {
            throw error("expected a digit");
        }
        boolean integral = true;
        if (peek('.')) {
            integral = false;
            if (!digits()) throw error("expected a digit after the decimal point");
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            integral = false;
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            if (!digits()) throw error("expected a digit in the exponent");
        }
        String text = s.substring(start, i);
        if (integral) {
            BigInteger big = new BigInteger(text);
            if (big.bitLength() < 64) return big.longValue();
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) { i = start; throw error("number " + text + " is too large"); }
        return d;
    }

    private boolean digits() {
        int start = i;
        while (i < s.length() && isDigit(s.charAt(i))) i++;
        return i > start;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private Object literal(String word, Object v) throws JsonException {
        if (!s.startsWith(word, i)) throw error("unexpected character '" + s.charAt(i) + "', expected a value");
        i += word.length();
        return v;
    }

    private boolean peek(char c) {
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws JsonException {
        if (!peek(c)) throw error(i >= s.length() ? "unexpected end of text, expected '" + c + "'"
                : "expected '" + c + "' but found '" + s.charAt(i) + "'");
    }

    // Only the four whitespace characters of the grammar.
    private void space() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            i++;
        }
    }

    private JsonException error(String problem) {
        int line = 1, col = 1;
        for (int k = 0; k < Math.min(i, s.length()); k++) {
            if (s.charAt(k) == '\n') { line++; col = 1; } else col++;
        }
        return new JsonException("line " + line + ", column " + col + ": " + problem);
    }
}
