package aelab.engine;

import aelab.data.Dataset;
import aelab.data.DatasetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Behaviour of whole runs on a small slice of the real MNIST. */
class TrainerTest {
    static Dataset mnist;

    @BeforeAll
    static void load() throws DatasetException {
        mnist = Dataset.loadBundledMnist();
    }

    static TrainingConfig small() {
        return TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 1000).with(Settings.TEST_LIMIT, 300).with(Settings.EPOCHS, 2).with(Settings.BATCH_SIZE, 50);
    }

    /** Collects everything a run sends. */
    static class Recorder implements TrainingListener {
        final List<BatchPoint> batches = new ArrayList<>();
        final List<EpochMetrics> epochs = new ArrayList<>();
        final List<Preview> previews = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        RunInfo info;
        RunOutcome outcome;

        @Override public void started(RunInfo i) { info = i; }
        @Override public void batch(BatchPoint p) { batches.add(p); }
        @Override public void epoch(EpochMetrics m) { epochs.add(m); }
        @Override public void preview(Preview p) { previews.add(p); }
        @Override public void warning(String m) { warnings.add(m); }
        @Override public void finished(RunOutcome o) { outcome = o; }

        double meanLoss(int from, int to) {
            return batches.subList(from, to).stream().mapToDouble(BatchPoint::loss).average().orElseThrow();
        }
    }

    @Test
    void itLearns() {
        // 400 steps of batch 50 on 2,000 images: the batch loss must fall by at least 40 %
        Recorder r = new Recorder();
        RunOutcome o = new Trainer(small().with(Settings.TRAIN_LIMIT, 2000).with(Settings.EPOCHS, 10), mnist, r).run();
        assertEquals(RunOutcome.Status.FINISHED, o.status(), o.message());
        assertEquals(400, r.batches.size());
        double first = r.meanLoss(0, 10), last = r.meanLoss(390, 400);
        assertTrue(last < 0.6 * first, "loss went from " + first + " to " + last);
        assertTrue(r.epochs.get(9).testBce() < r.epochs.get(0).testBce());
        assertTrue(r.epochs.get(9).testBce() > r.info.bceFloor(), "no model beats the entropy floor");
    }

    @Test
    void sameSeedGivesIdenticalLosses() {
        Recorder a = new Recorder(), b = new Recorder();
        new Trainer(small().withThreads(2), mnist, a).run();
        new Trainer(small().withThreads(2), mnist, b).run();
        assertEquals(a.batches.size(), b.batches.size());
        for (int i = 0; i < a.batches.size(); i++) assertEquals(a.batches.get(i).loss(), b.batches.get(i).loss(), 0.0);
        assertEquals(a.epochs.get(1).testBce(), b.epochs.get(1).testBce(), 0.0);
        Recorder c = new Recorder();
        new Trainer(small().withThreads(2).with(Settings.SEED, 7L), mnist, c).run();
        assertNotEquals(a.batches.get(5).loss(), c.batches.get(5).loss());
    }

    @Test
    void oneThreadAndTwoThreadsAgreeClosely() {
        Recorder one = new Recorder(), two = new Recorder();
        new Trainer(small().withThreads(1), mnist, one).run();
        new Trainer(small().withThreads(2), mnist, two).run();
        assertEquals(one.epochs.get(1).testBce(), two.epochs.get(1).testBce(), 1e-3);
    }

    @Test
    void stopDuringEpochKeepsLastCompleteWeights() {
        Trainer[] t = new Trainer[1];
        Recorder r = new Recorder() {
            @Override public void batch(BatchPoint p) {
                super.batch(p);
                if (p.step() == 3) t[0].stop();
            }
        };
        t[0] = new Trainer(small(), mnist, r);
        RunOutcome o = t[0].run();
        assertEquals(RunOutcome.Status.STOPPED, o.status());
        assertEquals(3, o.steps());
        assertEquals(0, o.epochsCompleted());
        assertTrue(r.epochs.isEmpty());
        assertTrue(t[0].model().isFinite());
        assertEquals(3, t[0].optimizer().steps(), "the model is the result of exactly the 3 steps taken");
    }

    @Test
    void pauseHoldsBetweenBatchesUntilResumed() throws Exception {
        Trainer[] t = new Trainer[1];
        long[] resumedAt = new long[1];
        Recorder r = new Recorder() {
            @Override public void batch(BatchPoint p) {
                super.batch(p);
                if (p.step() == 2) {
                    t[0].pause();
                    new Thread(() -> {
                        try { Thread.sleep(300); } catch (InterruptedException ignored) { }
                        resumedAt[0] = System.nanoTime();
                        t[0].resume();
                    }).start();
                }
                if (p.step() == 3) assertTrue(resumedAt[0] != 0 && System.nanoTime() >= resumedAt[0], "batch 3 ran while paused");
            }
        };
        t[0] = new Trainer(small().with(Settings.EPOCHS, 1), mnist, r);
        assertEquals(RunOutcome.Status.FINISHED, t[0].run().status());
        assertEquals(20, r.batches.size());
    }

    @Test
    void divergenceStopsAndRestoresLastGoodWeights() {
        TrainingConfig wild = small().with(Settings.OUTPUT, Activation.LINEAR).with(Settings.LOSS, Loss.MSE).with(Settings.SCALE, Scale.RAW)
                .with(Settings.OPTIMIZER, OptimizerKind.SGD).with(Settings.LEARNING_RATE, 5.0);
        Recorder r = new Recorder();
        Trainer t = new Trainer(wild, mnist, r);
        RunOutcome o = t.run();
        assertEquals(RunOutcome.Status.DIVERGED, o.status(), o.message());
        assertTrue(o.message().contains("diverged"));
        assertTrue(t.model().isFinite(), "weights were restored to finite ones");
        assertTrue(r.warnings.stream().noneMatch(w -> w.contains("diverged")),
                "divergence is said once, in the outcome, not also as a warning: " + r.warnings);
    }

    @Test
    void optimizerStateOverflowIsDivergenceAndTheCheckpointIsFinite() {
        // Adam with lr 10 on raw pixels: g² overflows v to Infinity while m / (√v + ε) keeps the loss finite
        TrainingConfig wild = small().with(Settings.OUTPUT, Activation.LINEAR).with(Settings.LOSS, Loss.MSE).with(Settings.SCALE, Scale.RAW)
                .with(Settings.LEARNING_RATE, 10.0).with(Settings.EPOCHS, 1);
        Recorder r = new Recorder();
        Trainer t = new Trainer(wild, mnist, r);
        RunOutcome o = t.run();
        assertEquals(RunOutcome.Status.DIVERGED, o.status(), o.message());
        assertTrue(o.message().contains("optimizer"), o.message());
        Checkpoint cp = t.checkpoint();
        assertTrue(cp.model().isFinite(), "the weights are back to finite ones");
        assertTrue(cp.optimizer().isFinite(), "the optimizer state is back to finite values");
        assertEquals(o.steps(), cp.steps());
    }

    @Test
    void softmaxOutputsSumToOneOnTheTestSet() {
        Recorder r = new Recorder();
        new Trainer(small().with(Settings.EPOCHS, 1).with(Settings.OUTPUT, Activation.SOFTMAX), mnist, r).run();
        assertEquals(1.0, r.epochs.get(0).outputSum(), 1e-4);
        assertTrue(r.info.warnings().stream().anyMatch(w -> w.contains("sum to 1")));
    }

    @Test
    void rawTargetsWithBceAreFlagged() {
        Recorder r = new Recorder();
        new Trainer(small().with(Settings.EPOCHS, 1).with(Settings.SCALE, Scale.RAW).with(Settings.OUTPUT, Activation.SOFTMAX), mnist, r).run();
        assertTrue(r.info.warnings().stream().anyMatch(w -> w.contains("targets outside [0,1]")));
    }

    @Test
    void previewsCarryReconstructionsOfTheChosenDigits() {
        Recorder r = new Recorder();
        Trainer t = new Trainer(small().with(Settings.EPOCHS, 1), mnist, r);
        t.setPreview(new int[]{0, 1, 2}, 0);
        t.run();
        assertFalse(r.previews.isEmpty());
        Preview last = r.previews.get(r.previews.size() - 1);
        assertArrayEquals(new int[]{0, 1, 2}, last.indices());
        assertEquals(3 * 784, last.pixels().length);
        for (float v : last.pixels()) assertTrue(v >= 0 && v <= 1);
        assertTrue(last.bce()[0] > 0 && last.mse()[0] > 0);
    }

    @Test
    void invalidSettingsFailWithTheReason() {
        Recorder r = new Recorder();
        RunOutcome o = new Trainer(small().with(Settings.LAYERS, new int[]{784, 10, 700}), mnist, r).run();
        assertEquals(RunOutcome.Status.FAILED, o.status());
        assertTrue(o.message().contains("last width must be the image size"), o.message());
    }

    @Test
    void moreThreadsThanRowsStillTrains() {
        Recorder r = new Recorder();
        RunOutcome o = new Trainer(small().with(Settings.TRAIN_LIMIT, 30).with(Settings.BATCH_SIZE, 1).with(Settings.EPOCHS, 1).withThreads(4), mnist, r).run();
        assertEquals(RunOutcome.Status.FINISHED, o.status(), o.message());
        assertEquals(30, r.batches.size());
    }

    @Test
    void continuingFromACheckpointGivesTheSameCurveAsNeverStopping() {
        TrainingConfig c = small().with(Settings.EPOCHS, 2).withThreads(2);
        Recorder whole = new Recorder();
        new Trainer(c, mnist, whole).run();

        Trainer[] t = new Trainer[1];
        Recorder first = new Recorder() {
            @Override public void batch(BatchPoint p) {
                super.batch(p);
                if (p.step() == 27) t[0].stop(); // part-way through epoch 2 (20 batches an epoch)
            }
        };
        t[0] = new Trainer(c, mnist, first);
        t[0].run();
        Checkpoint cp = t[0].checkpoint();
        assertEquals(1, cp.epochsDone());
        assertEquals(7, cp.batchesDone());
        Recorder rest = new Recorder();
        new Trainer(c, mnist, rest, cp).run();

        assertEquals(whole.batches.size(), first.batches.size() + rest.batches.size());
        for (int i = 0; i < rest.batches.size(); i++) {
            BatchPoint a = whole.batches.get(27 + i), b = rest.batches.get(i);
            assertEquals(a.step(), b.step());
            assertEquals(a.loss(), b.loss(), 0.0, "step " + a.step());
        }
        EpochMetrics a = whole.epochs.get(1), b = rest.epochs.get(0);
        assertEquals(a.testBce(), b.testBce(), 0.0);
        assertEquals(a.trainLoss(), b.trainLoss(), 1e-12);
    }

    @Test
    void insightsAfterEachEpochHoldCodesExtremesAndDeadUnits() {
        List<EpochInsights> got = new ArrayList<>();
        Recorder r = new Recorder() {
            @Override public void insights(EpochInsights i) { got.add(i); }
        };
        Trainer t = new Trainer(small(), mnist, r);
        t.setInsights(200, 5);
        t.run();
        assertEquals(2, got.size());
        EpochInsights i = got.get(1);
        assertEquals(200, i.codeCount());
        assertEquals(400, i.codes().length);
        assertEquals(7, i.codeLabels()[0], "the first test digit is a 7");
        assertTrue(i.explained()[0] >= i.explained()[1] && i.explained()[0] + i.explained()[1] <= 1 + 1e-9);
        assertEquals(5, i.best().length);
        assertTrue(i.bestMse()[0] <= i.bestMse()[4] && i.bestMse()[4] <= i.worstMse()[4] && i.worstMse()[4] <= i.worstMse()[0]);
        // the per-image errors average to the epoch's test MSE? at least they bracket it
        assertTrue(i.bestMse()[0] < r.epochs.get(1).testMse() && r.epochs.get(1).testMse() < i.worstMse()[0]);
        assertEquals(5, i.deadUnits().length);
        for (double d : i.deadUnits()) assertTrue(d >= 0 && d <= 1);
        Preview x = i.extremes();
        assertEquals(10, x.count(), "five best, then five worst");
        assertEquals(i.best()[0], x.indices()[0]);
        assertEquals(i.worst()[0], x.indices()[5]);
        assertEquals(i.bestMse()[0], x.mse()[0], 1e-6, "the reconstruction is the model the figures came from");
        assertEquals(i.worstMse()[0], x.mse()[5], 1e-6);
    }

    @Test
    void previewsAndInsightsDoNotChangeTheNumbers() {
        TrainingConfig c = small().withThreads(1).with(Settings.BATCH_SIZE, 20).with(Settings.TRAIN_LIMIT, 300).with(Settings.EPOCHS, 2);
        Recorder plain = new Recorder(), watched = new Recorder();
        new Trainer(c, mnist, plain).run();
        Trainer t = new Trainer(c, mnist, watched);
        t.setPreview(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22}, 0);
        t.setInsights(100, 4);
        t.run();
        for (int i = 0; i < plain.batches.size(); i++)
            assertEquals(plain.batches.get(i).loss(), watched.batches.get(i).loss(), 0.0, "batch " + i);
        for (int e = 0; e < 2; e++) {
            assertEquals(plain.epochs.get(e).testBce(), watched.epochs.get(e).testBce(), 0.0, "test BCE, epoch " + e);
            assertEquals(plain.epochs.get(e).testMse(), watched.epochs.get(e).testMse(), 0.0, "test MSE, epoch " + e);
        }
    }
}
