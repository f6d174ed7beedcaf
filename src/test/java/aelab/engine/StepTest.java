package aelab.engine;

import aelab.engine.TrainerTest.Recorder;

import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Step: a paused run takes one mini-batch, or the rest of its epoch, and waits again. */
class StepTest {
    @BeforeAll
    static void load() throws Exception {
        if (TrainerTest.mnist == null) TrainerTest.load();
    }

    /** Polls until the condition holds; fails after a generous 60 s (not a speed check). */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for: " + what);
            Thread.sleep(5);
        }
    }

    /** What a paused run did not do: it had time to take a batch more, and took none. */
    private static void staysAt(Recorder r, int batches) throws InterruptedException {
        Thread.sleep(300);
        synchronized (r) { assertEquals(batches, r.batches.size(), "a paused run took a batch nobody asked for"); }
    }

    @Test
    void aFreshPausedRunStepsOneBatchAtATimeThenTheRestOfTheEpochThenGoesOn() throws Exception {
        Recorder r = new Recorder() {
            @Override public synchronized void batch(BatchPoint p) { super.batch(p); }
            @Override public synchronized void epoch(EpochMetrics m) { super.epoch(m); }
        };
        Trainer t = new Trainer(TrainerTest.small(), TrainerTest.mnist, r);   // 2 epochs of 20 batches
        t.pause();
        Thread run = new Thread(t::run, "stepped run");
        run.start();
        staysAt(r, 0);

        t.step(1);
        await("one batch", () -> size(r) == 1);
        staysAt(r, 1);
        t.step(3);
        await("three more", () -> size(r) == 4);
        staysAt(r, 4);

        t.stepEpoch();
        await("the epoch's end", () -> epochs(r) == 1);
        assertEquals(20, size(r), "the rest of epoch 1, no batch of epoch 2");
        staysAt(r, 20);

        t.resume();
        run.join(60_000);
        assertEquals(RunOutcome.Status.FINISHED, r.outcome.status());
        assertEquals(40, r.batches.size());
        for (int i = 0; i < 40; i++) assertEquals(i + 1, r.batches.get(i).step(), "every step once, in order");
    }

    @Test
    void stepsGiveTheSameRunAsTrainingStraightThrough() throws Exception {
        Recorder straight = new Recorder();
        new Trainer(TrainerTest.small().with(aelab.engine.Settings.EPOCHS, 1), TrainerTest.mnist, straight).run();
        Recorder stepped = new Recorder() {
            @Override public synchronized void batch(BatchPoint p) { super.batch(p); }
        };
        Trainer t = new Trainer(TrainerTest.small().with(aelab.engine.Settings.EPOCHS, 1), TrainerTest.mnist, stepped);
        t.pause();
        Thread run = new Thread(t::run, "stepped run");
        run.start();
        for (int i = 1; i <= 20; i++) {
            t.step(1);
            int want = i;
            await("batch " + i, () -> size(stepped) == want);
        }
        run.join(60_000);
        for (int i = 0; i < 20; i++) assertEquals(straight.batches.get(i).loss(), stepped.batches.get(i).loss(), 0.0);
    }

    @Test
    void aWatchingPaceSpacesTheBatchesAndFullSpeedComesBackAtOnce() throws Exception {
        Recorder r = new Recorder() {
            @Override public synchronized void batch(BatchPoint p) { super.batch(p); }
        };
        Trainer t = new Trainer(TrainerTest.small().with(aelab.engine.Settings.EPOCHS, 5), TrainerTest.mnist, r);   // 100 batches
        t.setPace(20);   // a batch every 50 ms
        Thread run = new Thread(t::run, "paced run");
        long start = System.nanoTime();
        run.start();
        await("ten batches", () -> size(r) >= 10);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 9 * 0.05, "10 batches at 20 a second take at least 0.45 s, not " + seconds);
        t.setPace(0);
        run.join(60_000);
        assertFalse(run.isAlive(), "the run finished");
        assertEquals(100, r.batches.size());
    }

    private static int size(Recorder r) {
        synchronized (r) { return r.batches.size(); }
    }

    private static int epochs(Recorder r) {
        synchronized (r) { return r.epochs.size(); }
    }
}
