package aelab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The best and worst images of an epoch: the two ends of a full sort by (error, index), found in one pass. */
class ExtremesTest {
    /** The reference: every index sorted by value, then index. */
    private static int[] sorted(double[] v) {
        return IntStream.range(0, v.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> v[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    @Test
    void theEndsOfAFullSortWithManyTies() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(300);
            // few distinct values: most comparisons are ties, decided by the index
            int levels = 1 + trial % 9;
            double[] v = random.doubles(n).map(x -> Math.floor(x * levels) / 8).toArray();
            int[] all = sorted(v);
            for (int k : new int[] {0, 1, 2, 5, 10, n}) {
                if (k > n) continue;
                int[] worst = new int[k];
                for (int i = 0; i < k; i++) worst[i] = all[n - 1 - i];
                assertArrayEquals(Arrays.copyOf(all, k), Extremes.smallest(v, k), "smallest " + k + " of " + Arrays.toString(v));
                assertArrayEquals(worst, Extremes.largest(v, k), "largest " + k + " of " + Arrays.toString(v));
            }
        }
    }

    @Test
    void infinitiesAndNanSortAsDoubleCompareDoes() {
        double[] v = {0.5, Double.NaN, Double.NEGATIVE_INFINITY, 0.5, Double.POSITIVE_INFINITY, -0.0, 0.0};
        int[] all = sorted(v);
        assertArrayEquals(Arrays.copyOf(all, 4), Extremes.smallest(v, 4));
        assertArrayEquals(new int[] {all[6], all[5], all[4]}, Extremes.largest(v, 3));
    }

    @Test
    void moreThanThereAreIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Extremes.smallest(new double[3], 4));
    }
}
