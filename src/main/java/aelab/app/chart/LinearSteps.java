package aelab.app.chart;

/**
 * Where a linear loss axis ends: a little above the data, on a coarse step, so that the axis moves only
 * when the data cross a step. Left to itself, JFreeChart ends it 5 % above the data's highest point, which
 * moves whenever that point does: a curve that averages its points in pairs (see aelab.app.model.Curve)
 * lowers its first peak a little, and the chart was drawn whole again for an axis moved by 0.1 %.
 *
 *   top = the first multiple of 10^⌊log10 x⌋ / 4 at or above x,   x = 1.05 · highest
 *
 * so 0.7283 and 0.7222 both end at 0.775, 0.024 at 0.025, 3.1 at 3.25.
 */
final class LinearSteps {
    private LinearSteps() { }

    /** The axis's upper end for data whose highest value is highest (> 0); 1 for none. */
    static double top(double highest) {
        if (!(highest > 0) || Double.isInfinite(highest)) return 1;
        double x = 1.05 * highest;
        int k = (int) Math.floor(Math.log10(x));
        double n = Math.ceil(x / (Math.pow(10, k) / 4) - 1e-9);
        // n · 10^k / 4 as the double nearest to it (0.775, not 0.7750000000000001): 10^|k| is exact as a
        // double up to 10^22, and one division of exact values rounds once. Asked with every frame of a run,
        // so no detour through a formatted string.
        double p = Math.pow(10, Math.abs(k));
        return k >= 0 ? n * p / 4 : n / (4 * p);
    }
}
