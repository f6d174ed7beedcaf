package aelab.engine;

import aelab.engine.kernel.MatMul;
import aelab.engine.kernel.MatMuls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central-difference gradient checks over every layer's weights and biases, for every hidden
 * activation, output activation and loss. For each parameter θ_i:
 *   D(h) = (L(θ + h) − L(θ − h)) / 2h,   numeric = (4 D(h/2) − D(h)) / 3   (Richardson: error O(h⁴))
 * and for each parameter array the relative error ‖num − ana‖ / max(‖num‖ + ‖ana‖, floor).
 * The network is tiny (6-5-3-5-6, 4 rows) so every parameter is checked. The arithmetic is float32,
 * so errors of ~1e-3 are noise; a derivative that is 10 % off scores 0.048, a wrong formula far more.
 */
class GradientCheckTest {
    static final int[] WIDTHS = {6, 5, 3, 5, 6};
    static final int ROWS = 4;
    static final float H = 1e-2f;
    static final double TOLERANCE = 0.015, FLOOR = 1e-6;

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Activation hidden : Activation.values()) {
            if (!hidden.allowedHidden()) continue;
            for (Activation out : Activation.values()) {
                if (!out.allowedOutput()) continue;
                for (Loss loss : Loss.values()) b.add(Arguments.of(hidden, out, loss));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}")
    @MethodSource("cases")
    void analyticGradientsMatchCentralDifferences(Activation hidden, Activation output, Loss loss) {
        Autoencoder m = Autoencoder.glorot(WIDTHS, hidden, output, 7);
        randomiseBiases(m, 11);
        Workspace ws = workspaceWithTargets(output, 3);
        targetsAwayFromOutputs(m, ws, 5);
        double worst = maxRelativeError(m, m, ws, loss);
        assertTrue(worst < TOLERANCE, hidden + "/" + output + "/" + loss + ": worst relative error " + worst);
    }

    /** The check must catch a wrong derivative: tanh's forward with sigmoid's derivative a(1 − a). */
    @Test
    void checkFailsOnAWrongDerivative() {
        Autoencoder tanh = Autoencoder.glorot(WIDTHS, Activation.TANH, Activation.SIGMOID, 7);
        randomiseBiases(tanh, 11);
        Autoencoder wrong = new Autoencoder(WIDTHS, Activation.SIGMOID, Activation.SIGMOID);
        wrong.copyFrom(tanh);
        Workspace ws = workspaceWithTargets(Activation.SIGMOID, 3);
        double worst = maxRelativeError(tanh, wrong, ws, Loss.MSE);
        assertTrue(worst > 0.3, "a wrong derivative went unnoticed: worst relative error " + worst);
    }

    /** And it must catch a gradient that is right in direction but 10 % too large. */
    @Test
    void checkFailsOnAScaledGradient() {
        Autoencoder m = Autoencoder.glorot(WIDTHS, Activation.RELU, Activation.SIGMOID, 7);
        randomiseBiases(m, 11);
        double worst = maxRelativeError(m, m, workspaceWithTargets(Activation.SIGMOID, 3), Loss.BCE, 1.1f);
        assertTrue(worst > 0.04, "a 10% error went unnoticed: " + worst);
    }

    static double maxRelativeError(Autoencoder forwardModel, Autoencoder backwardModel, Workspace ws, Loss loss) {
        return maxRelativeError(forwardModel, backwardModel, ws, loss, 1f);
    }

    /** The worst, over parameter arrays, of the relative error between numeric and gradScale · analytic. */
    static double maxRelativeError(Autoencoder forwardModel, Autoencoder backwardModel, Workspace ws, Loss loss,
                                   float gradScale) {
        MatMul mm = MatMuls.best();
        float scale = 1f / (ROWS * WIDTHS[WIDTHS.length - 1]);
        ws.forward(forwardModel, mm, ROWS);
        ws.lossAndDelta(forwardModel, loss, ROWS, scale);
        ws.backward(backwardModel, mm, ROWS);
        float[][] params = forwardModel.params(), live = ws.grads();
        double[][] analytic = new double[params.length][];
        for (int k = 0; k < params.length; k++) {
            analytic[k] = new double[params[k].length];
            for (int i = 0; i < params[k].length; i++) analytic[k][i] = gradScale * live[k][i];
        }
        double worst = 0;
        int skipped = 0, total = 0;
        for (int k = 0; k < params.length; k++) {
            double diff = 0, num2 = 0, ana2 = 0;
            for (int i = 0; i < params[k].length; i++) {
                double num = numeric(forwardModel, ws, loss, params[k], i), ana = analytic[k][i];
                total++;
                if (Double.isNaN(num)) { // the step crossed MAE's kink at p = y: no derivative to compare
                    skipped++;
                    continue;
                }
                diff += (num - ana) * (num - ana);
                num2 += num * num;
                ana2 += ana * ana;
            }
            worst = Math.max(worst, Math.sqrt(diff) / Math.max(Math.sqrt(num2) + Math.sqrt(ana2), FLOOR));
        }
        assertTrue(skipped * 5 < total, skipped + " of " + total + " parameters sat on a kink");
        return worst;
    }

    /** Richardson-extrapolated central difference of the batch-mean loss. */
    static double numeric(Autoencoder m, Workspace ws, Loss loss, float[] p, int i) {
        return (4 * central(m, ws, loss, p, i, H / 2) - central(m, ws, loss, p, i, H)) / 3;
    }

    /** (L(θ + h) − L(θ − h)) / 2h with L the batch mean of the loss. */
    static double central(Autoencoder m, Workspace ws, Loss loss, float[] p, int i, float h) {
        float keep = p[i];
        p[i] = keep + h;
        double up = lossOf(m, ws, loss);
        long upSigns = signs(ws);
        p[i] = keep - h;
        double down = lossOf(m, ws, loss);
        long downSigns = signs(ws);
        p[i] = keep;
        if (loss == Loss.MAE && upSigns != downSigns) return Double.NaN;
        return (up - down) / ((double) (keep + h) - (double) (keep - h));
    }

    /** Which outputs lie above their targets, as bits: where |p − y| has its kink. */
    static long signs(Workspace ws) {
        long bits = 0;
        float[] p = ws.output();
        for (int i = 0; i < ROWS * WIDTHS[0]; i++) if (p[i] > ws.y[i]) bits |= 1L << i;
        return bits;
    }

    /**
     * The batch-mean loss after a forward pass, summed in double here rather than by the training
     * kernels (whose float rounding, ~1e-7, would swamp differences of tiny gradients): from the
     * logits for sigmoid + BCE, from the outputs otherwise.
     */
    static double lossOf(Autoencoder m, Workspace ws, Loss loss) {
        ws.forward(m, MatMuls.best(), ROWS);
        int n = ROWS * WIDTHS[WIDTHS.length - 1];
        double s = 0;
        if (Workspace.fromLogits(m, loss)) for (int i = 0; i < n; i++) s += Loss.bceFromLogit(ws.z[i], ws.y[i]);
        else s = loss.sum(ws.output(), ws.y, n);
        return s / n;
    }

    /** Inputs = targets in (0.05, 0.95): inside BCE's range and away from MAE's kink. */
    static Workspace workspaceWithTargets(Activation output, long seed) {
        Workspace ws = new Workspace(WIDTHS, ROWS);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < ROWS * WIDTHS[0]; i++) ws.x[i] = (float) r.nextDouble(0.05, 0.95);
        return ws;
    }

    /**
     * Targets 0.1 above or below each output at random (inside [0,1]), so no step of size h moves an
     * output across |p − y|'s kink and BCE's targets stay in range. Random signs matter: with softmax,
     * p − y equal on every unit has no gradient at all, since Σ p = 1.
     */
    static void targetsAwayFromOutputs(Autoencoder m, Workspace ws, long seed) {
        ws.forward(m, MatMuls.best(), ROWS);
        float[] p = ws.output(), y = new float[p.length];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < ROWS * WIDTHS[0]; i++) {
            float q = Math.min(Math.max(p[i], 0f), 1f);
            boolean up = q < 0.1f || (q <= 0.9f && r.nextBoolean());
            y[i] = up ? q + 0.1f : q - 0.1f;
        }
        ws.y = y;
    }

    static void randomiseBiases(Autoencoder m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (float[] b : m.b) for (int i = 0; i < b.length; i++) b[i] = (float) r.nextDouble(-0.3, 0.3);
    }
}
