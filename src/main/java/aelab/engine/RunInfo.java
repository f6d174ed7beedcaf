package aelab.engine;

import java.util.List;

/**
 * What a run is, sent once before its first batch. bceFloor is the mean per-pixel entropy of the test
 * images, H(y) = −[y log y + (1 − y) log(1 − y)]: BCE is minimised at p = y, where it equals H(y),
 * so no model gets below this.
 */
public record RunInfo(TrainingConfig config, int trainCount, int testCount, int batchesPerEpoch,
                      double bceFloor, List<String> warnings, String kernel, int threads) {
    public long totalBatches() { return (long) batchesPerEpoch * config.epochs(); }
}
