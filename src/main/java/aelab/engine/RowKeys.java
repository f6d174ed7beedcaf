package aelab.engine;

/**
 * Seeds of the per-row random streams the kinds draw from: a denoising run's noise, a VAE's ε. Each
 * row's numbers come from its own {@code SplittableRandom(key)}, the key mixing (seed, purpose, step,
 * row) with SplitMix64's finaliser, so they do not depend on how the batch is split over threads, and
 * a resumed run draws what an uninterrupted one would have.
 */
final class RowKeys {
    /** Purposes, so two streams of one row never coincide. */
    static final long NOISE = 0x4E4F495345L, EPSILON = 0x455053L, PRIOR = 0x5052494FL;
    /** The seed of the noisy test inputs: one fixed set, whatever the run's seed, so runs compare on the same inputs. */
    static final long TEST_NOISE_SEED = 20140101L;
    /** Steps of test-time draws (one sample per test image, seeded): a step no training reaches. */
    static final long TEST_STEP = -1;

    private RowKeys() { }

    static long of(long seed, long purpose, long step, long row) {
        long h = mix(seed ^ purpose);
        h = mix(h + step * 0x9E3779B97F4A7C15L);
        return mix(h + row * 0xC2B2AE3D27D4EB4FL);
    }

    /** SplitMix64's finaliser (Steele, Lea &amp; Flood 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
