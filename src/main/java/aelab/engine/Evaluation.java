package aelab.engine;

/**
 * Means over a set of images: trained loss (own scale), BCE and MSE on [0,1], Σ outputs per image, and
 * the figures of the run's kind.
 */
public record Evaluation(double loss, double bce, double mse, double outputSum, int count, KindFigures kind) {
    public Evaluation(double loss, double bce, double mse, double outputSum, int count) {
        this(loss, bce, mse, outputSum, count, KindFigures.NONE);
    }
}
