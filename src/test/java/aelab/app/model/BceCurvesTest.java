package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The maths the explainer draws. */
class BceCurvesTest {
    private static int argmin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] < v[best]) best = i;
        return best;
    }

    @Test
    void bceOfAGreyTargetIsLowestAtPEqualsYAndThereEqualsTheEntropy() {
        for (double y : new double[] {0.1, 0.3, 0.5, 0.8}) {
            BceCurves.Sampled s = BceCurves.sample(y, 999);
            int i = argmin(s.bce());
            double step = s.p()[1] - s.p()[0];
            assertEquals(y, s.p()[i], step, "y = " + y);
            assertEquals(BceCurves.minimum(y), BceCurves.bce(y, y), 1e-12);
            assertTrue(s.bce()[i] >= BceCurves.minimum(y), "nothing on the curve is below H(y)");
        }
        // H(0.3) = −(0.3 ln 0.3 + 0.7 ln 0.7) = 0.361192 + 0.249672 = 0.610864
        assertEquals(0.610864, BceCurves.minimum(0.3), 1e-6);
    }

    @Test
    void theMinimumIsZeroOnlyForBlackAndWhite() {
        assertEquals(0, BceCurves.minimum(0), 0);
        assertEquals(0, BceCurves.minimum(1), 0);
        assertEquals(Math.log(2), BceCurves.minimum(0.5), 1e-12, "the greyest pixel has the highest floor");
        for (double y = 0.01; y < 1; y += 0.01) assertTrue(BceCurves.minimum(y) > 0, "y = " + y);
    }

    @Test
    void bceAboveItsMinimumIsNeverNegativeAndZeroOnlyAtPEqualsY() {
        // BCE(p; y) − H(y) is the KL divergence of p from y
        double y = 0.3;
        for (double p : BceCurves.sample(0.5, 200).p()) assertTrue(BceCurves.bce(p, y) - BceCurves.minimum(y) >= -1e-15);
        assertEquals(0, BceCurves.bce(0.3, y) - BceCurves.minimum(y), 1e-15);
        assertTrue(BceCurves.bce(0.31, y) - BceCurves.minimum(y) > 0);
    }

    @Test
    void squaredErrorIsLowestAtPEqualsYWhereItIsZero() {
        BceCurves.Sampled s = BceCurves.sample(0.3, 999);
        int i = argmin(s.squared());
        assertEquals(0.3, s.p()[i], s.p()[1] - s.p()[0]);
        assertEquals(0, BceCurves.squared(0.3, 0.3), 0);
        // (0.8 − 0.3)² = 0.25
        assertEquals(0.25, BceCurves.squared(0.8, 0.3), 1e-12);
    }

    @Test
    void goldenValuesOfBce() {
        // −ln 0.5 = 0.693147;  y = 1, p = 0.9: −ln 0.9 = 0.105361;  y = 0, p = 0.9: −ln 0.1 = 2.302585
        assertEquals(Math.log(2), BceCurves.bce(0.5, 1), 1e-12);
        assertEquals(0.105361, BceCurves.bce(0.9, 1), 1e-6);
        assertEquals(2.302585, BceCurves.bce(0.9, 0), 1e-6);
    }

    @Test
    void aTargetAboveOneHasNoMinimumAndBceFallsBelowZeroTowardsPEqualsOne() {
        assertFalse(BceCurves.hasMinimum(1.5));
        assertTrue(Double.isNaN(BceCurves.minimum(1.5)));
        BceCurves.Sampled s = BceCurves.sample(1.5, 101);
        assertEquals(s.p().length - 1, argmin(s.bce()), "lowest at the right end: no turning point");
        // p = 0.999: −[1.5 ln 0.999 − 0.5 ln 0.001] = 0.0015 − 3.4539 = −3.452
        assertEquals(-3.452, s.bce()[100], 1e-3);
        assertTrue(BceCurves.bce(1 - 1e-9, 1.5) < -10, "and keeps falling");
    }

    @Test
    void samplesSpanTheOpenIntervalEvenly() {
        BceCurves.Sampled s = BceCurves.sample(0.2, 11);
        assertEquals(BceCurves.EDGE, s.p()[0], 1e-15);
        assertEquals(1 - BceCurves.EDGE, s.p()[10], 1e-15);
        assertEquals(0.5, s.p()[5], 1e-15);
    }
}
