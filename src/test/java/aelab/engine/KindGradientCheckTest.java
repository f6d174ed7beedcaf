package aelab.engine;

import aelab.engine.kernel.MatMul;
import aelab.engine.kernel.MatMuls;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central-difference gradient checks of the kinds' own terms, as {@link GradientCheckTest} does for the
 * layers: the sparse run's L1 penalty on the code, the VAE's two heads, its sampling with ε fixed (the
 * rows' streams keep their keys, so every forward draws the same ε) and its KL term. Over every
 * parameter array, including the log σ² head's. The loss is the batch's as trained:
 *   sparse  L = mean_pixels BCE + λ · (1/B) Σ_rows Σ_j |code_j|
 *   vae     L = (1/B) Σ_rows (Σ_pixels BCE + β · KL)
 * And the check must still fail on a wrong derivative: a VAE whose backward leaves KL out.
 */
class KindGradientCheckTest {
    static final int[] WIDTHS = {6, 5, 3, 5, 6};
    static final int ROWS = 4;
    static final float H = 1e-2f;
    static final double FLOOR = 1e-6;

    @Test
    void theSparsePenaltysGradientMatchesCentralDifferences() {
        // sigmoid hidden units keep the code > 0, away from |code|'s kink at 0
        Autoencoder m = model(ModelKind.SPARSE, Activation.SIGMOID);
        Workspace ws = workspace(m, 0.05, 1);
        double worst = worst(m, ws, ws);
        assertTrue(worst < 0.015, "sparse: worst relative error " + worst);
    }

    @Test
    void aSparsePenaltyLargeEnoughToMatterIsChecked() {
        // λ large: the penalty's gradient dominates the code layer's, so a wrong one could not hide
        Autoencoder m = model(ModelKind.SPARSE, Activation.SIGMOID);
        Workspace with = workspace(m, 2.0, 1), without = workspace(m, 0.0, 1);
        assertTrue(worst(m, with, with) < 0.015, "sparse λ 2: " + worst(m, with, with));
        assertTrue(worst(m, with, without) > 0.1, "a penalty left out of backward went unnoticed: " + worst(m, with, without));
    }

    @Test
    void theVaesHeadsSamplingAndKlMatchCentralDifferences() {
        for (Activation hidden : new Activation[]{Activation.TANH, Activation.SIGMOID, Activation.RELU}) {
            Autoencoder m = model(ModelKind.VAE, hidden);
            Workspace ws = workspace(m, 0, 1.0);
            double worst = worst(m, ws, ws);
            assertTrue(worst < 0.015, "vae with " + hidden + " hidden units: worst relative error " + worst);
        }
    }

    @Test
    void aVaeWhoseCodeIsTheInputsOwnLayerIsChecked() {
        // 6-3-6: the heads read the input itself (no dL/d(in) to pass on)
        Autoencoder m = Autoencoder.glorot(new int[]{6, 3, 6}, Activation.TANH, Activation.SIGMOID, ModelKind.VAE, 7);
        randomise(m, 11);
        Workspace ws = workspace(m, 0, 0.7);
        assertTrue(worst(m, ws, ws) < 0.015, "vae 6-3-6: " + worst(m, ws, ws));
    }

    @Test
    void checkFailsOnAVaeWhoseBackwardLeavesKlOut() {
        Autoencoder m = model(ModelKind.VAE, Activation.TANH);
        double worst = worst(m, workspace(m, 0, 1.0), workspace(m, 0, 0.0));
        assertTrue(worst > 0.1, "a missing KL gradient went unnoticed: worst relative error " + worst);
    }

    static Autoencoder model(ModelKind kind, Activation hidden) {
        Autoencoder m = Autoencoder.glorot(WIDTHS, hidden, Activation.SIGMOID, kind, 7);
        randomise(m, 11);
        return m;
    }

    /** Biases, and a VAE's log σ² head, away from zero, so every term has something to say. */
    static void randomise(Autoencoder m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (float[] b : m.b) for (int i = 0; i < b.length; i++) b[i] = (float) r.nextDouble(-0.3, 0.3);
        if (m.bv != null) for (int i = 0; i < m.bv.length; i++) m.bv[i] = (float) r.nextDouble(-0.5, 0.5);
    }

    /** Inputs = targets in (0.05, 0.95), and fixed row keys: ε is the same in every forward. */
    static Workspace workspace(Autoencoder m, double l1, double beta) {
        Workspace ws = new Workspace(m, ROWS, l1, beta, false);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < ROWS * WIDTHS[0]; i++) ws.x[i] = (float) r.nextDouble(0.05, 0.95);
        for (int i = 0; i < ROWS; i++) ws.keys[i] = 1000 + i;
        return ws;
    }

    /** The worst relative error over the arrays between numeric gradients (numericWs) and analytic ones (analyticWs). */
    static double worst(Autoencoder m, Workspace numericWs, Workspace analyticWs) {
        MatMul mm = MatMuls.best();
        boolean perImage = m.kind.lossPerImage();
        float scale = perImage ? 1f / ROWS : 1f / (ROWS * WIDTHS[WIDTHS.length - 1]);
        System.arraycopy(numericWs.x, 0, analyticWs.x, 0, ROWS * WIDTHS[0]);
        System.arraycopy(numericWs.keys, 0, analyticWs.keys, 0, ROWS);
        analyticWs.forward(m, mm, ROWS, true);
        analyticWs.lossAndDelta(m, Loss.BCE, ROWS, scale);
        analyticWs.backward(m, mm, ROWS, 1f / ROWS);
        float[][] params = m.params(), grads = analyticWs.grads();
        double worst = 0;
        for (int k = 0; k < params.length; k++) {
            double diff = 0, num2 = 0, ana2 = 0;
            for (int i = 0; i < params[k].length; i++) {
                double num = (4 * central(m, numericWs, params[k], i, H / 2) - central(m, numericWs, params[k], i, H)) / 3;
                double ana = grads[k][i];
                diff += (num - ana) * (num - ana);
                num2 += num * num;
                ana2 += ana * ana;
            }
            worst = Math.max(worst, Math.sqrt(diff) / Math.max(Math.sqrt(num2) + Math.sqrt(ana2), FLOOR));
        }
        return worst;
    }

    static double central(Autoencoder m, Workspace ws, float[] p, int i, float h) {
        float keep = p[i];
        p[i] = keep + h;
        double up = lossOf(m, ws);
        p[i] = keep - h;
        double down = lossOf(m, ws);
        p[i] = keep;
        return (up - down) / ((double) (keep + h) - (double) (keep - h));
    }

    /** The batch's loss in double: BCE from the logits, plus the kind's term (penaltySum, per-image units). */
    static double lossOf(Autoencoder m, Workspace ws) {
        ws.forward(m, MatMuls.best(), ROWS, true);
        int d = WIDTHS[WIDTHS.length - 1], n = ROWS * d;
        double bce = 0;
        for (int i = 0; i < n; i++) bce += Loss.bceFromLogit(ws.z[i], ws.y[i]);
        return m.kind.lossPerImage() ? (bce + ws.penaltySum) / ROWS : bce / n + ws.penaltySum / ROWS;
    }
}
