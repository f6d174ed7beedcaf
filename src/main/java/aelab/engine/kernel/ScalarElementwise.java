package aelab.engine.kernel;

/** Plain loops: the fallback, and the reference the vector version is tested against. */
public final class ScalarElementwise implements Elementwise {
    static final float EPS = 1e-7f;

    @Override public void sigmoid(float[] z, float[] p, int n) {
        for (int i = 0; i < n; i++) p[i] = (float) (1 / (1 + Math.exp(-z[i])));
    }

    @Override public double bceFromLogits(float[] z, float[] p, float[] y, float[] d, int n, float scale) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            float zi = z[i], pi = p[i], yi = y[i];
            float big = zi >= 0 ? pi : 1 - pi; // σ(|z|)
            s += Math.max(zi, 0f) - zi * yi - Math.log(big);
            if (d != null) d[i] = scale * (pi - yi);
        }
        return s;
    }

    @Override public void metrics(float[] p, float[] y, int from, int to, float pScale, float yScale, boolean withBce,
                                  double[] out) {
        double bce = 0, mse = 0, sum = 0;
        for (int i = from; i < to; i++) {
            float q = p[i] * pScale, t = y[i] * yScale, e = q - t;
            if (withBce) {
                float c = Math.min(Math.max(q, EPS), 1 - EPS);
                bce -= t * Math.log(c) + (1 - t) * Math.log(1 - c);
            }
            mse += e * e;
            sum += p[i];
        }
        out[0] = bce;
        out[1] = mse;
        out[2] = sum;
    }

    @Override public double bceClipped(float[] p, float[] y, float[] d, int n, float scale) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            float q = p[i], t = y[i], c = Math.min(Math.max(q, EPS), 1 - EPS);
            s -= t * Math.log(c) + (1 - t) * Math.log(1 - c);
            if (d != null) d[i] = q < EPS || q > 1 - EPS ? 0f : scale * (q - t) / (q * (1 - q));
        }
        return s;
    }

    @Override public void softmax(float[] z, float[] p, int rows, int cols) {
        for (int r = 0; r < rows * cols; r += cols) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = r; j < r + cols; j++) max = Math.max(max, z[j]);
            double sum = 0;
            for (int j = r; j < r + cols; j++) {
                p[j] = (float) Math.exp(z[j] - max);
                sum += p[j];
            }
            float inv = (float) (1 / sum);
            for (int j = r; j < r + cols; j++) p[j] *= inv;
        }
    }

    @Override public void reluBackward(float[] a, float[] d, int n) {
        for (int i = 0; i < n; i++) if (a[i] <= 0f) d[i] = 0f;
    }

    @Override public String name() { return "scalar"; }
}
