package aelab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementwise} with the Vector API: exp and log of a whole vector at once. Sums are kept in
 * float lanes over blocks of at most {@value #BLOCK} elements, then added up in double, so the
 * rounding stays that of a short float sum. Tails run through the scalar version.
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length(), BLOCK = 1024;
    private static final ScalarElementwise TAIL = new ScalarElementwise();

    @Override public void sigmoid(float[] z, float[] p, int n) {
        int i = 0, bound = S.loopBound(n);
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i < bound; i += L) {
            FloatVector e = FloatVector.fromArray(S, z, i).neg().lanewise(VectorOperators.EXP);
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
                FloatVector l = zv.max(0f).sub(zv.mul(yv)).sub(big.lanewise(VectorOperators.LOG));
                acc = acc.add(l);
                if (d != null) pv.sub(yv).mul(scale).intoArray(d, i);
            }
            total += acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            float zi = z[i], pi = p[i], yi = y[i];
            total += Math.max(zi, 0f) - zi * yi - Math.log(zi >= 0 ? pi : 1 - pi);
            if (d != null) d[i] = scale * (pi - yi);
        }
        return total;
    }

    @Override public void metrics(float[] p, float[] y, int from, int to, float pScale, float yScale, double[] out) {
        double bce = 0, mse = 0, sum = 0;
        int i = from, bound = from + S.loopBound(to - from);
        float lo = ScalarElementwise.EPS, hi = 1 - ScalarElementwise.EPS;
        while (i < bound) {
            int end = Math.min(bound, i + BLOCK);
            FloatVector b = FloatVector.zero(S), m = FloatVector.zero(S), s = FloatVector.zero(S);
            for (; i < end; i += L) {
                FloatVector pv = FloatVector.fromArray(S, p, i), q = pv.mul(pScale),
                        t = FloatVector.fromArray(S, y, i).mul(yScale), e = q.sub(t);
                FloatVector c = q.max(lo).min(hi);
                FloatVector lc = c.lanewise(VectorOperators.LOG), l1c = c.neg().add(1f).lanewise(VectorOperators.LOG);
                // −[t ln c + (1 − t) ln(1 − c)] = −[t (ln c − ln(1 − c)) + ln(1 − c)]
                b = b.sub(t.fma(lc.sub(l1c), l1c));
                m = e.fma(e, m);
                s = s.add(pv);
            }
            bce += b.reduceLanes(VectorOperators.ADD);
            mse += m.reduceLanes(VectorOperators.ADD);
            sum += s.reduceLanes(VectorOperators.ADD);
        }
        TAIL.metrics(p, y, i, to, pScale, yScale, out);
        out[0] += bce;
        out[1] += mse;
        out[2] += sum;
    }

    @Override public String name() { return "vector" + L * 32; }
}
