package aelab.engine;

/**
 * Reconstructions of a fixed set of test images, for display: pixels (count, D) on the [0,1] scale
 * (not clipped: a linear output may stray outside), with each image's BCE, MSE and Σ outputs.
 * A copy: nothing here is shared with the training thread.
 */
public record Preview(long step, int epoch, int[] indices, int width, float[] pixels,
                      double[] bce, double[] mse, double[] outputSum) {
    public int count() { return indices.length; }
}
