package aelab.app.model;

import java.math.BigDecimal;
import java.util.Locale;

/** Numbers and durations as the window shows them. */
public final class Format {
    private Format() { }

    /** A number as typed: 0.001, not 1.0E-3; 5, not 5.0. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** A loss: four significant digits, exponent form for very small or large values. */
    public static String loss(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) return String.format(Locale.ROOT, "%.3e", v);
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** 45 s, 3 min 20 s, 2 h 05 min. */
    public static String duration(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) return "–";
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + " min";
    }

    /**
     * 12,345: as {@code String.format(Locale.ROOT, "%,d", n)} writes it, without a Formatter. The window writes
     * counts with every frame of a run, and a Formatter looks up its locale's number format on each call.
     */
    public static String count(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0, len = digits.length() - sign;
        if (len <= 3) return digits;
        StringBuilder s = new StringBuilder(digits.length() + (len - 1) / 3);
        s.append(digits, 0, sign);
        for (int i = 0; i < len; i++) {
            if (i > 0 && (len - i) % 3 == 0) s.append(',');
            s.append(digits.charAt(sign + i));
        }
        return s.toString();
    }
}
