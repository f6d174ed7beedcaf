package aelab.engine;

/**
 * Test figures that only some kinds have; NaN where a kind has none (the CSV leaves them empty).
 * noisyTestBce/Mse: a denoising run's, from the fixed noisy test inputs against the clean targets.
 * codeL1: a sparse run's test mean of Σ_j |code_j|; codeZeroFraction: the share of code values below 1e-3.
 * testRecon, testKl: a VAE's two parts of its test loss per image (Σ_pixels BCE, KL), one seeded sample each.
 */
public record KindFigures(double noisyTestBce, double noisyTestMse, double codeL1, double codeZeroFraction,
                          double testRecon, double testKl) {
    public static final KindFigures NONE = new KindFigures(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);

    /** The CSV columns, in order, after the plain ones. */
    public static final String CSV_COLUMNS = "noisy_test_bce,noisy_test_mse,code_l1,code_zero_fraction,test_recon,test_kl";

    public double[] values() {
        return new double[]{noisyTestBce, noisyTestMse, codeL1, codeZeroFraction, testRecon, testKl};
    }

    /** The values as CSV cells, empty where NaN. */
    public String csv() {
        java.util.StringJoiner s = new java.util.StringJoiner(",");
        for (double v : values()) s.add(Double.isNaN(v) ? "" : Double.toString(v));
        return s.toString();
    }

    public boolean isEmpty() {
        for (double v : values()) if (!Double.isNaN(v)) return false;
        return true;
    }
}
