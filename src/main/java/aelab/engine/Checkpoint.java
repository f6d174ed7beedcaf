package aelab.engine;

/**
 * Where a run stands between two mini-batches: the weights, the optimizer's state, how many epochs
 * are complete, how many batches of the next epoch are done (and their summed loss), and the steps
 * taken. Because each epoch's order follows from (seed, epoch) alone, training on from a checkpoint
 * gives the same numbers as never having stopped. Copies: nothing here is shared with a trainer.
 */
public record Checkpoint(Autoencoder model, Optimizer optimizer, int epochsDone, int batchesDone,
                         double partialLossSum, long steps) {
}
