package aelab.engine;

/**
 * The denoising autoencoder's corruption of its inputs (Vincent et al. 2008), row by row from
 * {@link RowKeys} streams (a {@link Gaussian} each: one number a pixel is a step's largest draw), on a
 * copy of the clean rows (which stay the targets). On the [0,1] scale,
 * with top = 1 (255 on the raw scale, where the same noise is scaled by 255):
 *   gaussian:σ   x̃ = clip(x + σ·top·N(0,1), 0, top)
 *   masking:q    x̃ = 0 with probability q, else x
 */
public final class Corruption {
    private Corruption() { }

    /**
     * Rows [0, rows) of clean into noisy (both (rows, d)); row r draws from the stream keys[r].
     * Each training step passes keys of its own, so the corruption is drawn afresh.
     */
    static void apply(Noise noise, float[] clean, float[] noisy, int rows, int d, float top, long[] keys) {
        float level = (float) noise.level();
        for (int r = 0; r < rows; r++) {
            Gaussian rng = new Gaussian(keys[r]);
            int o = r * d;
            if (noise.type() == Noise.Type.GAUSSIAN) {
                float sd = level * top;
                rng.fill(noisy, o, d);   // the draws first, then a loop the JIT can vectorise
                for (int j = o; j < o + d; j++) noisy[j] = Math.min(Math.max(clean[j] + sd * noisy[j], 0f), top);
            } else {
                long below = (long) (noise.level() * 0x1.0p53);   // P(53 random bits < below) = q
                for (int j = o; j < o + d; j++) noisy[j] = (rng.nextLong() >>> 11) < below ? 0f : clean[j];
            }
        }
    }

    /** The fixed noisy version of test image `index` (pixels 0–255 in, [0,1] out), as the noisy test figures use it. */
    public static float[] testInput(Noise noise, byte[] pixels, int index, int d) {
        float[] clean = new float[d], noisy = new float[d];
        for (int j = 0; j < d; j++) clean[j] = (pixels[index * d + j] & 0xFF) / 255f;
        apply(noise, clean, noisy, 1, d, 1f, new long[]{testKey(index)});
        return noisy;
    }

    static long testKey(int index) {
        return RowKeys.of(RowKeys.TEST_NOISE_SEED, RowKeys.NOISE, RowKeys.TEST_STEP, index);
    }
}
