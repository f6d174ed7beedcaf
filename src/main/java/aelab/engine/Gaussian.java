package aelab.engine;

/**
 * Standard normal numbers, fast: the ziggurat of Marsaglia &amp; Tsang (2000, "The Ziggurat Method for
 * Generating Random Variables", 128 layers) over a SplitMix64 stream (Steele, Lea &amp; Flood 2014). A
 * denoising step draws one number per pixel (78,400 for a batch of 100), so the generator is a
 * visible share of the step: here 98.8 % of draws cost one 64-bit number, a table look-up, a multiply
 * and a compare. As Doornik (2005) advises, the layer index (low 7 bits) and the value (high 32 bits)
 * come from different bits of the number, so they are not correlated.
 *   fast path:   j = high 32 bits (signed), i = low 7 bits;  |j| < k_i  →  x = j · w_i
 *   otherwise:   the wedge of layer i (accepted if f_i + U (f_{i−1} − f_i) < e^{−x²/2}), or the tail
 *                beyond r = 3.442619855899 (Marsaglia 1964: x = −ln U₁ / r until −2 ln U₂ > x²)
 * {@link #fill} draws two numbers from each 64-bit number (7 index bits and a 25-bit value from each
 * half: resolution d_i / 2^24, far below a float's), the slow cases falling back to {@link #next}, a
 * draw of its own; a denoising batch's noise then costs about a third of a plain step's time less.
 * One object per stream; not thread-safe.
 */
final class Gaussian {
    private static final int LAYERS = 128;
    private static final double R = 3.442619855899, V = 9.91256303526217e-3, M = 2147483648.0;   // 2^31
    private static final int[] K = new int[LAYERS], K25 = new int[LAYERS];
    private static final double[] W = new double[LAYERS], W25 = new double[LAYERS], F = new double[LAYERS];

    static {
        table(M, K, W);
        table(1 << 24, K25, W25);   // for 25-bit signed values
    }

    /** The layers' thresholds k_i and widths w_i for values of |j| < m, and their densities f_i. */
    private static void table(double m, int[] k, double[] w) {
        double d = R, t = d, q = V / Math.exp(-0.5 * d * d);
        k[0] = (int) ((d / q) * m);
        k[1] = 0;
        w[0] = q / m;
        w[LAYERS - 1] = d / m;
        F[0] = 1.0;
        F[LAYERS - 1] = Math.exp(-0.5 * d * d);
        for (int i = LAYERS - 2; i >= 1; i--) {
            d = Math.sqrt(-2 * Math.log(V / d + Math.exp(-0.5 * d * d)));
            k[i + 1] = (int) ((d / t) * m);
            t = d;
            F[i] = Math.exp(-0.5 * d * d);
            w[i] = d / m;
        }
    }

    /** n N(0, 1) numbers into out[from …], two from each 64-bit number on the fast path. */
    void fill(float[] out, int from, int n) {
        int k = from, end = from + n;
        while (k < end) {
            long bits = nextLong();
            out[k++] = half((int) bits);
            if (k < end) out[k++] = half((int) (bits >>> 32));
        }
    }

    /**
     * One number from 32 bits: the layer from the low 7, the signed value from the high 25; the wedge and
     * the tail as in {@link #next}, and a rejected wedge point is drawn again, there.
     */
    private float half(int h) {
        int i = h & (LAYERS - 1), j = h >> 7;
        if (Math.abs(j) < K25[i]) return (float) (j * W25[i]);
        if (i == 0) return (float) tail(j > 0);
        double x = j * W25[i];
        if (F[i] + nextUniform() * (F[i - 1] - F[i]) < Math.exp(-0.5 * x * x)) return (float) x;
        return (float) next();
    }

    /** A number beyond R, of the given sign (Marsaglia 1964). */
    private double tail(boolean positive) {
        double a, b;
        do {
            a = -Math.log(nextUniform()) / R;
            b = -Math.log(nextUniform());
        } while (b + b < a * a);
        return positive ? R + a : -R - a;
    }

    private long state;

    Gaussian(long seed) { state = seed; }

    /** The next 64 random bits: SplitMix64. */
    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform on (0, 1): 53 random bits, never 0 (a logarithm is taken of it). */
    double nextUniform() {
        return ((nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** The next N(0, 1) number. */
    double next() {
        while (true) {
            long bits = nextLong();
            int j = (int) (bits >> 32), i = (int) bits & (LAYERS - 1);
            if (Math.abs((long) j) < K[i]) return j * W[i];   // inside the layer's rectangle: 98.8 % of draws
            double x = j * W[i];
            if (i == 0) return tail(j > 0);   // the tail beyond R
            if (F[i] + nextUniform() * (F[i - 1] - F[i]) < Math.exp(-0.5 * x * x)) return x;   // the wedge
        }
    }
}
