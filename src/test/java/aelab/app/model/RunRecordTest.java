package aelab.app.model;

import aelab.engine.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import aelab.engine.Autoencoder;
import aelab.engine.BatchPoint;
import aelab.engine.Checkpoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.TrainingConfig;
import aelab.io.SavedRun;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecordTest {
    private static final TrainingConfig CONFIG = new TrainingConfig(new int[] {784, 8, 784},
            aelab.engine.Activation.RELU, aelab.engine.Activation.SIGMOID, aelab.engine.Loss.BCE,
            aelab.engine.Scale.UNIT, 3, 100, 0.001, aelab.engine.OptimizerKind.ADAM, 7, 0, 0, 1);

    /** 2 whole epochs of 4 batches and 1 batch of the third, with a loss that wiggles so smoothing shows. */
    private static List<BatchPoint> points() {
        List<BatchPoint> b = new ArrayList<>();
        for (int step = 1; step <= 9; step++)
            b.add(new BatchPoint((step - 1) / 4 + 1, (step - 1) % 4 + 1, step, 0.7 - step / 50.0 + (step % 2) / 20.0,
                    0.6 - step / 60.0, 0.2 - step / 100.0, step * 1_000L));
        return b;
    }

    private static List<EpochMetrics> epochs() {
        return List.of(new EpochMetrics(1, 0.6, 0.55, 0.55, 0.1, 100, 1), new EpochMetrics(2, 0.5, 0.45, 0.45, 0.08, 101, 1));
    }

    private static Checkpoint checkpoint() {
        Autoencoder m = Autoencoder.of(CONFIG);
        return new Checkpoint(m, CONFIG.optimizer().create(m.paramSizes(), CONFIG.learningRate()), 2, 1, 0.4, 9);
    }

    /** The run as it was live: fed point by point through the bridge's calls. */
    private static Run live(RunHistory h) {
        Run run = h.add(CONFIG);
        run.started(new RunInfo(CONFIG, 400, 100, 4, 0.07, List.of(), "naive", 1));
        points().forEach(run::addBatch);
        epochs().forEach(run::addEpoch);
        run.finish(new RunOutcome(RunOutcome.Status.STOPPED, "stopped", 2, 9));
        run.record().setCheckpoint(checkpoint());
        return run;
    }

    @Test
    void aRestoredRunDrawsExactlyTheCurvesItDrewLive() {
        Run before = live(new RunHistory());
        SavedRun saved = RunRecord.toSaved(before);
        Run after = RunRecord.restore(new RunHistory(), saved, "MNIST (bundled)", 4);
        for (var curve : List.<java.util.function.Function<Run, Curve>>of(Run::trainBce, Run::trainMse, Run::testBce, Run::testMse)) {
            Curve a = curve.apply(before), b = curve.apply(after);
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.x(i), b.x(i), 0.0);
                assertEquals(a.y(i), b.y(i), 0.0);
            }
        }
        assertEquals(before.record().batches(), after.record().batches());
        assertEquals(before.record().epochs(), after.record().epochs());
        assertEquals(0.07, after.info().bceFloor(), 0.0);
        assertEquals(RunOutcome.Status.STOPPED, after.outcome().status());
        assertSame(saved.checkpoint(), after.record().checkpoint());
        assertEquals("MNIST (bundled)", after.record().dataset());
    }

    @Test
    void aRestoredStoppedRunSaysWhereItStoppedInWordsThatAgree() {
        Run after = RunRecord.restore(new RunHistory(), RunRecord.toSaved(live(new RunHistory())), "MNIST (bundled)", 4);
        assertEquals("was saved after 9 batches (2 whole epochs); Run › Continue training (" + Shortcut.CONTINUE.keys()
                + ") goes on from there", after.outcome().message());
    }

    /** A run that followed two 784-pixel test digits, with snapshots at steps 0, 3 and 10 (past its checkpoint at 9). */
    @Test
    void theTimelineIsSavedUpToTheCheckpointAndAReopenedRunShowsItsLastSnapshot() {
        Run before = live(new RunHistory());
        byte[] pixels = new byte[3 * 784], labels = {4, 1, 7};
        before.followDigits(new aelab.data.ImageSet(3, 28, 28, pixels, labels), new int[] {2, 0}, 10);
        for (long step : new long[] {0, 3, 10}) {
            float[] px = new float[2 * 784];
            java.util.Arrays.fill(px, step / 10f);
            before.addSnapshot(new aelab.engine.Preview(step, (int) Math.min(3, (step + 3) / 4), new int[] {2, 0}, 784, px,
                    new double[] {0.5, 0.4}, new double[] {0.1, 0.2}, new double[] {step, 1}), step == 8);
        }
        SavedRun saved = RunRecord.toSaved(before);
        assertEquals(List.of(0L, 3L), saved.timeline().snapshots().stream().map(aelab.engine.timeline.Snapshot::step).toList());
        Run after = RunRecord.restore(new RunHistory(), saved, "MNIST (bundled)", 4);
        assertEquals(2, after.timeline().size());
        assertEquals(3L, after.preview().step());
        assertEquals(0.3f, after.preview().pixels()[100], 1e-6);
        assertEquals(7, after.timeline().labels()[0]);
    }

    @Test
    void batchesPerEpochComeFromTheImagesWhenTheyAreAtHand() {
        SavedRun saved = RunRecord.toSaved(live(new RunHistory()));
        assertEquals(600, RunRecord.batchesPerEpoch(saved, 60_000));               // 60,000 / 100
        SavedRun limited = new SavedRun(CONFIG.with(Settings.TRAIN_LIMIT, 250), checkpoint(), 0.07, points(), epochs(), "limited");
        assertEquals(3, RunRecord.batchesPerEpoch(limited, 60_000));   // ⌈250 / 100⌉
    }

    @Test
    void withoutTheImagesTheLastBatchOfAWholeEpochTells() {
        SavedRun saved = RunRecord.toSaved(live(new RunHistory()));
        assertEquals(4, RunRecord.batchesPerEpoch(saved, 0));
    }

    @Test
    void aRunThatFailedOrIsStillGoingIsNotSaved() {
        RunHistory h = new RunHistory();
        Run going = h.add(CONFIG);
        going.started(new RunInfo(CONFIG, 400, 100, 4, 0.07, List.of(), "naive", 1));
        assertNull(RunRecord.toSaved(going));
        Run failed = live(h);
        failed.finish(new RunOutcome(RunOutcome.Status.FAILED, "training failed", 2, 9));
        assertNull(RunRecord.toSaved(failed));
    }

    @Test
    void continuingClearsTheEndingAndMeasuresThePaceFromThere() {
        Run run = live(new RunHistory());
        run.continued();
        assertNull(run.outcome());
        run.addBatch(new BatchPoint(3, 2, 10, 0.4, 0.4, 0.05, 2_000_000_000L));
        // 1 step of 100 images in 2 s since going on: 50 images/s, not 10 steps' worth in 2 s
        assertEquals(50, run.pace().samplesPerSecond(), 1e-9);
    }
}
