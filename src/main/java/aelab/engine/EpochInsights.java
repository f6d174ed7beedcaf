package aelab.engine;

/**
 * What the test set shows at the end of an epoch, beyond the means. codes: the bottleneck codes of
 * the first test images projected to 2-D by PCA, (n, 2), with their labels and the variance share of
 * each axis. best/worst: test images with the lowest and highest reconstruction MSE, with their MSE
 * and BCE on [0,1]. deadUnits[l]: the share of hidden layer l+1's ReLU units that never fired on any
 * test image (0 for other activations). extremes: the reconstructions of best then worst (null when
 * no extremes were asked for). Copies throughout.
 */
public record EpochInsights(int epoch, float[] codes, byte[] codeLabels, double[] explained,
                            int[] best, double[] bestMse, double[] bestBce,
                            int[] worst, double[] worstMse, double[] worstBce,
                            double[] deadUnits, Preview extremes) {
    public int codeCount() { return codeLabels.length; }
}
