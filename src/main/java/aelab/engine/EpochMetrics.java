package aelab.engine;

/**
 * Figures at the end of an epoch. testBce and testMse are on the [0,1] pixel scale whatever loss is
 * trained; trainLoss (mean over the epoch's batches) and testLoss are the trained loss on its own
 * scale (a VAE's in nats per image); outputSum is the mean over test images of Σ of the 784 outputs;
 * seconds is the epoch's wall time including its evaluation; kind holds the figures only some kinds
 * of autoencoder have.
 */
public record EpochMetrics(int epoch, double trainLoss, double testLoss, double testBce, double testMse,
                           double outputSum, double seconds, KindFigures kind) {
    public static final String CSV_HEADER = "epoch,train_loss,test_loss,test_bce,test_mse,output_sum,seconds,"
            + KindFigures.CSV_COLUMNS;

    /** A plain run's figures. */
    public EpochMetrics(int epoch, double trainLoss, double testLoss, double testBce, double testMse,
                        double outputSum, double seconds) {
        this(epoch, trainLoss, testLoss, testBce, testMse, outputSum, seconds, KindFigures.NONE);
    }

    public EpochMetrics {
        if (kind == null) kind = KindFigures.NONE;
    }

    public String csv() {
        return epoch + "," + trainLoss + "," + testLoss + "," + testBce + "," + testMse + "," + outputSum + ","
                + String.format(java.util.Locale.ROOT, "%.3f", seconds) + "," + kind.csv();
    }
}
