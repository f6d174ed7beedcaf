package aelab.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner loops of {@link VectorMatMul}: one MR×NR tile of C held in registers
 * while p runs over the whole inner dimension k.
 *
 * <p>Legend: MR = 5 rows of C, L = lanes of one vector (16 floats with AVX-512), NR = 4·L columns.
 * For each p the tile takes one rank-1 update, an outer product of a column of A and a row of B:
 * <pre>  C[i+r, j..j+NR) += A[i+r, p] · B[p, j..j+NR)      r = 0..MR-1</pre>
 * that is 4 vector loads of B, 5 broadcasts of A and 20 fused multiply-adds. 20 accumulators
 * + 4 B vectors + 1 broadcast = 25 of the 32 AVX-512 registers, so nothing spills.
 *
 * <p>Strides let one kernel read every layout without copying: A(i, p) is {@code a[ao + r·rs + p·ps]}
 * (rs = k, ps = 1 for A stored m×k; rs = 1, ps = m for Aᵀ stored k×m; rs = 1, ps = MR when packed),
 * and B's row p starts at {@code b[bo + p·bs]}. The accumulators are plain locals so C2 keeps them
 * in registers; arrays of vectors would defeat that.
 */
final class MicroKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 5;
    static final int NV = 4;
    static final int NR = NV * L;

    private MicroKernel() {
    }

    /** C[5 × 4L] (+)= A[5 × k]·B[k × 4L]; C row r starts at {@code c[co + r·ldc]}. */
    static void tile(float[] a, int ao, int rs, int ps, float[] b, int bo, int bs, int k,
                     float[] c, int co, int ldc, boolean acc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
        FloatVector c40 = z, c41 = z, c42 = z, c43 = z;
        int a0 = ao, a1 = ao + rs, a2 = ao + 2 * rs, a3 = ao + 3 * rs, a4 = ao + 4 * rs;
        for (int p = 0, q = 0, pb = bo; p < k; p++, q += ps, pb += bs) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb), b1 = FloatVector.fromArray(S, b, pb + L);
            FloatVector b2 = FloatVector.fromArray(S, b, pb + 2 * L), b3 = FloatVector.fromArray(S, b, pb + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + q]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02); c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + q]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12); c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + q]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22); c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + q]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32); c33 = x.fma(b3, c33);
            x = FloatVector.broadcast(S, a[a4 + q]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41); c42 = x.fma(b2, c42); c43 = x.fma(b3, c43);
        }
        store4(c00, c01, c02, c03, c, co, acc);
        store4(c10, c11, c12, c13, c, co + ldc, acc);
        store4(c20, c21, c22, c23, c, co + 2 * ldc, acc);
        store4(c30, c31, c32, c33, c, co + 3 * ldc, acc);
        store4(c40, c41, c42, c43, c, co + 4 * ldc, acc);
    }

    /** C[5 × L] (+)= A[5 × k]·B[k × L]: the same update one vector wide, for the columns left over. */
    static void strip(float[] a, int ao, int rs, int ps, float[] b, int bo, int bs, int k,
                      float[] c, int co, int ldc, boolean acc) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0;
        int a0 = ao, a1 = ao + rs, a2 = ao + 2 * rs, a3 = ao + 3 * rs, a4 = ao + 4 * rs;
        for (int p = 0, q = 0, pb = bo; p < k; p++, q += ps, pb += bs) {
            FloatVector bv = FloatVector.fromArray(S, b, pb);
            c0 = FloatVector.broadcast(S, a[a0 + q]).fma(bv, c0);
            c1 = FloatVector.broadcast(S, a[a1 + q]).fma(bv, c1);
            c2 = FloatVector.broadcast(S, a[a2 + q]).fma(bv, c2);
            c3 = FloatVector.broadcast(S, a[a3 + q]).fma(bv, c3);
            c4 = FloatVector.broadcast(S, a[a4 + q]).fma(bv, c4);
        }
        store1(c0, c, co, acc);
        store1(c1, c, co + ldc, acc);
        store1(c2, c, co + 2 * ldc, acc);
        store1(c3, c, co + 3 * ldc, acc);
        store1(c4, c, co + 4 * ldc, acc);
    }

    private static void store4(FloatVector v0, FloatVector v1, FloatVector v2, FloatVector v3,
                               float[] c, int o, boolean acc) {
        store1(v0, c, o, acc);
        store1(v1, c, o + L, acc);
        store1(v2, c, o + 2 * L, acc);
        store1(v3, c, o + 3 * L, acc);
    }

    private static void store1(FloatVector v, float[] c, int o, boolean acc) {
        (acc ? v.add(FloatVector.fromArray(S, c, o)) : v).intoArray(c, o);
    }
}
