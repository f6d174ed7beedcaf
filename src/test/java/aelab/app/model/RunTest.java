package aelab.app.model;

import aelab.engine.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.TrainingConfig;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunTest {
    private final TrainingConfig config = TrainingConfig.defaults().with(Settings.EPOCHS, 2);
    private final Run run = new RunHistory().add(config);
    private final RunInfo info = new RunInfo(config, 1000, 100, 10, 0.057, List.of("a warning"), "naive", 2);

    @Test
    void batchesArePlacedInEpochsAndTestPointsAtEpochEnds() {
        run.started(info);
        for (int s = 1; s <= 10; s++) run.addBatch(new BatchPoint(1, s, s, 0.5, 0.5, 0.1, s * 1_000_000L));
        run.addEpoch(new EpochMetrics(1, 0.5, 0.4, 0.4, 0.09, 100, 1.0));
        assertEquals(10, run.trainBce().size());
        assertEquals(0.1, run.trainBce().x(0), 1e-12);   // step 1 of 10 per epoch
        assertEquals(1.0, run.trainBce().x(9), 1e-12);
        assertEquals(0.5, run.trainBce().y(9), 1e-12);   // a constant loss stays itself after smoothing
        assertEquals(1, run.testMse().size());
        assertEquals(0.09, run.testMse().y(0));
        assertEquals(0.5, run.progress(), 1e-12);         // 10 of 20 batches
    }

    @Test
    void warningsFromTheStartAndLaterAreKeptOnceEach() {
        run.started(info);
        run.addWarning("a warning");
        run.addWarning("training diverged");
        assertEquals(List.of("a warning", "training diverged"), run.warnings());
    }

    @Test
    void timePausedDoesNotCountAgainstTheSpeed() {
        run.started(info);
        run.paused(0);
        run.resumed(8_000_000_000L);   // 8 s paused
        run.addBatch(new BatchPoint(1, 10, 10, 0.5, 0.5, 0.1, 10_000_000_000L));   // 10 s since the start
        Pace p = run.pace();
        assertEquals(10 * 100 / 2.0, p.samplesPerSecond(), 1e-9);   // 1000 samples in 2 s of training
        assertEquals(2.0, p.secondsLeft(), 1e-9);                   // 10 more batches at 0.2 s each
        assertEquals(2.0, run.seconds(), 1e-9, "training time leaves the pause out");
    }

    @Test
    void statusDescribesPositionLossesAndEnding() {
        run.started(info);
        run.addBatch(new BatchPoint(1, 3, 3, 0.25, 0.25, 0.05, 1_000_000_000L));
        RunStatus s = RunStatus.of(run);
        assertEquals("Epoch 1 of 2 · batch 3 of 10", s.position());
        assertEquals("Batch: bce loss 0.2500 · BCE 0.2500 · MSE 0.05000", s.batchLosses());
        assertTrue(s.pace().endsWith("left"), s.pace());
        run.finish(new RunOutcome(RunOutcome.Status.STOPPED, "stopped after 3 batches (0 whole epochs)", 0, 3));
        assertEquals("Run #1 stopped after 3 batches (0 whole epochs).", RunStatus.of(run).ending());
        assertEquals("", RunStatus.of(run).pace());
    }
}
