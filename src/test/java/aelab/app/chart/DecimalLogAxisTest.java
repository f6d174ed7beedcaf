package aelab.app.chart;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalLogAxisTest {
    private static List<String> labels(double low, double high, int most) {
        return DecimalLogAxis.ticks(low, high, most).stream().map(DecimalLogAxis::label).toList();
    }

    @Test
    void aTrainingRunsLossesGetOneTwoFiveTicks() {
        assertEquals(List.of("0.05", "0.1", "0.2", "0.5"), labels(0.05, 0.77, 10));
        assertEquals(List.of("0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1"), labels(0.0098, 1, 10));
    }

    @Test
    void aNarrowRangeGetsEveryDigitAndAWideOneOnlyPowersOfTen() {
        assertEquals(List.of("0.06", "0.07", "0.08", "0.09", "0.1"), labels(0.055, 0.1, 10));
        // a run that diverged: 1e-2 … 1e8, 11 decades on 6 labels' room: every second power of ten
        assertEquals(List.of("0.01", "1", "100", "10000", "1e6", "1e8"), labels(0.01, 1.5e8, 6));
        assertEquals(List.of("0.01", "0.1", "1", "10", "100", "1000"), labels(0.01, 1000, 6));
    }

    @Test
    void labelsAreExactDecimals() {
        assertEquals("0.2", DecimalLogAxis.label(BigDecimal.valueOf(2).scaleByPowerOfTen(-1)));
        assertEquals("500", DecimalLogAxis.label(BigDecimal.valueOf(5).scaleByPowerOfTen(2)));
        assertEquals("2e-5", DecimalLogAxis.label(BigDecimal.valueOf(2).scaleByPowerOfTen(-5)));
        assertEquals("1e6", DecimalLogAxis.label(BigDecimal.valueOf(1).scaleByPowerOfTen(6)));
    }

    @Test
    void theRangeSnapsToDecimalSteps() {
        assertEquals(0.05, DecimalLogAxis.stepBelow(0.0518), 1e-15);
        assertEquals(0.1, DecimalLogAxis.stepBelow(0.1), 1e-15);
        assertEquals(1, DecimalLogAxis.stepAbove(0.77), 1e-15);
        assertEquals(0.2, DecimalLogAxis.stepAbove(0.15), 1e-15);
        assertEquals(0.5, DecimalLogAxis.stepAbove(0.5), 1e-15);
    }
}
