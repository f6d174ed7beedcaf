package aelab.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinearStepsTest {
    @Test
    void theAxisEndsOnACoarseStepAboveTheData() {
        assertEquals(0.775, LinearSteps.top(0.7283));
        assertEquals(0.775, LinearSteps.top(0.7222), "a peak lowered a little by averaging: the axis stays");
        assertEquals(0.025, LinearSteps.top(0.0235));
        assertEquals(3.5, LinearSteps.top(3.1));
        assertEquals(1.25, LinearSteps.top(1.0), "room above a loss of exactly 1");
    }

    @Test
    void theDataAlwaysFitAndNeverHugTheTop() {
        for (double v = 1e-4; v < 1e4; v *= 1.0137) {
            double top = LinearSteps.top(v);
            assertTrue(top >= 1.05 * v - 1e-12, v + " → " + top);
            assertTrue(top <= 1.05 * v * 1.26, v + " → " + top + ": at most a quarter step of room more");
        }
    }

    /** The end as a person writes it: the double nearest to n · 10^k / 4, as parsing its decimal gives. */
    @Test
    void theEndIsTheNearestDoubleToItsDecimal() {
        for (double v = 1e-12; v < 1e12; v *= 1.0071) {
            double top = LinearSteps.top(v);
            assertEquals(Double.parseDouble(new java.math.BigDecimal(top).round(new java.math.MathContext(12)).toString()), top,
                    v + " → " + top);
        }
    }

    @Test
    void noDataEndsAtOne() {
        assertEquals(1, LinearSteps.top(0));
        assertEquals(1, LinearSteps.top(Double.NaN));
    }
}
