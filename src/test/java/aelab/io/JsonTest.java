package aelab.io;

import aelab.engine.Loss;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class JsonTest {
    @Test
    void parsesEveryKindOfValue() throws JsonException {
        Object v = Json.parse(" {\"a\": [1, -2.5, 3e2, true, false, null, \"x\"], \"b\": {}, \"c\": []}\n");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("a", "b", "c"), new ArrayList<>(m.keySet()), "keys keep their order");
        assertEquals(Arrays.asList(1L, -2.5, 300.0, true, false, null, "x"), m.get("a"));
        assertEquals(Map.of(), m.get("b"));
        assertEquals(List.of(), m.get("c"));
    }

    @Test
    void doublesSurviveARoundTripBitForBit() throws JsonException {
        SplittableRandom rng = new SplittableRandom(1);
        List<Object> values = new ArrayList<>(List.of(0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-7, 0.001, 1.0 / 3));
        for (int k = 0; k < 1000; k++) values.add(Double.longBitsToDouble(rng.nextLong()) % 1e6);
        values.removeIf(d -> !Double.isFinite((Double) d));
        List<?> back = (List<?>) Json.parse(Json.write(values));
        for (int k = 0; k < values.size(); k++)
            assertEquals(Double.doubleToRawLongBits((Double) values.get(k)), Double.doubleToRawLongBits((Double) back.get(k)), "value " + values.get(k));
    }

    @Test
    void wholeNumbersStayExact64BitLongs() throws JsonException {
        // 2^53 + 1 = 9007199254740993 is the first integer a double cannot hold
        assertEquals(List.of(9007199254740993L, Long.MAX_VALUE, Long.MIN_VALUE),
                Json.parse("[9007199254740993, 9223372036854775807, -9223372036854775808]"));
        assertEquals(1e30, Json.parse("1000000000000000000000000000000"), "past 64 bits a whole number is a double");
    }

    @Test
    void stringsWithEscapesRoundTrip() throws JsonException {
        String s = "quote \" backslash \\ slash / tab \t newline \n cr \r bell \u0007 nul \u0000 é 😀";
        assertEquals(s, Json.parse(Json.write(s)));
        assertEquals("é😀/", Json.parse("\"\\u00e9\\ud83d\\ude00\\/\""));
    }

    @Test
    void writesReadableIndentedText() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shape", List.of(784L, 128L));
        m.put("runs", List.of(Map.of("x", 1L), Map.of("long", "y".repeat(100))));
        assertEquals("{\"shape\": [784, 128]}\n", Json.write(Map.of("shape", List.of(784L, 128L))), "short records on one line");
        assertEquals("{\n  \"shape\": [784, 128],\n  \"runs\": [\n    {\"x\": 1},\n    {\n      \"long\": \"" + "y".repeat(100)
                + "\"\n    }\n  ]\n}\n", Json.write(m));
    }

    @Test
    void writerRefusesWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(List.of(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }

    @Test
    void rejectsEverythingOutsideTheGrammar() {
        for (String bad : List.of("", "  ", "[1,]", "{\"a\":1,}", "// c\n1", "/* c */ 1", "01", "-", "1.", ".5", "1e",
                "+1", "NaN", "Infinity", "-Infinity", "'a'", "\"a", "\"tab\there\"", "\"\\x\"", "\"\\u12\"",
                "{\"a\":1,\"a\":2}", "{a:1}", "[1 2]", "1 2", "tru", "nul", "[", "{", "{\"a\"}", "1e400"))
            assertThrows(JsonException.class, () -> Json.parse(bad), () -> "accepted " + bad);
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("deeper than 64"), e.getMessage());
        assertDoesNotThrow(() -> Json.parse("[".repeat(60) + "]".repeat(60)));
    }

    @Test
    void errorsSayLineAndColumn() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"a\": 2\n}"));
        assertEquals("line 3, column 3: key \"a\" appears twice", e.getMessage());
        e = assertThrows(JsonException.class, () -> Json.parse("[1,\n 2,,3]"));
        assertEquals("line 2, column 4: unexpected character ',', expected a value", e.getMessage());
    }

    @Test
    void typedAccessNamesTheFieldByItsPath() throws JsonException {
        JsonObject o = new JsonObject(Json.parse("{\"s\": {\"epochs\": 0, \"loss\": \"hinge\", \"lr\": \"x\", \"w\": [1, 2.5]}}"), "");
        JsonObject s = o.object("s");
        assertEquals("s.epochs: must be between 1 and 10000, found 0",
                assertThrows(JsonException.class, () -> s.integer("epochs", 1, 10_000)).getMessage());
        assertEquals("s.loss: unknown value \"hinge\" (known: bce, mse, mae)",
                assertThrows(JsonException.class, () -> s.choice("loss", Loss.class)).getMessage());
        assertEquals("s.lr: expected a number, found \"x\"",
                assertThrows(JsonException.class, () -> s.number("lr")).getMessage());
        assertEquals("s.seed: missing", assertThrows(JsonException.class, () -> s.longValue("seed")).getMessage());
        assertEquals("s.w[1]: expected a whole number, found 2.5",
                assertThrows(JsonException.class, () -> s.ints("w", 0, 10)).getMessage());
        assertEquals("s: expected an object, found 3", assertThrows(JsonException.class,
                () -> new JsonObject(Json.parse("{\"s\": 3}"), "").object("s")).getMessage());
    }
}
