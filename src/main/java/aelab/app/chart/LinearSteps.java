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
        double x = 1.05 * highest, step = Math.pow(10, Math.floor(Math.log10(x))) / 4;
        double top = Math.ceil(x / step - 1e-9) * step;
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", top));   // 0.775, not 0.7750000000000001
    }
}
