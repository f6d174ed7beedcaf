package aelab.engine;

/**
 * Figures at the end of an epoch. testBce and testMse are on the [0,1] pixel scale whatever loss is
 * trained; trainLoss (mean over the epoch's batches) and testLoss are the trained loss on its own
 * scale; outputSum is the mean over test images of Σ of the 784 outputs; seconds is the epoch's
 * wall time including its evaluation.
 */
public record EpochMetrics(int epoch, double trainLoss, double testLoss, double testBce, double testMse,
                           double outputSum, double seconds) {
    public static final String CSV_HEADER = "epoch,train_loss,test_loss,test_bce,test_mse,output_sum,seconds";

    public String csv() {
        return epoch + "," + trainLoss + "," + testLoss + "," + testBce + "," + testMse + "," + outputSum + ","
                + String.format(java.util.Locale.ROOT, "%.3f", seconds);
    }
}
