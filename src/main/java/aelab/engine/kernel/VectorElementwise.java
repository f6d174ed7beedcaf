package aelab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementwise} with the Vector API, 16 floats at a time on AVX-512. exp and log come from
 * {@link VectorMath}, and sums are kept in float lanes over blocks of at most {@value #BLOCK}
 * elements, then added lane by lane in double in a fixed order — never with reduceLanes, whose order
 * differs between interpreted and compiled code. So the same inputs give the same bits, always.
 * Tails run through the scalar loops. One instance per thread: it keeps a small lane buffer.
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length(), BLOCK = 1024;
    private static final ScalarElementwise TAIL = new ScalarElementwise();
    private final float[] lanes = new float[L];

    @Override public void sigmoid(float[] z, float[] p, int n) {
        int i = 0, bound = S.loopBound(n);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i < bound; i += L) {
            FloatVector e = VectorMath.exp(FloatVector.fromArray(S, z, i).neg());
            one.div(e.add(one)).intoArray(p, i);
        }
        for (; i < n; i++) p[i] = (float) (1 / (1 + Math.exp(-z[i])));
    }

    @Override public double bceFromLogits(float[] z, float[] p, float[] y, float[] d, int n, float scale) {
        double total = 0;
        int bound = S.loopBound(n), i = 0;
        while (i < bound) {
            int end = Math.min(bound, i + BLOCK);
            FloatVector acc = FloatVector.zero(S);
            for (; i < end; i += L) {
                FloatVector zv = FloatVector.fromArray(S, z, i), pv = FloatVector.fromArray(S, p, i),
                        yv = FloatVector.fromArray(S, y, i);
                VectorMask<Float> neg = zv.lt(0f);
                FloatVector big = pv.blend(pv.neg().add(1f), neg); // σ(|z|)
                acc = acc.add(zv.max(0f).sub(zv.mul(yv)).sub(VectorMath.log(big)));
                if (d != null) pv.sub(yv).mul(scale).intoArray(d, i);
            }
            total += sum(acc);
        }
        for (; i < n; i++) {
            float zi = z[i], pi = p[i], yi = y[i];
            total += Math.max(zi, 0f) - zi * yi - Math.log(zi >= 0 ? pi : 1 - pi);
            if (d != null) d[i] = scale * (pi - yi);
        }
        return total;
    }

    @Override public void metrics(float[] p, float[] y, int from, int to, float pScale, float yScale, boolean withBce,
                                  double[] out) {
        double bce = 0, mse = 0, sum = 0;
        int i = from, bound = from + S.loopBound(to - from);
        float lo = ScalarElementwise.EPS, hi = 1 - ScalarElementwise.EPS;
        while (i < bound) {
            int end = Math.min(bound, i + BLOCK);
            FloatVector b = FloatVector.zero(S), m = FloatVector.zero(S), s = FloatVector.zero(S);
            for (; i < end; i += L) {
                FloatVector pv = FloatVector.fromArray(S, p, i), q = pv.mul(pScale),
                        t = FloatVector.fromArray(S, y, i).mul(yScale), e = q.sub(t);
                if (withBce) {
                    FloatVector c = q.max(lo).min(hi);
                    FloatVector lc = VectorMath.log(c), l1c = VectorMath.log(c.neg().add(1f));
                    // −[t ln c + (1 − t) ln(1 − c)] = −[t (ln c − ln(1 − c)) + ln(1 − c)]
                    b = b.sub(t.fma(lc.sub(l1c), l1c));
                }
                m = e.fma(e, m);
                s = s.add(pv);
            }
            bce += sum(b);
            mse += sum(m);
            sum += sum(s);
        }
        TAIL.metrics(p, y, i, to, pScale, yScale, withBce, out);
        out[0] += bce;
        out[1] += mse;
        out[2] += sum;
    }

    /** Σ of the lanes in lane order, in double. */
    private double sum(FloatVector v) {
        v.intoArray(lanes, 0);
        double s = 0;
        for (float x : lanes) s += x;
        return s;
    }

    @Override public String name() { return "vector" + L * 32; }
}
