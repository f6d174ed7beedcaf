package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class FormatAndPaceTest {
    @Test
    void numbersAreWrittenAsAPersonTypesThem() {
        assertEquals("0.001", Format.plain(0.001));
        assertEquals("0.0001", Format.plain(1e-4));
        assertEquals("5", Format.plain(5.0));
    }

    @Test
    void countsAreGroupedAsTheFormatterGroupsThem() {
        long[] edge = {0, 7, -7, 999, 1000, -1000, 12_345, 999_999, 1_000_000, -123_456_789, Long.MAX_VALUE, Long.MIN_VALUE};
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        java.util.stream.LongStream values = java.util.stream.LongStream.concat(java.util.Arrays.stream(edge),
                random.longs(2000).map(v -> v >> random.nextInt(64)));
        values.forEach(v -> assertEquals(String.format(java.util.Locale.ROOT, "%,d", v), Format.count(v), "count " + v));
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("45 s", Format.duration(44.6));
        assertEquals("3 min 20 s", Format.duration(200));
        assertEquals("2 h 05 min", Format.duration(2 * 3600 + 5 * 60 + 10));
        assertEquals("–", Format.duration(Double.NaN));
    }

    @Test
    void halfWayAfterTenSecondsLeavesTenSeconds() {
        Pace p = Pace.estimate(300, 600, 100, 10_000_000_000L);
        assertEquals(3000, p.samplesPerSecond(), 1e-9);   // 300 batches · 100 images / 10 s
        assertEquals(10, p.secondsLeft(), 1e-9);
        assertEquals("3,000 samples/s · 10 s left", p.describe());
    }

    @Test
    void nothingDoneMeansUnknownNotInfinite() {
        assertFalse(Pace.estimate(0, 600, 100, 1_000_000L).known());
        assertEquals("", Pace.UNKNOWN.describe());
    }
}
