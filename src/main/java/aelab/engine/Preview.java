package aelab.engine;

/**
 * Reconstructions of a fixed set of test images, for display: pixels (count, D) on the [0,1] scale
 * (not clipped: a linear output may stray outside), with each image's BCE, MSE and Σ outputs; for a
 * VAE also samples (n, D), its decoder's pictures of fixed draws z ~ N(0, I) (null for other kinds),
 * and for a sparse run each shown image's code (count, k), the bottleneck's activations (null otherwise).
 * A copy: nothing here is shared with the training thread.
 */
public record Preview(long step, int epoch, int[] indices, int width, float[] pixels,
                      double[] bce, double[] mse, double[] outputSum, float[] samples, float[] codes) {
    public Preview(long step, int epoch, int[] indices, int width, float[] pixels,
                   double[] bce, double[] mse, double[] outputSum) {
        this(step, epoch, indices, width, pixels, bce, mse, outputSum, null, null);
    }

    public int count() { return indices.length; }

    /** How many VAE samples it carries (0 for other kinds). */
    public int sampleCount() { return samples == null ? 0 : samples.length / width; }
}
