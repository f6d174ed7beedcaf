package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmootherTest {
    @Test
    void firstValueIsShownAsItIsNotPulledTowardsZero() {
        assertEquals(0.7, new Smoother(0.9).add(0.7), 1e-12);
    }

    @Test
    void aConstantStaysConstant() {
        Smoother s = new Smoother(0.9);
        for (int i = 0; i < 100; i++) assertEquals(2.5, s.add(2.5), 1e-9);
    }

    @Test
    void secondValueIsTheDebiasedWeightedMean() {
        Smoother s = new Smoother(0.5);
        s.add(1);
        // m = 0.5·(0.5·1) + 0.5·3 = 1.75; bias 1 − 0.25 = 0.75; 1.75 / 0.75 = 7/3
        assertEquals(7.0 / 3, s.add(3), 1e-12);
    }

    @Test
    void aJumpIsDampened() {
        Smoother s = new Smoother(0.9);
        for (int i = 0; i < 50; i++) s.add(1);
        double after = s.add(11);
        assertTrue(after > 1 && after < 3, "one outlier moves the line only a little: " + after);
    }

    @Test
    void aNonFiniteValuePassesThroughWithoutPoisoningTheMean() {
        Smoother s = new Smoother(0.9);
        s.add(1);
        assertTrue(Double.isNaN(s.add(Double.NaN)));
        assertEquals(1, s.add(1), 1e-12);
    }
}
