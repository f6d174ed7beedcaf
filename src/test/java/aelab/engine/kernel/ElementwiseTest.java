package aelab.engine.kernel;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The vector element-wise kernel agrees with the scalar loops, on lengths with and without tails. */
class ElementwiseTest {
    final Elementwise fast = Elementwise.best(), ref = new ScalarElementwise();

    @Test
    void theVectorKernelIsChosenWhenItsModuleIsPresent() {
        assertTrue(fast.name().startsWith("vector"), fast.name());
    }

    static float[] random(int n, double lo, double hi, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextDouble(lo, hi);
        return a;
    }

    @Test
    void sigmoidAgrees() {
        for (int n : new int[]{1, 7, 16, 17, 33, 784, 78_400}) {
            float[] z = random(n, -30, 30, n), a = new float[n], b = new float[n];
            fast.sigmoid(z, a, n);
            ref.sigmoid(z, b, n);
            for (int i = 0; i < n; i++) assertEquals(b[i], a[i], 2e-7f + 2e-6f * b[i], "n=" + n + " z=" + z[i]);
        }
    }

    @Test
    void bceFromLogitsAgreesInLossAndDelta() {
        for (int n : new int[]{1, 15, 16, 31, 784, 5000}) {
            float[] z = random(n, -20, 20, n), y = random(n, 0, 1, n + 1), p = new float[n];
            ref.sigmoid(z, p, n);
            float[] d1 = new float[n], d2 = new float[n];
            double a = fast.bceFromLogits(z, p, y, d1, n, 0.5f), b = ref.bceFromLogits(z, p, y, d2, n, 0.5f);
            assertEquals(b, a, 1e-6 * Math.abs(b) + 1e-6, "n=" + n);
            assertArrayEquals(d2, d1, 1e-7f);
            // and the sum is the BCE of σ(z) itself: Σ −[y ln p + (1 − y) ln(1 − p)] in double
            double direct = 0;
            for (int i = 0; i < n; i++) {
                double q = 1 / (1 + Math.exp(-(double) z[i]));
                direct += Math.max(z[i], 0) - (double) z[i] * y[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
            }
            assertEquals(direct, a, 1e-5 * Math.abs(direct) + 1e-5, "n=" + n);
        }
    }

    @Test
    void metricsAgree() {
        for (int n : new int[]{1, 17, 784, 7840}) {
            float[] p = random(n, -0.2, 1.2, n), y = random(n, 0, 255, n + 3);
            double[] a = new double[3], b = new double[3];
            fast.metrics(p, y, 0, n, 1f, 1f / 255f, true, a);
            ref.metrics(p, y, 0, n, 1f, 1f / 255f, true, b);
            for (int k = 0; k < 3; k++) assertEquals(b[k], a[k], 1e-5 * Math.abs(b[k]) + 1e-6, "n=" + n + " k=" + k);
        }
        // a sub-range: only [3, 20) counts
        float[] p = random(40, 0, 1, 1), y = random(40, 0, 1, 2);
        double[] a = new double[3], b = new double[3];
        fast.metrics(p, y, 3, 20, 1f, 1f, true, a);
        ref.metrics(p, y, 3, 20, 1f, 1f, true, b);
        assertEquals(b[2], a[2], 1e-6);
    }

    @Test
    void vectorExpAndLogAreWithinAFewUlpOfMath() {
        var species = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED;
        int lanes = species.length();
        float[] x = new float[lanes], out = new float[lanes];
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 2000; trial++) {
            for (int i = 0; i < lanes; i++) x[i] = (float) r.nextDouble(-87, 88);
            VectorMath.exp(jdk.incubator.vector.FloatVector.fromArray(species, x, 0)).intoArray(out, 0);
            for (int i = 0; i < lanes; i++) {
                double want = Math.exp(x[i]);
                assertEquals(want, out[i], 4 * Math.ulp((float) want), "exp(" + x[i] + ")");
            }
            for (int i = 0; i < lanes; i++) x[i] = (float) Math.exp(r.nextDouble(-20, 20)); // 2e-9 … 5e8
            VectorMath.log(jdk.incubator.vector.FloatVector.fromArray(species, x, 0)).intoArray(out, 0);
            for (int i = 0; i < lanes; i++) {
                double want = Math.log(x[i]);
                assertEquals(want, out[i], 4 * Math.ulp((float) want) + 1e-7, "log(" + x[i] + ")");
            }
        }
        // the ends used by BCE: ln(1e-7), ln(1 − 1e-7), ln ½, ln 1
        float[] ends = new float[lanes];
        ends[0] = 1e-7f; ends[1] = 1 - 1e-7f; ends[2] = 0.5f; ends[3] = 1f;
        for (int i = 4; i < lanes; i++) ends[i] = 1f;
        VectorMath.log(jdk.incubator.vector.FloatVector.fromArray(species, ends, 0)).intoArray(out, 0);
        assertEquals(Math.log(1e-7f), out[0], 1e-5);
        assertEquals(Math.log(1 - 1e-7f), out[1], 1e-9);
        assertEquals(Math.log(0.5), out[2], 1e-7);
        assertEquals(0, out[3], 0);
    }

    @Test
    void reluBackwardZeroesTheGradientWhereTheUnitWasOff() {
        for (int n : new int[]{1, 16, 37, 784}) {
            float[] a = random(n, -1, 1, n), d = random(n, -5, 5, n + 1);
            for (int i = 0; i < n; i++) a[i] = Math.max(a[i], 0f);
            float[] want = d.clone(), got = d.clone();
            ref.reluBackward(a, want, n);
            fast.reluBackward(a, got, n);
            assertArrayEquals(want, got);
            for (int i = 0; i < n; i++) assertEquals(a[i] > 0 ? d[i] : 0f, got[i]);
        }
    }

    @Test
    void clippedBceAgreesInLossAndGradient() {
        for (int n : new int[]{1, 16, 45, 784}) {
            float[] p = random(n, -0.05, 1.05, n), y = random(n, 0, 1, n + 9);
            float[] d1 = new float[n], d2 = new float[n];
            double a = fast.bceClipped(p, y, d1, n, 0.25f), b = ref.bceClipped(p, y, d2, n, 0.25f);
            assertEquals(b, a, 1e-5 * Math.abs(b), "n=" + n);
            for (int i = 0; i < n; i++) assertEquals(d2[i], d1[i], 1e-5f * Math.abs(d2[i]) + 1e-7f, "i=" + i + " p=" + p[i]);
            assertEquals(b, fast.bceClipped(p, y, null, n, 0f), 1e-5 * Math.abs(b));
        }
    }

    @Test
    void softmaxAgreesAndEachRowSumsToOne() {
        int rows = 3, cols = 37;
        float[] z = random(rows * cols, -30, 30, 5), a = new float[rows * cols], b = new float[rows * cols];
        fast.softmax(z, a, rows, cols);
        ref.softmax(z, b, rows, cols);
        for (int i = 0; i < a.length; i++) assertEquals(b[i], a[i], 1e-6f * b[i] + 1e-12f);
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int j = 0; j < cols; j++) s += a[r * cols + j];
            assertEquals(1, s, 1e-5);
        }
    }
}
