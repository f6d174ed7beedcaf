package aelab.engine;

import aelab.data.Dataset;
import aelab.data.DatasetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SideBySideTest {
    static Dataset mnist;

    @BeforeAll
    static void load() throws DatasetException {
        mnist = Dataset.loadBundledMnist();
    }

    @Test
    void eachRunSideBySideMatchesItsSoloRunExactly() {
        TrainingConfig sigmoid = TrainerTest.small().withThreads(2);
        TrainingConfig softmax = sigmoid.with(Settings.OUTPUT, Activation.SOFTMAX);
        TrainerTest.Recorder soloA = new TrainerTest.Recorder(), soloB = new TrainerTest.Recorder();
        new Trainer(sigmoid, mnist, soloA).run();
        new Trainer(softmax, mnist, soloB).run();

        TrainerTest.Recorder a = new TrainerTest.Recorder(), b = new TrainerTest.Recorder();
        List<RunOutcome> outcomes = new SideBySide(List.of(new Trainer(sigmoid, mnist, a), new Trainer(softmax, mnist, b))).run();
        assertEquals(RunOutcome.Status.FINISHED, outcomes.get(0).status());
        assertEquals(RunOutcome.Status.FINISHED, outcomes.get(1).status());
        assertEquals(soloA.batches.size(), a.batches.size());
        for (int i = 0; i < a.batches.size(); i++) {
            assertEquals(soloA.batches.get(i).loss(), a.batches.get(i).loss(), 0.0);
            assertEquals(soloB.batches.get(i).loss(), b.batches.get(i).loss(), 0.0);
        }
        assertNotEquals(a.epochs.get(1).testBce(), b.epochs.get(1).testBce());
    }

    @Test
    void runsWithTheSameWidthsStartFromTheSameWeights() {
        Autoencoder a = Autoencoder.of(TrainingConfig.defaults());
        Autoencoder b = Autoencoder.of(TrainingConfig.defaults().with(Settings.OUTPUT, Activation.SOFTMAX).with(Settings.LOSS, Loss.MSE));
        for (int k = 0; k < a.params().length; k++) assertArrayEquals(a.params()[k], b.params()[k]);
    }

    @Test
    void stopEndsEveryRun() {
        TrainerTest.Recorder a = new TrainerTest.Recorder();
        SideBySide[] group = new SideBySide[1];
        TrainerTest.Recorder b = new TrainerTest.Recorder() {
            @Override public void batch(BatchPoint p) {
                super.batch(p);
                if (p.step() == 4) group[0].stop();
            }
        };
        TrainingConfig c = TrainerTest.small();
        group[0] = new SideBySide(List.of(new Trainer(c, mnist, a), new Trainer(c.with(Settings.LOSS, Loss.MSE), mnist, b)));
        List<RunOutcome> o = group[0].run();
        assertEquals(RunOutcome.Status.STOPPED, o.get(0).status());
        assertEquals(RunOutcome.Status.STOPPED, o.get(1).status());
        assertTrue(a.batches.size() <= 5 && b.batches.size() == 4, a.batches.size() + " / " + b.batches.size());
    }

    @Test
    void theSharedPoolGivesACoreUpWhenTheLoanItWasHandedSaysSo() {
        TrainingConfig c = TrainerTest.small().withThreads(2);
        TrainerTest.Recorder a = new TrainerTest.Recorder(), b = new TrainerTest.Recorder();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        new SideBySide(List.of(new Trainer(c, mnist, a), new Trainer(c.with(Settings.LOSS, Loss.MSE), mnist, b)), () -> {
            asked.incrementAndGet();
            return true;
        }).run();
        assertTrue(asked.get() >= a.batches.size() + b.batches.size(), "asked " + asked.get() + " times");
    }
}
