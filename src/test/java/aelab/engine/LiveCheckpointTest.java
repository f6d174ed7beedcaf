package aelab.engine;

import aelab.data.DatasetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Checkpoints of a running run ({@link Trainer#requestCheckpoint}): handed out between two mini-batches,
 * they hold exactly the batches seen so far, and a trainer started from one goes on as if the run had
 * never been interrupted. The small config has 1,000 images in batches of 50: 20 batches an epoch.
 */
class LiveCheckpointTest {
    @BeforeAll
    static void load() throws DatasetException {
        TrainerTest.load();
    }

    /** Records everything, asks for a checkpoint after the batches named, and keeps what came back. */
    static final class Asking extends TrainerTest.Recorder {
        final List<Checkpoint> got = new ArrayList<>();
        final List<Integer> batchesSeenThen = new ArrayList<>();
        final List<float[]> firstWeightsThen = new ArrayList<>();
        final List<Integer> epochsSeenThen = new ArrayList<>();
        final long[] askAt;
        Trainer trainer;

        Asking(long... askAt) { this.askAt = askAt; }

        @Override public void batch(BatchPoint p) {
            super.batch(p);
            for (long s : askAt) if (p.step() == s) trainer.requestCheckpoint();
        }

        @Override public void checkpoint(Checkpoint c) {
            got.add(c);
            batchesSeenThen.add(batches.size());
            firstWeightsThen.add(c.model().params()[0].clone());
            epochsSeenThen.add(epochs.size());
        }
    }

    @Test
    void aCheckpointMidRunHoldsTheBatchesSeenAndTrainingOnFromItMatchesTheWholeRun() {
        TrainingConfig c = TrainerTest.small().withThreads(2);
        TrainerTest.Recorder whole = new TrainerTest.Recorder();
        new Trainer(c, TrainerTest.mnist, whole).run();

        Asking a = new Asking(27);   // part-way through epoch 2
        a.trainer = new Trainer(c, TrainerTest.mnist, a);
        assertEquals(RunOutcome.Status.FINISHED, a.trainer.run().status(), "asking does not disturb the run");
        assertEquals(1, a.got.size(), "one answer per request");
        Checkpoint cp = a.got.get(0);
        assertEquals(27, cp.steps());
        assertEquals((long) a.batchesSeenThen.get(0), cp.steps(), "the checkpoint is at the batches seen by then");
        assertEquals(1, cp.epochsDone());
        assertEquals(7, cp.batchesDone());
        for (int i = 0; i < whole.batches.size(); i++)
            assertEquals(whole.batches.get(i).loss(), a.batches.get(i).loss(), 0.0, "the asked run's step " + (i + 1));

        TrainerTest.Recorder rest = new TrainerTest.Recorder();
        new Trainer(c, TrainerTest.mnist, rest, cp).run();
        assertEquals(whole.batches.size() - 27, rest.batches.size());
        for (int i = 0; i < rest.batches.size(); i++) {
            BatchPoint want = whole.batches.get(27 + i), got = rest.batches.get(i);
            assertEquals(want.step(), got.step());
            assertEquals(want.loss(), got.loss(), 0.0, "step " + want.step());
        }
        assertEquals(whole.epochs.get(1).testBce(), rest.epochs.get(0).testBce(), 0.0);
    }

    @Test
    void askedAtAnEpochsLastBatchItAnswersAfterTheEvaluation() {
        Asking a = new Asking(20);
        a.trainer = new Trainer(TrainerTest.small(), TrainerTest.mnist, a);
        a.trainer.run();
        Checkpoint cp = a.got.get(0);
        // (epochsDone 0, batchesDone 20) would be no place to start from: the answer waits for the epoch's end
        assertEquals(1, cp.epochsDone());
        assertEquals(0, cp.batchesDone());
        assertEquals(20, cp.steps());
        assertEquals(1, a.epochsSeenThen.get(0), "sent after the epoch's metrics");
    }

    @Test
    void thePieceHandedOutIsACopyTheRunDoesNotChange() {
        Asking a = new Asking(5);
        a.trainer = new Trainer(TrainerTest.small(), TrainerTest.mnist, a);
        a.trainer.run();
        float[] atFive = a.firstWeightsThen.get(0);
        assertArrayEquals(atFive, a.got.get(0).model().params()[0], "unchanged after 35 more steps");
        assertFalse(java.util.Arrays.equals(atFive, a.trainer.model().params()[0]), "the run went on from there");
    }

    @Test
    void aPausedTrainerAnswersFromItsWait() throws Exception {
        CountDownLatch paused = new CountDownLatch(1), answered = new CountDownLatch(1);
        Trainer[] t = new Trainer[1];
        TrainerTest.Recorder r = new TrainerTest.Recorder() {
            @Override public void batch(BatchPoint p) {
                super.batch(p);
                if (p.step() == 3) {
                    t[0].pause();
                    paused.countDown();
                }
            }

            @Override public void checkpoint(Checkpoint c) {
                assertEquals(3, c.steps());
                answered.countDown();
            }
        };
        t[0] = new Trainer(TrainerTest.small().with(Settings.EPOCHS, 1), TrainerTest.mnist, r);
        Thread training = new Thread(t[0]::run, "training");
        training.start();
        assertTrue(paused.await(60, TimeUnit.SECONDS), "paused");
        t[0].requestCheckpoint();
        boolean got = answered.await(60, TimeUnit.SECONDS);
        int batchesThen = r.batches.size();
        t[0].resume();
        training.join(60_000);
        assertTrue(got, "a paused trainer hands one out without being resumed");
        assertEquals(3, batchesThen, "no batch ran while paused");
        assertEquals(20, r.batches.size());
    }
}
