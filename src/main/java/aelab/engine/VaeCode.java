package aelab.engine;

import aelab.engine.kernel.MatMul;

import java.util.SplittableRandom;

/**
 * The variational autoencoder's code (Kingma &amp; Welling 2014). Layer c−1, without activation, is
 * the μ head; a second head gives log σ² from the same input; the decoder reads a sample z. Per row,
 * k = the code width, v = log σ²:
 *   μ = z_{c−1},   v = in·Wv + bv,   z = μ + exp(½ v)·ε,   ε ~ N(0, I) from the row's stream
 *   KL = −½ Σ_j (1 + v_j − μ_j² − exp v_j)            term = β Σ_rows KL
 *   dL/dμ = dL/dz + β/B · μ
 *   dL/dv = dL/dz · ε · ½ exp(½ v) + β/B · ½ (exp v − 1)
 *   dWv = inᵀ · dL/dv,   dbv = Σ_rows dL/dv,   dL/d(in) += dL/dv · Wvᵀ
 * Without keys (evaluation of the mean, previews) ε = 0: the code is μ.
 */
final class VaeCode implements CodeLayer {
    private final int nIn, k;
    private final float beta;
    private final float[] mu, v, eps, dv; // (R, k)
    private final float[] gWv, gBv;       // like wv, bv
    double klSum; // Σ_rows KL of the last forward

    VaeCode(Autoencoder m, int capacity, float beta) {
        int c = m.bottleneckLayer();
        nIn = m.widths[c - 1];
        k = m.widths[c];
        this.beta = beta;
        mu = new float[MemoryNeed.arrayLength(capacity, k, "a worker's μ rows")];
        v = new float[mu.length];
        eps = new float[mu.length];
        dv = new float[mu.length];
        gWv = new float[m.wv.length];
        gBv = new float[k];
    }

    @Override public double forward(Autoencoder m, MatMul mm, float[] in, float[] code, int rows, long[] keys) {
        int n = rows * k;
        System.arraycopy(code, 0, mu, 0, n);
        for (int r = 0; r < rows; r++) System.arraycopy(m.bv, 0, v, r * k, k);   // v = bv + …
        mm.mul(in, m.wv, v, rows, nIn, k, true);                                // … + in·Wv
        double kl = 0;
        for (int r = 0; r < rows; r++) {
            SplittableRandom rng = keys == null ? null : new SplittableRandom(keys[r]);
            for (int j = r * k; j < (r + 1) * k; j++) {
                float e = rng == null ? 0f : (float) rng.nextGaussian();
                float var = (float) Math.exp(v[j]);
                eps[j] = e;
                code[j] = mu[j] + (float) Math.sqrt(var) * e;
                kl += -0.5 * (1.0 + v[j] - (double) mu[j] * mu[j] - var);
            }
        }
        klSum = kl;
        return beta * kl;
    }

    @Override public void backward(Autoencoder m, float[] code, float[] g, int rows, float perImage) {
        float b = beta * perImage;
        for (int j = 0; j < rows * k; j++) {
            float var = (float) Math.exp(v[j]), dz = g[j];
            dv[j] = dz * eps[j] * 0.5f * (float) Math.sqrt(var) + b * 0.5f * (var - 1f);
            g[j] = dz + b * mu[j];   // dL/dμ: the μ head is linear, so this is δ of layer c−1
        }
    }

    @Override public void backwardHeads(Autoencoder m, MatMul mm, float[] in, float[] dIn, int rows) {
        mm.mulTransA(in, dv, gWv, nIn, rows, k, false);                       // dWv = inᵀ·dv
        java.util.Arrays.fill(gBv, 0f);
        for (int r = 0; r < rows; r++) for (int j = 0; j < k; j++) gBv[j] += dv[r * k + j];
        if (dIn != null) mm.mulTransB(dv, m.wv, dIn, rows, k, nIn, true);      // dL/d(in) += dv·Wvᵀ
    }

    @Override public float[][] grads() { return new float[][]{gWv, gBv}; }

    /** μ of the last forward's rows (rows, k): the code a VAE's latent view shows. */
    float[] mu() { return mu; }
}
