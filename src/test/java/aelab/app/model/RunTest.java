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
    void theSlowFirstBatchDoesNotMakeTheTimeLeftAbsurd() {
        run.started(info);   // 2 epochs of 10 batches
        run.addBatch(new BatchPoint(1, 1, 1, 0.5, 0.5, 0.1, 10_000_000_000L));   // set-up and a cold JIT: 10 s
        for (int s = 2; s <= 12; s++)
            run.addBatch(new BatchPoint(s > 10 ? 2 : 1, (s - 1) % 10 + 1, s, 0.5, 0.5, 0.1, 10_000_000_000L + (s - 1) * 10_000_000L));
        Pace p = run.pace();
        assertEquals(0.08, p.secondsLeft(), 1e-9, "8 batches left at 10 ms each, not at the whole run's 0.84 s");
        assertEquals(100 / 0.01, p.samplesPerSecond(), 1e-6);
        assertTrue(p.describe().endsWith("time left: estimating…"), "not a second of steady speed yet: " + p.describe());
    }

    @Test
    void whileTheSpeedStillRisesTheTimeLeftIsEstimatingThenShownOnceSteady() {
        run.started(new RunInfo(config, 1_000_000, 100, 10_000, 0.057, List.of(), "naive", 2));   // 20,000 batches
        long t = 0;
        int step = 0;
        for (long perStep : new long[] {400_000_000L, 100_000_000L, 25_000_000L, 10_000_000L}) {   // a JIT warming up
            for (long end = t + 1_200_000_000L; t < end; ) run.addBatch(new BatchPoint(1, ++step, step, 0.5, 0.5, 0.1, t += perStep));
            if (perStep > 10_000_000L) assertTrue(run.pace().describe().endsWith("estimating…"), run.pace().describe());
        }
        for (long end = t + 2_500_000_000L; t < end; ) run.addBatch(new BatchPoint(1, ++step, step, 0.5, 0.5, 0.1, t += 10_000_000L));
        Pace p = run.pace();
        assertTrue(p.settled(), p.describe());
        assertEquals((20_000 - step) * 0.01, p.secondsLeft(), 1e-6);
        assertTrue(p.describe().endsWith(" left"), p.describe());
    }

    @Test
    void onceSteadyTheTimeLeftStaysShownWhenTheMachineSlowsForAMoment() {
        run.started(new RunInfo(config, 1_000_000, 100, 10_000, 0.057, List.of(), "naive", 2));   // 20,000 batches
        long t = 0;
        int step = 0;
        for (long end = t + 3_000_000_000L; t < end; ) run.addBatch(new BatchPoint(1, ++step, step, 0.5, 0.5, 0.1, t += 10_000_000L));
        assertTrue(run.pace().settled(), run.pace().describe());
        // another program takes a core for a while: the windows differ by far more than a quarter
        for (long end = t + 1_500_000_000L; t < end; ) run.addBatch(new BatchPoint(1, ++step, step, 0.5, 0.5, 0.1, t += 25_000_000L));
        for (long end = t + 1_500_000_000L; t < end; ) run.addBatch(new BatchPoint(1, ++step, step, 0.5, 0.5, 0.1, t += 10_000_000L));
        assertTrue(run.pace().describe().endsWith(" left"), "not back to estimating: " + run.pace().describe());
    }

    @Test
    void thePaceFollowsTheRecentSecondsWhenTheSpeedChanges() {
        run.started(new RunInfo(config, 100_000, 100, 1000, 0.057, List.of(), "naive", 2));   // 2,000 batches
        long t = 0;
        int step = 0;
        for (; step < 400; step++) run.addBatch(new BatchPoint(1, step + 1, step + 1, 0.5, 0.5, 0.1, t += 10_000_000L));   // 4 s at 10 ms
        for (; step < 700; step++) run.addBatch(new BatchPoint(1, step + 1, step + 1, 0.5, 0.5, 0.1, t += 20_000_000L));   // 6 s at 20 ms
        assertEquals(1300 * 0.02, run.pace().secondsLeft(), 1e-6, "the last seconds were at 20 ms a batch");
        assertTrue(run.pace().settled());
    }

    @Test
    void whilePausedTheStatusSaysSoInsteadOfAFrozenTimeLeft() {
        run.started(info);
        run.addBatch(new BatchPoint(1, 1, 1, 0.5, 0.5, 0.1, 1_000_000_000L));
        run.addBatch(new BatchPoint(1, 2, 2, 0.5, 0.5, 0.1, 1_100_000_000L));
        String going = RunStatus.of(run).pace();
        assertTrue(going.contains(" samples/s"), going);
        run.paused(2_000_000_000L);
        assertEquals("Paused — press Resume to go on", RunStatus.of(run).pace());
        run.resumed(5_000_000_000L);
        assertEquals(going, RunStatus.of(run).pace());
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
        assertEquals("Batch, on [0,1]: bce loss 0.2500 · BCE 0.2500 · MSE 0.05000", s.batchLosses());
        assertEquals("300 samples/s · time left: estimating…", s.pace(), "one batch says nothing of the time left yet");
        run.finish(new RunOutcome(RunOutcome.Status.STOPPED, "stopped after 3 batches (0 whole epochs)", 0, 3));
        assertEquals("Run #1 stopped after 3 batches (0 whole epochs).", RunStatus.of(run).ending());
        assertEquals("", RunStatus.of(run).pace());
    }

    @Test
    void everyFigureOfTheStatusSaysItsScale() {
        TrainingConfig raw = config.with(Settings.SCALE, aelab.engine.Scale.RAW).with(Settings.LOSS, aelab.engine.Loss.MSE);
        Run r = new RunHistory().add(raw);
        r.started(new RunInfo(raw, 1000, 100, 10, 0.057, List.of(), "naive", 2));
        r.addBatch(new BatchPoint(1, 3, 3, 1162, 0.25, 0.0179, 1_000_000_000L));
        assertEquals("Batch: mse loss 1162 on raw 0–255 · on [0,1]: BCE 0.2500 · MSE 0.01790", RunStatus.of(r).batchLosses());
        r.addEpoch(new EpochMetrics(1, 1200, 1100, 0.24, 0.017, 30000, 1.0));
        assertTrue(RunStatus.of(r).testLosses().startsWith("Test after epoch 1, on [0,1]: BCE 0.2400"), RunStatus.of(r).testLosses());
    }

    @Test
    void aRunSideBySideIsOneLineOfWhereItIsAndItsTestFigures() {
        run.started(info);
        run.addBatch(new BatchPoint(1, 3, 3, 0.25, 0.25, 0.05, 1_000_000_000L));
        assertEquals("#1 · epoch 1 of 2, batch 3 of 10 · batch bce loss 0.2500 on [0,1]", RunStatus.line(run));
        run.addEpoch(new EpochMetrics(1, 0.5, 0.4, 0.4, 0.09, 100, 1.0));
        assertEquals("#1 · epoch 1 of 2, batch 3 of 10 · test BCE 0.4000, MSE 0.09000 on [0,1]", RunStatus.line(run));
        run.finish(new RunOutcome(RunOutcome.Status.STOPPED, "stopped after 3 batches (0 whole epochs)", 0, 3));
        assertEquals("#1 · stopped after 3 batches (0 whole epochs) · test BCE 0.4000, MSE 0.09000 on [0,1]", RunStatus.line(run));
        assertEquals(1.0, RunStatus.progress(List.of(run)), 1e-12);
    }
}
