package aelab.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Values small enough to check by hand; the arithmetic is in the comments. */
class MathGoldenTest {
    @Test
    void bceOfHalfAgainstOneIsLn2() {
        // −[1·ln 0.5 + 0·ln 0.5] = ln 2 = 0.693147
        assertEquals(Math.log(2), Loss.bce(0.5f, 1f), 1e-7);
        // −ln 0.9 = 0.1053605
        assertEquals(0.1053605, Loss.bce(0.9f, 1f), 1e-6);
    }

    @Test
    void bceClipsPredictionsToEpsilon() {
        // p = 0 against y = 1 would be −ln 0 = ∞; clipped to 1e-7 it is −ln 1e-7 = 16.118
        assertEquals(16.118, Loss.bce(0f, 1f), 1e-3);
        assertTrue(Double.isFinite(Loss.bce(1f, 0f)));
    }

    @Test
    void bceFromLogitsAgreesWithBceOfSigmoid() {
        for (float z : new float[]{-5f, -0.3f, 0f, 0.7f, 4f})
            for (float y : new float[]{0f, 0.25f, 1f})
                assertEquals(Loss.bce(Activation.sigmoid(z), y), Loss.bceFromLogit(z, y), 1e-5, "z=" + z + " y=" + y);
        // and stays finite where σ(z) rounds to 1: z = 200, y = 0 gives exactly 200
        assertEquals(200, Loss.bceFromLogit(200f, 0f), 1e-9);
    }

    @Test
    void bceIsSmallestAtPEqualsYWhereItIsTheEntropy() {
        float y = 0.3f;
        double atY = Loss.bce(y, y);
        assertEquals(Entropy.of(y), atY, 1e-6);
        assertTrue(Loss.bce(0.29f, y) > atY && Loss.bce(0.31f, y) > atY);
        assertTrue(atY > 0.6, "grey targets keep BCE well above zero: H(0.3) = 0.6109");
    }

    @Test
    void entropyIsZeroOnlyAtTheEnds() {
        assertEquals(0, Entropy.of(0), 0);
        assertEquals(0, Entropy.of(1), 0);
        assertEquals(Math.log(2), Entropy.of(0.5), 1e-12);
    }

    @Test
    void mseAndMaeOfAKnownPair() {
        float[] p = {0.5f, 0.25f}, y = {1f, 0f};
        // (0.5)² + (0.25)² = 0.3125;  0.5 + 0.25 = 0.75
        assertEquals(0.3125, Loss.MSE.sum(p, y, 2), 1e-7);
        assertEquals(0.75, Loss.MAE.sum(p, y, 2), 1e-7);
    }

    @Test
    void softmaxOutputsSumToOne() {
        float[] z = {1f, 2f, 3f, -1f, 1000f, 1000f};
        Activation.SOFTMAX.forward(z, 6, 3);
        assertEquals(1, z[0] + z[1] + z[2], 1e-6);
        // e/(e+e²+e³) = 1/(1+e+e²) = 0.0900306
        assertEquals(0.0900306, z[0], 1e-6);
        // huge logits do not overflow: e^0/(e^−1001+1+1) = 0.5
        assertEquals(0.5, z[4], 1e-6);
        assertEquals(1, z[3] + z[4] + z[5], 1e-6);
    }

    @Test
    void adamFirstStepMovesEachWeightByTheLearningRate() {
        // t = 1, g = 0.5: m = 0.05, v = 0.00025, α = 0.001·√0.001/0.1 = 3.16228e-4,
        // m/(√v + ε) = 0.05/0.0158114 = 3.16228, so Δp = 0.001 and p = 1 − 0.001 = 0.999
        Adam adam = new Adam(new int[]{1}, 0.001);
        float[] p = {1f}, g = {0.5f};
        adam.beginStep();
        adam.update(0, p, g, 0, 1);
        assertEquals(0.999f, p[0], 1e-6f);
        assertTrue(adam.toString().contains("0.001"));
    }

    @Test
    void sgdWithMomentumAccumulatesVelocity() {
        // u1 = −0.1·1 = −0.1, p = 0.9; u2 = 0.9·(−0.1) − 0.1 = −0.19, p = 0.71
        Sgd sgd = new Sgd(new int[]{1}, 0.1, 0.9);
        float[] p = {1f}, g = {1f};
        sgd.beginStep();
        sgd.update(0, p, g, 0, 1);
        sgd.beginStep();
        sgd.update(0, p, g, 0, 1);
        assertEquals(0.71f, p[0], 1e-6f);
    }

    @Test
    void rmspropFirstStep() {
        // v = 0.1·4 = 0.4, Δp = 0.01·2/(√0.4 + 1e-7) = 0.0316228
        RmsProp r = new RmsProp(new int[]{1}, 0.01);
        float[] p = {0f}, g = {2f};
        r.beginStep();
        r.update(0, p, g, 0, 1);
        assertEquals(-0.0316228f, p[0], 1e-6f);
    }

    @Test
    void glorotWeightsStayWithinTheirLimitAndBiasesAreZero() {
        Autoencoder m = Autoencoder.glorot(new int[]{784, 128, 784}, Activation.RELU, Activation.SIGMOID, 1);
        double r = Math.sqrt(6.0 / (784 + 128)); // 0.0811
        double sumSq = 0;
        for (float w : m.w[0]) {
            assertTrue(Math.abs(w) <= r);
            sumSq += w * w;
        }
        // U(−r, r) has variance r²/3 = 2/(fan_in + fan_out)
        assertEquals(2.0 / (784 + 128), sumSq / m.w[0].length, 1e-4);
        for (float b : m.b[0]) assertEquals(0f, b);
        assertArrayEquals(m.w[1], Autoencoder.glorot(new int[]{784, 128, 784}, Activation.RELU, Activation.SIGMOID, 1).w[1]);
    }
}
