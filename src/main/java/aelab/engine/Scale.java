package aelab.engine;

/**
 * How pixels are fed to the network and used as targets. UNIT is the fix (pixels / 255, in [0,1]);
 * RAW is the seed's mistake (0–255 straight in), kept so its effect can be seen.
 */
public enum Scale {
    UNIT("unit", 1f / 255f),
    RAW("raw", 1f);

    private final String label;
    private final float factor;

    Scale(String label, float factor) {
        this.label = label;
        this.factor = factor;
    }

    /** Multiply a 0–255 pixel by this to get the network's input and target. */
    public float factor() { return factor; }

    /** Multiply an input or target on the network's scale by this to get a [0,1] intensity. */
    public float toUnit() { return 1f / (255f * factor); }

    /**
     * What an output must be divided by to read it as a [0,1] intensity. Sigmoid and softmax outputs
     * are bounded by 1 already and can only mean [0,1] intensities; a linear output trained on raw
     * targets speaks in 0–255.
     */
    public float outputDivisor(Activation output) {
        return this == RAW && output == Activation.LINEAR ? 255f : 1f;
    }

    public static Scale parse(String s) {
        for (Scale v : values()) if (v.label.equalsIgnoreCase(s.trim())) return v;
        throw new IllegalArgumentException("unknown scale '" + s + "' (unit, raw)");
    }

    @Override public String toString() { return label; }
}
