package aelab.app.model;

/**
 * Maps a reconstruction's values to grey levels in [0,1]. Absolute: as they are, clipped (a linear
 * output may stray outside [0,1]). Stretched: each image's own minimum to black and maximum to white,
 * because softmax spreads a total of 1 over 784 pixels and is near-black on the absolute scale even
 * when its shape is right.
 */
public enum Contrast {
    ABSOLUTE("absolute [0,1]"),
    STRETCHED("stretched per image");

    private final String label;

    Contrast(String label) { this.label = label; }

    /** Grey levels of image {@code image} (width values from offset image·width) into out[0..width). */
    public void apply(float[] values, int image, int width, float[] out) {
        int from = image * width;
        if (this == ABSOLUTE) {
            for (int j = 0; j < width; j++) out[j] = clamp(values[from + j]);
            return;
        }
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (int j = from; j < from + width; j++) {
            float v = values[j];
            if (!Float.isFinite(v)) continue;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max - min;
        for (int j = 0; j < width; j++) {
            float v = values[from + j];
            out[j] = range > 1e-12f && Float.isFinite(v) ? (v - min) / range : 0f;
        }
    }

    static float clamp(float v) {
        if (!(v > 0f)) return 0f;   // NaN too
        return Math.min(v, 1f);
    }

    @Override public String toString() { return label; }
}
