package aelab.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.engine.kernel.Oracle.Variant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Vector API kernel must agree with the naive triple loop and with EJML on every edge size. */
class VectorMatMulTest {
    /** Around the 5-row panel, the 16-lane vector, the 64-column tile and the 64-deep k-block of Bᵀ. */
    private static final int[] AWKWARD = {1, 4, 5, 6, 7, 15, 16, 17, 31, 33, 64, 65, 129};

    /** (m, k, n) of the default 784-128-64-28-64-128-784 model at a half batch, plus m = 100 and a tiny m. */
    private static final int[][] MODEL = {
            {50, 784, 128}, {50, 128, 64}, {50, 64, 28}, {50, 28, 64}, {50, 64, 128}, {50, 128, 784},
            {784, 50, 128}, {128, 50, 784}, {64, 50, 28}, {28, 50, 64}, {100, 784, 128}, {3, 128, 784},
    };

    private final MatMul fast = new VectorMatMul();
    private final MatMul reference = new ReferenceMatMul();

    @ParameterizedTest
    @EnumSource(Variant.class)
    void agreesWithNaiveOnAwkwardSizes(Variant v) {
        Random rnd = new Random(17);
        for (int m : AWKWARD) for (int k : AWKWARD) for (int n : AWKWARD) {
            check(v, rnd, m, k, n, (m + k + n) % 2 == 0);
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void agreesWithNaiveOnModelShapesAndRandomShapes(Variant v) {
        Random rnd = new Random(784);
        for (int[] s : MODEL) {
            check(v, rnd, s[0], s[1], s[2], false);
            check(v, rnd, s[0], s[1], s[2], true);
        }
        for (int t = 0; t < 40; t++) {
            check(v, rnd, 1 + rnd.nextInt(120), 1 + rnd.nextInt(300), 1 + rnd.nextInt(200), rnd.nextBoolean());
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void emptyInnerDimensionGivesZeroOrLeavesC(Variant v) {
        float[] c = {1, 2, 3, 4, 5, 6};
        v.run(fast, new float[0], new float[0], c, 2, 0, 3, true);
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6}, c);
        v.run(fast, new float[0], new float[0], c, 2, 0, 3, false);
        assertArrayEquals(new float[6], c);
    }

    /** Golden values by hand: [1 2; 3 4]·[5 6; 7 8] = [1·5+2·7, 1·6+2·8; 3·5+4·7, 3·6+4·8] = [19 22; 43 50]. */
    @Test
    void twoByTwoByHand() {
        float[] c = new float[4];
        fast.mul(new float[]{1, 2, 3, 4}, new float[]{5, 6, 7, 8}, c, 2, 2, 2, false);
        assertArrayEquals(new float[]{19, 22, 43, 50}, c);
        // Aᵀ with A = [1 3; 2 4] stored, and Bᵀ with B = [5 7; 6 8] stored, give the same product.
        fast.mulTransA(new float[]{1, 3, 2, 4}, new float[]{5, 6, 7, 8}, c, 2, 2, 2, false);
        assertArrayEquals(new float[]{19, 22, 43, 50}, c);
        fast.mulTransB(new float[]{1, 2, 3, 4}, new float[]{5, 7, 6, 8}, c, 2, 2, 2, true);
        assertArrayEquals(new float[]{38, 44, 86, 100}, c);
    }

    @Test
    void comparisonCatchesAPerturbedResult() {
        Random rnd = new Random(5);
        int m = 50, k = 784, n = 128;
        float[] a = Oracle.random(rnd, m * k), b = Oracle.random(rnd, k * n), c = new float[m * n];
        fast.mul(a, b, c, m, k, n, false);
        float[] expected = Variant.MUL.naive(a, b, new float[m * n], m, k, n);
        assertTrue(Oracle.worstError(expected, c, m * n, k) <= 1);
        c[m * n - 1] += 0.01f * Math.max(1f, Math.abs(c[m * n - 1]));
        assertTrue(Oracle.worstError(expected, c, m * n, k) > 1, "a 1% error in one entry must be caught");
        c[m * n - 1] = Float.NaN;
        assertTrue(Oracle.worstError(expected, c, m * n, k) > 1, "NaN must be caught");
    }

    @Test
    void rejectsArraysTooShortForTheShape() {
        assertThrows(IllegalArgumentException.class,
                () -> fast.mul(new float[5], new float[6], new float[6], 2, 3, 3, false));
    }

    /** One product from a non-zero C: overwrite must ignore it, accumulate must add to it. */
    private void check(Variant v, Random rnd, int m, int k, int n, boolean accumulate) {
        float[] a = Oracle.random(rnd, m * k), b = Oracle.random(rnd, k * n), c0 = Oracle.random(rnd, m * n);
        float[] expected = v.naive(a, b, accumulate ? c0 : new float[m * n], m, k, n);
        float[] got = c0.clone(), ref = c0.clone();
        v.run(fast, a, b, got, m, k, n, accumulate);
        v.run(reference, a, b, ref, m, k, n, accumulate);
        String shape = v + " m=" + m + " k=" + k + " n=" + n + " accumulate=" + accumulate;
        double eFast = Oracle.worstError(expected, got, m * n, k);
        double eRef = Oracle.worstError(expected, ref, m * n, k);
        assertTrue(eFast <= 1, () -> shape + ": fast kernel off by " + eFast + " tolerances");
        assertTrue(eRef <= 1, () -> shape + ": EJML reference off by " + eRef + " tolerances");
        assertEquals(0, Oracle.worstError(ref, got, m * n, k), 2, shape + ": fast vs reference");
    }
}
