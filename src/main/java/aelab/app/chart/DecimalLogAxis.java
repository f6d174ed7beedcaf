package aelab.app.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log-scale value axis whose ticks are decimal: 1, 2 and 5 × 10ⁿ (0.05, 0.1, 0.2, …), or only the
 * powers of ten when those would crowd it, every second or third one for a run that diverged far. JFreeChart's
 * own picks powers of its base, 2 here before (0.0156, 0.0312), and raw integers once values grow large.
 */
final class DecimalLogAxis extends LogAxis {
    /** Vertical pixels a tick label needs. */
    private static final double LABEL_SPACE = 28;

    DecimalLogAxis(String label) {
        super(label);
        setSmallestValue(1e-6);
    }

    @Override protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        TextAnchor text = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        int most = Math.max(2, (int) (dataArea.getHeight() / LABEL_SPACE));
        for (BigDecimal v : ticks(getLowerBound(), getUpperBound(), most))
            ticks.add(new NumberTick(TickType.MAJOR, v.doubleValue(), label(v), text, TextAnchor.CENTER, 0.0));
        return ticks;
    }

    /**
     * Tick values in [low, high], low > 0: 1, 2 and 5 × 10ⁿ when at most most of them fall there (all of
     * 1–9 × 10ⁿ when fewer than two do), else every k-th power of ten for the least k that fits. Exact
     * decimals, so that 0.2 is 0.2 and not 0.2000000001.
     */
    static List<BigDecimal> ticks(double low, double high, int most) {
        List<BigDecimal> t = within(low, high, new int[] {1, 2, 5}, 1);
        if (t.size() < 2) {
            List<BigDecimal> fine = within(low, high, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1);
            return fine.size() <= most ? fine : t;
        }
        for (int every = 1; t.size() > most; every++) t = within(low, high, new int[] {1}, every);
        return t;
    }

    private static List<BigDecimal> within(double low, double high, int[] mantissas, int everyDecade) {
        List<BigDecimal> out = new ArrayList<>();
        int from = (int) Math.floor(Math.log10(low)), to = (int) Math.ceil(Math.log10(high));
        for (int n = from; n <= to; n++) {
            if (Math.floorMod(n, everyDecade) != 0) continue;
            for (int m : mantissas) {
                BigDecimal v = BigDecimal.valueOf(m).scaleByPowerOfTen(n);
                double d = v.doubleValue();
                if (d >= low * (1 - 1e-9) && d <= high * (1 + 1e-9)) out.add(v);
            }
        }
        return out;
    }

    /** 0.05, 0.2, 1, 20, 500; 1e6 and 2e-5 beyond that. */
    static String label(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1;
        return exponent >= -4 && exponent <= 5 ? s.toPlainString() : s.unscaledValue() + "e" + exponent;
    }

    /** The 1-2-5 step at or below v, for a range that only moves when the data cross a step. */
    static double stepBelow(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        double m = v / decade;
        return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * decade;
    }

    /** The 1-2-5 step at or above v. */
    static double stepAbove(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        double m = v / decade;
        return (m <= 1 + 1e-12 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * decade;
    }
}
