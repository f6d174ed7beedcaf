package aelab.engine;

/**
 * One mini-batch, as the charts see it: the trained loss on its own scale, and BCE and MSE of the
 * batch on the [0,1] pixel scale whatever the loss. step counts batches from 1 over the whole run;
 * epoch is 1-based, batch is 1-based within it; nanos is time since the run started.
 */
public record BatchPoint(int epoch, int batch, long step, double loss, double bce, double mse, long nanos) {
    /** Position in epochs, for an x axis: 0.5 is half way through the first epoch. */
    public double epochPosition(int batchesPerEpoch) {
        return (double) step / batchesPerEpoch;
    }
}
