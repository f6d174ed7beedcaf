package aelab.app.model;

/**
 * Exponential moving average with bias correction (as TensorBoard smooths scalars):
 * m ← w·m + (1 − w)·v, shown as m / (1 − wⁿ), so the first values are not pulled towards 0.
 * Mini-batch losses jump from batch to batch; the trend is what the chart should show.
 */
public final class Smoother {
    private final double weight;
    private double mean;
    private double decay = 1;   // wⁿ

    public Smoother(double weight) {
        if (!(weight >= 0 && weight < 1)) throw new IllegalArgumentException("weight must be in [0,1): " + weight);
        this.weight = weight;
    }

    public double add(double value) {
        if (!Double.isFinite(value)) return value;   // a diverged batch shows as it is, and does not poison the mean
        mean = weight * mean + (1 - weight) * value;
        decay *= weight;
        return mean / (1 - decay);
    }
}
