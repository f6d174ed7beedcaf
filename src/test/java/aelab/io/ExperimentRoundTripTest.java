package aelab.io;

import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.engine.Activation;
import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;
import aelab.engine.Evaluation;
import aelab.engine.Evaluator;
import aelab.engine.Loss;
import aelab.engine.OptimizerKind;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.Scale;
import aelab.engine.Settings;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;
import aelab.engine.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Real runs on a slice of MNIST, saved, reopened, evaluated and trained on. */
class ExperimentRoundTripTest {
    static Dataset mnist;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws DatasetException {
        mnist = Dataset.loadBundledMnist();
    }

    /** 500 images in batches of 50: 10 steps an epoch. */
    static TrainingConfig small() {
        return TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 500).with(Settings.TEST_LIMIT, 200).with(Settings.EPOCHS, 2).with(Settings.BATCH_SIZE, 50)
                .withThreads(2);
    }

    static class Recorder implements TrainingListener {
        final List<BatchPoint> batches = new ArrayList<>();
        final List<EpochMetrics> epochs = new ArrayList<>();
        double floor;

        @Override public void started(RunInfo info) { floor = info.bceFloor(); }
        @Override public void batch(BatchPoint p) { batches.add(p); }
        @Override public void epoch(EpochMetrics m) { epochs.add(m); }

        SavedRun saved(Trainer t) {
            return SavedRun.upToCheckpoint(t.config(), t.checkpoint(), floor, batches, epochs, t.config().label());
        }
    }

    Experiment saveAndReopen(SavedRun run) throws Exception {
        Path f = dir.resolve("run.aelab");
        ExperimentFile.write(f, new Experiment(mnist.name(), List.of(run)));
        return ExperimentFile.read(f);
    }

    @Test
    void aReopenedModelGivesTheSameTestLossesToTheLastDigit() throws Exception {
        TrainingConfig c = small().with(Settings.EPOCHS, 1).with(Settings.OPTIMIZER, OptimizerKind.RMSPROP);
        Recorder r = new Recorder();
        Trainer t = new Trainer(c, mnist, r);
        assertEquals(RunOutcome.Status.FINISHED, t.run().status());
        SavedRun back = saveAndReopen(r.saved(t)).runs().get(0);
        Evaluation e = Evaluator.evaluate(back.checkpoint().model(), back.config(), mnist);
        EpochMetrics last = r.epochs.get(0);
        assertEquals(last.testLoss(), e.loss(), 0.0);
        assertEquals(last.testBce(), e.bce(), 0.0);
        assertEquals(last.testMse(), e.mse(), 0.0);
        assertEquals(last, back.epochs().get(0));
        assertEquals(r.floor, back.bceFloor(), 0.0);
        assertTrue(back.finished());
    }

    @Test
    void trainingOnFromAReopenedCheckpointGivesTheSameCurveAsNeverStopping() throws Exception {
        TrainingConfig c = small();
        Recorder whole = new Recorder();
        new Trainer(c, mnist, whole).run();

        Trainer[] t = new Trainer[1];
        Recorder first = new Recorder() {
            @Override public void batch(BatchPoint p) {
                super.batch(p);
                if (p.step() == 13) t[0].stop(); // part-way through epoch 2
            }
        };
        t[0] = new Trainer(c, mnist, first);
        assertEquals(RunOutcome.Status.STOPPED, t[0].run().status());
        SavedRun back = saveAndReopen(first.saved(t[0])).runs().get(0);
        assertEquals(13, back.checkpoint().steps());
        assertEquals(3, back.checkpoint().batchesDone());
        assertFalse(back.finished());

        Recorder rest = new Recorder();
        new Trainer(back.config(), mnist, rest, back.checkpoint()).run();
        List<BatchPoint> joined = new ArrayList<>(back.batches());
        joined.addAll(rest.batches);
        assertEquals(whole.batches.size(), joined.size());
        for (int i = 0; i < joined.size(); i++) {
            BatchPoint a = whole.batches.get(i), b = joined.get(i);
            assertEquals(a.step(), b.step());
            assertEquals(a.epoch(), b.epoch());
            assertEquals(a.loss(), b.loss(), 0.0, "step " + a.step());
            assertEquals(a.bce(), b.bce(), 0.0, "step " + a.step());
        }
        EpochMetrics a = whole.epochs.get(1), b = rest.epochs.get(0);
        assertEquals(a.trainLoss(), b.trainLoss(), 0.0, "the epoch's loss sum went on from the saved partial sum");
        assertEquals(a.testBce(), b.testBce(), 0.0);
        assertEquals(a.testMse(), b.testMse(), 0.0);
    }

    @Test
    void aDivergedRunIsSavedAtItsLastGoodState() throws Exception {
        TrainingConfig wild = small().with(Settings.OUTPUT, Activation.LINEAR).with(Settings.LOSS, Loss.MSE).with(Settings.SCALE, Scale.RAW)
                .with(Settings.OPTIMIZER, OptimizerKind.SGD).with(Settings.LEARNING_RATE, 5.0);
        Recorder r = new Recorder();
        Trainer t = new Trainer(wild, mnist, r);
        assertEquals(RunOutcome.Status.DIVERGED, t.run().status());
        SavedRun saved = r.saved(t);
        assertTrue(saved.batches().size() < r.batches.size(), "points after the last good weights are dropped");
        assertEquals(saved.checkpoint().steps(), saved.batches().size());
        SavedRun back = saveAndReopen(saved).runs().get(0);
        TinyRuns.assertSame(saved, back);
        assertTrue(back.checkpoint().model().isFinite());
    }
}
