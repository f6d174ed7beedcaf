package aelab.engine;

import java.util.Locale;

/**
 * How a denoising autoencoder corrupts its inputs, written as "gaussian:σ" or "masking:q".
 * gaussian:σ — x̃ = clip(x + σ·N(0,1), 0, 1) on the [0,1] scale (σ = 0.5 is the Keras blog's setting);
 * masking:q — each pixel set to 0 with probability q. Applied by {@link Corruption}.
 */
public record Noise(Type type, double level) {
    public enum Type {
        GAUSSIAN("gaussian", 10), MASKING("masking", 1);

        private final String label;
        private final double max;

        Type(String label, double max) {
            this.label = label;
            this.max = max;
        }

        @Override public String toString() { return label; }
    }

    /** The Keras blog's setting. */
    public static final Noise DEFAULT = new Noise(Type.GAUSSIAN, 0.5);

    public Noise {
        if (type == null) throw new IllegalArgumentException("give gaussian:σ or masking:q");
        boolean ok = type == Type.GAUSSIAN ? level > 0 && level <= type.max : level > 0 && level < type.max;
        if (!Double.isFinite(level) || !ok)
            throw new IllegalArgumentException(type == Type.GAUSSIAN
                    ? "the gaussian σ must be greater than 0 and at most 10, not " + plain(level)
                    : "the masking probability q must be greater than 0 and less than 1, not " + plain(level));
    }

    /**
     * "gaussian:0.5", "masking:0.3" (any case, spaces allowed around the colon). Throws
     * IllegalArgumentException with a one-line message saying what to write.
     */
    public static Noise parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon).trim(), value = colon < 0 ? "" : s.substring(colon + 1).trim();
        Type type = null;
        for (Type t : Type.values()) if (t.label.equals(name)) type = t;
        if (type == null || value.isEmpty())
            throw new IllegalArgumentException("'" + text.trim() + "' is not a noise: write gaussian:σ or masking:q, e.g. gaussian:0.5 or masking:0.3");
        double level;
        try {
            level = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number: write e.g. " + type + ":" + (type == Type.GAUSSIAN ? "0.5" : "0.3"));
        }
        return new Noise(type, level);
    }

    /** "σ = 0.5 gaussian noise", "30 % of pixels masked". */
    public String describe() {
        return type == Type.GAUSSIAN ? "gaussian noise σ = " + plain(level)
                : plain(level * 100) + " % of pixels masked";
    }

    @Override public String toString() { return type + ":" + plain(level); }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
