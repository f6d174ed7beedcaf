package aelab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.Run;
import aelab.app.model.RunHistory;
import aelab.engine.Autoencoder;
import aelab.engine.BatchPoint;
import aelab.engine.Checkpoint;
import aelab.engine.EpochInsights;
import aelab.engine.EpochMetrics;
import aelab.engine.Preview;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.TrainingConfig;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingBridgeTest {
    private final TrainingConfig config = TrainingConfig.defaults();
    private final Run run = new RunHistory().add(config);
    private final TrainingBridge bridge = new TrainingBridge();

    private static Preview preview(long step) {
        return new Preview(step, 1, new int[] {0}, 1, new float[1], new double[1], new double[1], new double[1]);
    }

    @Test
    void nothingReachesTheRunUntilDrained() {
        bridge.started(new RunInfo(config, 100, 10, 4, 0.05, List.of(), "naive", 1));
        bridge.batch(new BatchPoint(1, 1, 1, 0.6, 0.6, 0.2, 1));
        assertNull(run.info());
        assertFalse(bridge.drainInto(run));
        assertEquals(4, run.info().batchesPerEpoch());
        assertEquals(0.25, run.trainBce().x(0), 1e-12, "the batch was placed with the run info that came first");
    }

    @Test
    void everyBatchArrivesButOnlyTheLatestPreview() {
        bridge.started(new RunInfo(config, 100, 10, 4, 0.05, List.of(), "naive", 1));
        for (int s = 1; s <= 4; s++) bridge.batch(new BatchPoint(1, s, s, 0.6, 0.6, 0.2, s));
        bridge.preview(preview(2));
        Preview last = preview(4);
        bridge.preview(last);
        bridge.epoch(new EpochMetrics(1, 0.6, 0.5, 0.5, 0.1, 90, 0.1));
        bridge.drainInto(run);
        assertEquals(4, run.trainBce().size());
        assertEquals(1, run.testBce().size());
        assertSame(last, run.preview());
    }

    private static EpochInsights insights(int epoch) {
        return new EpochInsights(epoch, new float[0], new byte[0], new double[2], new int[0], new double[0],
                new double[0], new int[0], new double[0], new double[0], new double[5], null);
    }

    @Test
    void onlyTheLatestInsightsArriveAndOnlyOnce() {
        bridge.insights(insights(1));
        EpochInsights second = insights(2);
        bridge.insights(second);
        bridge.drainInto(run);
        assertSame(second, run.insights());
        run.setInsights(null);
        bridge.drainInto(run);
        assertNull(run.insights(), "nothing new came, so nothing was applied again");
    }

    @Test
    void theEndIsReportedAfterEverythingBeforeIt() {
        bridge.started(new RunInfo(config, 100, 10, 4, 0.05, List.of(), "naive", 1));
        bridge.batch(new BatchPoint(1, 1, 1, 0.6, 0.6, 0.2, 1));
        bridge.warning("training diverged: …");
        bridge.finished(new RunOutcome(RunOutcome.Status.DIVERGED, "diverged", 0, 1));
        assertTrue(bridge.drainInto(run));
        assertEquals(1, run.trainBce().size());
        assertEquals(List.of("training diverged: …"), run.warnings());
        assertEquals(RunOutcome.Status.DIVERGED, run.outcome().status());
    }

    private Checkpoint checkpoint(long steps) {
        Autoencoder m = Autoencoder.of(config);
        return new Checkpoint(m, config.optimizer().create(m.paramSizes(), config.learningRate()), 0, (int) steps, 0.6 * steps, steps);
    }

    @Test
    void theLatestLiveCheckpointReachesTheRecordWithEveryBatchUpToIt() {
        bridge.started(new RunInfo(config, 100, 10, 4, 0.05, List.of(), "naive", 1));
        bridge.batch(new BatchPoint(1, 1, 1, 0.6, 0.6, 0.2, 1));
        bridge.checkpoint(checkpoint(1));
        bridge.batch(new BatchPoint(1, 2, 2, 0.6, 0.6, 0.2, 2));
        Checkpoint last = checkpoint(2);
        bridge.checkpoint(last);
        assertNull(run.record().liveCheckpoint(), "nothing until drained");
        bridge.drainInto(run);
        assertSame(last, run.record().liveCheckpoint());
        assertEquals(2, run.record().batches().size());
        assertNull(run.record().checkpoint(), "the checkpoint of an ended run is another: set once it ended");
    }
}
