package aelab.app.model;

import aelab.engine.Loss;

import aelab.engine.Entropy;

/**
 * The explainer's curves for one target y, over predictions p in (0, 1):
 *   BCE(p; y) = −[y ln p + (1 − y) ln(1 − p)]        dBCE/dp = (p − y) / (p (1 − p))
 *   SE(p; y)  = (p − y)²                              dSE/dp  = 2 (p − y)
 * Both slopes are zero at p = y. There SE is 0 but BCE is H(y), the entropy of y, which is 0 only
 * for y = 0 or 1. BCE − H(y) is the Kullback–Leibler divergence of p from y: ≥ 0, and 0 only at p = y.
 * For y outside [0,1] BCE has no minimum in (0, 1): for y > 1 it falls without bound as p → 1.
 */
public final class BceCurves {
    /** p is sampled on [EDGE, 1 − EDGE]: at 0 and 1 themselves BCE can be infinite. */
    public static final double EDGE = 1e-3;

    /** n predictions from EDGE to 1 − EDGE with both curves at each. */
    public record Sampled(double y, double[] p, double[] bce, double[] squared) { }

    private BceCurves() { }

    /** In plain doubles, without the engine's clipping: the formula itself. 0·ln 0 counts as 0. */
    public static double bce(double p, double y) {
        return Loss.bceUnclipped(p, y);
    }

    public static double squared(double p, double y) {
        return (p - y) * (p - y);
    }

    /** Whether BCE(·; y) has a lowest point on [0, 1]: only for targets in [0, 1]. */
    public static boolean hasMinimum(double y) {
        return y >= 0 && y <= 1;
    }

    /** The lowest BCE for target y, reached at p = y: the entropy H(y). NaN when there is none. */
    public static double minimum(double y) {
        return hasMinimum(y) ? Entropy.of(y) : Double.NaN;
    }

    public static Sampled sample(double y, int n) {
        if (n < 2) throw new IllegalArgumentException("need at least 2 points: " + n);
        double[] p = new double[n], bce = new double[n], se = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = EDGE + (1 - 2 * EDGE) * i / (n - 1);
            bce[i] = bce(p[i], y);
            se[i] = squared(p[i], y);
        }
        return new Sampled(y, p, bce, se);
    }
}
