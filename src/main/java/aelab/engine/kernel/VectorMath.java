package aelab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * exp and log on float vectors from +, ×, fma and bit operations only (Cephes expf/logf, S. Moshier).
 * The Vector API's own EXP and LOG give different last bits interpreted and compiled (Java loops
 * before the JIT, SVML after), which would break "same seed, same numbers"; these give the same
 * bits wherever they run. Relative error ≤ ~2 ulp on the ranges used here.
 */
final class VectorMath {
    private VectorMath() { }

    private static final float LOG2E = 1.44269504088896341f;
    private static final float C1 = 0.693359375f, C2 = -2.12194440e-4f; // ln 2 = C1 + C2, C1 exact in 9 bits
    private static final float ROUND = 12582912f;                      // 1.5·2²³: x + ROUND rounds x to an integer
    private static final int ROUND_BITS = 0x4B400000;
    // Constants as vectors made once: a broadcast inside the loops would be a call C2 may not inline.
    private static final jdk.incubator.vector.VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector V_LOG2E = FloatVector.broadcast(S, LOG2E);
    private static final FloatVector V_ROUND = FloatVector.broadcast(S, ROUND);
    private static final FloatVector V_NEG_C1 = FloatVector.broadcast(S, -C1);
    private static final FloatVector V_NEG_C2 = FloatVector.broadcast(S, -C2);
    private static final FloatVector EXP_P0 = FloatVector.broadcast(S, 1.9875691500E-4f);
    private static final FloatVector EXP_P1 = FloatVector.broadcast(S, 1.3981999507E-3f);
    private static final FloatVector EXP_P2 = FloatVector.broadcast(S, 8.3334519073E-3f);
    private static final FloatVector EXP_P3 = FloatVector.broadcast(S, 4.1665795894E-2f);
    private static final FloatVector EXP_P4 = FloatVector.broadcast(S, 1.6666665459E-1f);
    private static final FloatVector EXP_P5 = FloatVector.broadcast(S, 5.0000001201E-1f);
    private static final FloatVector LOG_P0 = FloatVector.broadcast(S, 7.0376836292E-2f);
    private static final FloatVector LOG_P1 = FloatVector.broadcast(S, -1.1514610310E-1f);
    private static final FloatVector LOG_P2 = FloatVector.broadcast(S, 1.1676998740E-1f);
    private static final FloatVector LOG_P3 = FloatVector.broadcast(S, -1.2420140846E-1f);
    private static final FloatVector LOG_P4 = FloatVector.broadcast(S, 1.4249322787E-1f);
    private static final FloatVector LOG_P5 = FloatVector.broadcast(S, -1.6668057665E-1f);
    private static final FloatVector LOG_P6 = FloatVector.broadcast(S, 2.0000714765E-1f);
    private static final FloatVector LOG_P7 = FloatVector.broadcast(S, -2.4999993993E-1f);
    private static final FloatVector LOG_P8 = FloatVector.broadcast(S, 3.3333331174E-1f);
    private static final FloatVector V_C2 = FloatVector.broadcast(S, C2);
    private static final FloatVector V_NEG_HALF = FloatVector.broadcast(S, -0.5f);
    private static final FloatVector V_C1 = FloatVector.broadcast(S, C1);

    /**
     * e^x for x clamped to [−87, 88]: x = n·ln 2 + r with n = round(x·log₂e), |r| ≤ ½ ln 2;
     * e^r by a degree-7 polynomial; 2ⁿ by writing n + 127 into the exponent bits.
     */
    static FloatVector exp(FloatVector x) {
        x = x.max(-87f).min(88f);
        FloatVector t = x.fma(V_LOG2E, V_ROUND);
        FloatVector n = t.sub(ROUND);
        FloatVector r = n.fma(V_NEG_C1, x);
        r = n.fma(V_NEG_C2, r);
        FloatVector y = r.fma(EXP_P0, EXP_P1)
                .fma(r, EXP_P2)
                .fma(r, EXP_P3)
                .fma(r, EXP_P4)
                .fma(r, EXP_P5);
        y = y.mul(r.mul(r)).add(r).add(1f);
        IntVector bits = t.reinterpretAsInts().sub(ROUND_BITS).add(127).lanewise(VectorOperators.LSHL, 23);
        return y.mul(bits.reinterpretAsFloats());
    }

    /**
     * ln x for positive normal x: x = m·2ᵉ with m in [√½, √2), ln x = e·ln 2 + ln m, and ln(1 + f),
     * f = m − 1, by f − f²/2 + f³·P(f) with Cephes's degree-8 polynomial P.
     */
    static FloatVector log(FloatVector x) {
        IntVector bits = x.reinterpretAsInts();
        IntVector e = bits.lanewise(VectorOperators.LSHR, 23).sub(126);              // x = m·2ᵉ, m in [½, 1)
        FloatVector m = bits.and(0x807fffff).or(0x3f000000).reinterpretAsFloats();
        var small = m.lt(0.707106781186547524f);                                       // m < √½: use 2m, e − 1
        FloatVector f = m.add(m.blend(0f, small.not())).sub(1f);
        FloatVector ef = ((FloatVector) e.convert(VectorOperators.I2F, 0)).sub(FloatVector.zero(f.species()).blend(1f, small));
        FloatVector z = f.mul(f);
        FloatVector p = f.fma(LOG_P0, LOG_P1)
                .fma(f, LOG_P2)
                .fma(f, LOG_P3)
                .fma(f, LOG_P4)
                .fma(f, LOG_P5)
                .fma(f, LOG_P6)
                .fma(f, LOG_P7)
                .fma(f, LOG_P8);
        FloatVector y = p.mul(f).mul(z);
        y = ef.fma(V_C2, y);
        y = z.fma(V_NEG_HALF, y);
        return ef.fma(V_C1, f.add(y));
    }

}
