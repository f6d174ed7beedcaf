package aelab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Elementwise} with the Vector API, 16 floats at a time on AVX-512. exp and log come from
 * {@link VectorMath}, and sums are kept in float lanes over blocks of at most {@value #BLOCK}
 * elements, then added lane by lane in double in a fixed order — never with reduceLanes, whose order
 * differs between interpreted and compiled code. So the same inputs give the same bits, always.
 * The last n mod L elements of each loop (the tail) are done one at a time by plain loops written out
 * here, the same formulas as {@link ScalarElementwise}; only metrics hands its tail to a ScalarElementwise
 * (stateless, so one shared constant). One instance per thread: it keeps a small lane buffer.
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length(), BLOCK = 1024;
    private static final ScalarElementwise TAIL = new ScalarElementwise();
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private final float[] lanes = new float[L];

    @Override public void sigmoid(float[] z, float[] p, int n) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector e = VectorMath.exp(FloatVector.fromArray(S, z, i).neg());
            ONE.div(e.add(ONE)).intoArray(p, i);
        }
        for (; i < n; i++) p[i] = (float) (1 / (1 + Math.exp(-z[i])));
    }

    // Each variant is its own loop: a branch inside one hot loop would be compiled for the case
    // training sees, and the evaluation's other case would then fall back to slow, boxing code.

    @Override public double bceFromLogits(float[] z, float[] p, float[] y, float[] d, int n, float scale) {
        int bound = S.loopBound(n);
        double total = d == null ? bceLoop(z, p, y, bound) : bceAndDeltaLoop(z, p, y, d, bound, scale);
        for (int i = bound; i < n; i++) {
            float zi = z[i], pi = p[i], yi = y[i];
            total += Math.max(zi, 0f) - zi * yi - Math.log(zi >= 0 ? pi : 1 - pi);
            if (d != null) d[i] = scale * (pi - yi);
        }
        return total;
    }

    /** l = max(z, 0) − z·y − ln σ(|z|), with σ(|z|) = p where z ≥ 0, else 1 − p. */
    private static FloatVector bce(FloatVector zv, FloatVector pv, FloatVector yv) {
        FloatVector big = pv.blend(ONE.sub(pv), zv.lt(0f));
        return zv.max(0f).sub(zv.mul(yv)).sub(VectorMath.log(big));
    }

    private double bceLoop(float[] z, float[] p, float[] y, int bound) {
        double total = 0;
        for (int i = 0; i < bound; ) {
            int end = Math.min(bound, i + BLOCK);
            FloatVector acc = FloatVector.zero(S);
            for (; i < end; i += L)
                acc = acc.add(bce(FloatVector.fromArray(S, z, i), FloatVector.fromArray(S, p, i), FloatVector.fromArray(S, y, i)));
            acc.intoArray(lanes, 0);
            total += sumLanes();
        }
        return total;
    }

    private double bceAndDeltaLoop(float[] z, float[] p, float[] y, float[] d, int bound, float scale) {
        double total = 0;
        for (int i = 0; i < bound; ) {
            int end = Math.min(bound, i + BLOCK);
            FloatVector acc = FloatVector.zero(S);
            for (; i < end; i += L) {
                FloatVector pv = FloatVector.fromArray(S, p, i), yv = FloatVector.fromArray(S, y, i);
                acc = acc.add(bce(FloatVector.fromArray(S, z, i), pv, yv));
                pv.sub(yv).mul(scale).intoArray(d, i); // dl/dz = σ(z) − y
            }
            acc.intoArray(lanes, 0);
            total += sumLanes();
        }
        return total;
    }

    @Override public void metrics(float[] p, float[] y, int from, int to, float pScale, float yScale, boolean withBce,
                                  double[] out) {
        int bound = from + S.loopBound(to - from);
        double bce = withBce ? bceMetricLoop(p, y, from, bound, pScale, yScale) : 0;
        double mse = 0, sum = 0;
        for (int i = from; i < bound; ) {
            int end = Math.min(bound, i + BLOCK);
            FloatVector m = FloatVector.zero(S), s = FloatVector.zero(S);
            for (; i < end; i += L) {
                FloatVector pv = FloatVector.fromArray(S, p, i);
                FloatVector e = pv.mul(pScale).sub(FloatVector.fromArray(S, y, i).mul(yScale));
                m = e.fma(e, m);
                s = s.add(pv);
            }
            m.intoArray(lanes, 0);
            mse += sumLanes();
            s.intoArray(lanes, 0);
            sum += sumLanes();
        }
        TAIL.metrics(p, y, bound, to, pScale, yScale, withBce, out);
        out[0] += bce;
        out[1] += mse;
        out[2] += sum;
    }

    /** Σ −[t ln c + (1 − t) ln(1 − c)] = −Σ [t (ln c − ln(1 − c)) + ln(1 − c)], c = clip(q, ε, 1 − ε). */
    private double bceMetricLoop(float[] p, float[] y, int from, int bound, float pScale, float yScale) {
        float lo = ScalarElementwise.EPS, hi = 1 - ScalarElementwise.EPS;
        double total = 0;
        for (int i = from; i < bound; ) {
            int end = Math.min(bound, i + BLOCK);
            FloatVector b = FloatVector.zero(S);
            for (; i < end; i += L) {
                FloatVector c = FloatVector.fromArray(S, p, i).mul(pScale).max(lo).min(hi);
                FloatVector t = FloatVector.fromArray(S, y, i).mul(yScale);
                FloatVector lc = VectorMath.log(c), l1c = VectorMath.log(ONE.sub(c));
                b = b.sub(t.fma(lc.sub(l1c), l1c));
            }
            b.intoArray(lanes, 0);
            total += sumLanes();
        }
        return total;
    }

    @Override public double bceClipped(float[] p, float[] y, float[] d, int n, float scale) {
        int bound = S.loopBound(n);
        double total = 0;
        for (int i = 0; i < bound; ) {
            int end = Math.min(bound, i + BLOCK);
            FloatVector acc = FloatVector.zero(S);
            for (; i < end; i += L) {
                FloatVector q = FloatVector.fromArray(S, p, i), t = FloatVector.fromArray(S, y, i);
                FloatVector c = q.max(ScalarElementwise.EPS).min(1 - ScalarElementwise.EPS);
                FloatVector lc = VectorMath.log(c), l1c = VectorMath.log(ONE.sub(c));
                acc = acc.sub(t.fma(lc.sub(l1c), l1c));
                if (d != null) {
                    FloatVector g = q.sub(t).div(q.mul(ONE.sub(q))).mul(scale);
                    g.blend(0f, q.lt(ScalarElementwise.EPS).or(q.compare(VectorOperators.GT, 1 - ScalarElementwise.EPS))).intoArray(d, i);
                }
            }
            acc.intoArray(lanes, 0);
            total += sumLanes();
        }
        for (int i = bound; i < n; i++) {
            float q = p[i], t = y[i], c = Math.min(Math.max(q, ScalarElementwise.EPS), 1 - ScalarElementwise.EPS);
            total -= t * Math.log(c) + (1 - t) * Math.log(1 - c);
            if (d != null) d[i] = q < ScalarElementwise.EPS || q > 1 - ScalarElementwise.EPS ? 0f : scale * (q - t) / (q * (1 - q));
        }
        return total;
    }

    @Override public void softmax(float[] z, float[] p, int rows, int cols) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows * cols; r += cols) {
            FloatVector mv = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (int j = 0; j < bound; j += L) mv = mv.max(FloatVector.fromArray(S, z, r + j));
            float max = mv.reduceLanes(VectorOperators.MAX); // a maximum is the same in any order
            for (int j = bound; j < cols; j++) max = Math.max(max, z[r + j]);
            FloatVector acc = FloatVector.zero(S);
            for (int j = 0; j < bound; j += L) {
                FloatVector e = VectorMath.exp(FloatVector.fromArray(S, z, r + j).sub(max));
                e.intoArray(p, r + j);
                acc = acc.add(e);
            }
            acc.intoArray(lanes, 0);
            double s = sumLanes();
            for (int j = bound; j < cols; j++) {
                p[r + j] = (float) Math.exp(z[r + j] - max);
                s += p[r + j];
            }
            FloatVector inv = FloatVector.broadcast(S, (float) (1 / s));
            for (int j = 0; j < bound; j += L) FloatVector.fromArray(S, p, r + j).mul(inv).intoArray(p, r + j);
            for (int j = bound; j < cols; j++) p[r + j] *= (float) (1 / s);
        }
    }

    @Override public void reluBackward(float[] a, float[] d, int n) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += L)
            FloatVector.fromArray(S, d, i).blend(0f, FloatVector.fromArray(S, a, i).compare(VectorOperators.LE, 0f)).intoArray(d, i);
        for (; i < n; i++) if (a[i] <= 0f) d[i] = 0f;
    }

    /**
     * Σ of the lanes last stored, in lane order, in double. Callers store the vector themselves:
     * a vector passed to a method the JIT does not inline is boxed, one allocation per call.
     */
    private double sumLanes() {
        double s = 0;
        for (float x : lanes) s += x;
        return s;
    }

    @Override public String name() { return "vector" + L * 32; }
}
