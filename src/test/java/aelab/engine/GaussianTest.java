package aelab.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ziggurat draws N(0, 1): a million draws against the normal distribution function (Kolmogorov–
 * Smirnov: D·√n below 1.63, the 1 % level), its moments, and its tails, the wedges and the tail beyond
 * r = 3.4426 (which the fast path never reaches) at their frequencies. The same test must fail a near
 * miss: the sum of four uniforms, scaled to variance 1 (Irwin–Hall), has the right mean and variance.
 */
class GaussianTest {
    static final int N = 1_000_000;

    /** Φ(x) from erf, Abramowitz &amp; Stegun 7.1.26 (|error| below 1.5e-7). */
    static double phi(double x) {
        double z = Math.abs(x) / Math.sqrt(2), t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    static double ksStatistic(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            double f = phi(s[i]);
            d = Math.max(d, Math.max(f - (double) i / s.length, (double) (i + 1) / s.length - f));
        }
        return d * Math.sqrt(s.length);
    }

    static double[] draws(DoubleSupplier g) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) x[i] = g.getAsDouble();
        return x;
    }

    @Test
    void aMillionDrawsFollowTheNormalDistributionIntoItsTails() {
        Gaussian g = new Gaussian(20240601L);
        check(draws(g::next));
    }

    @Test
    void aMillionDrawsTwoFromEachNumberDoToo() {
        Gaussian g = new Gaussian(20240602L);
        float[] f = new float[N];
        for (int at = 0; at < N; at += 784) g.fill(f, at, Math.min(784, N - at));   // a row at a time, as the noise is drawn
        double[] x = new double[N];
        for (int i = 0; i < N; i++) x[i] = f[i];
        check(x);
    }

    static void check(double[] x) {
        double mean = 0, m2 = 0, m4 = 0;
        int beyond2 = 0, beyond3 = 0, tail = 0;
        for (double v : x) {
            mean += v;
            m2 += v * v;
            m4 += v * v * v * v;
            if (Math.abs(v) > 2) beyond2++;
            if (Math.abs(v) > 3) beyond3++;
            if (Math.abs(v) > 3.442619855899) tail++;
        }
        mean /= N;
        m2 /= N;
        m4 /= N;
        assertEquals(0, mean, 0.004, "mean");
        assertEquals(1, m2, 0.005, "variance");
        assertEquals(3, m4, 0.05, "fourth moment");
        assertEquals(2 * (1 - phi(2)), (double) beyond2 / N, 0.0015, "beyond 2σ");
        assertEquals(2 * (1 - phi(3)), (double) beyond3 / N, 0.0003, "beyond 3σ");
        assertEquals(2 * (1 - phi(3.442619855899)), (double) tail / N, 0.00012, "the tail beyond the ziggurat's base");
        assertTrue(ksStatistic(x) < 1.63, "Kolmogorov–Smirnov D·√n " + ksStatistic(x));
    }

    @Test
    void theTestCatchesANearMiss() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        double[] x = draws(() -> (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2) * Math.sqrt(3));
        assertTrue(ksStatistic(x) > 1.63, "four uniforms pass for normal: D·√n " + ksStatistic(x));
    }

    @Test
    void aStreamIsItsSeedsAlone() {
        Gaussian a = new Gaussian(7), b = new Gaussian(7), c = new Gaussian(8);
        for (int i = 0; i < 1000; i++) {
            double va = a.next();
            assertEquals(va, b.next(), 0.0);
            assertNotEquals(va, c.next());
        }
    }
}
