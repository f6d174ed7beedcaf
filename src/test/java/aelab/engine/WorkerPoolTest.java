package aelab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.Dataset;
import aelab.data.DatasetException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/** Each test lends through its own switch: no clock decides what a pool sees, and no test sees another's loan. */
class WorkerPoolTest {
    @Test
    void everyTaskRunsExactlyOncePerRunWhateverThePoolSize() {
        for (int n = 1; n <= 4; n++) {
            AtomicBoolean lent = new AtomicBoolean();
            try (WorkerPool pool = new WorkerPool(n, lent::get)) {
                AtomicIntegerArray count = new AtomicIntegerArray(n);
                for (int r = 0; r < 2000; r++) {
                    if (r == 1000) lent.set(true);   // half of them lent
                    pool.run(count::incrementAndGet);
                }
                for (int w = 0; w < n; w++) assertEquals(2000, count.get(w), "pool of " + n + ", task " + w);
            }
        }
    }

    @Test
    void withACoreLentTwoWorkersLeaveEveryTaskToTheCaller() {
        AtomicBoolean lent = new AtomicBoolean(true);
        try (WorkerPool pool = new WorkerPool(2, lent::get)) {
            Set<Thread> ran = ConcurrentHashMap.newKeySet();
            for (int r = 0; r < 200; r++) pool.run(w -> ran.add(Thread.currentThread()));
            assertEquals(Set.of(Thread.currentThread()), ran);

            lent.set(false);
            ran.clear();
            // Whoever claims a task first holds it until a second thread has claimed the other one: only a
            // woken worker can, so the caller never takes both, however slowly the worker wakes.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            pool.run(w -> {
                ran.add(Thread.currentThread());
                while (ran.size() < 2 && System.nanoTime() - until < 0) Thread.onSpinWait();
            });
            assertEquals(2, ran.size(), "the worker takes part again once the core is back");
        }
    }

    @Test
    void aFailingTaskIsRethrownAndThePoolGoesOn() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IllegalStateException boom = new IllegalStateException("task 1 failed");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> pool.run(w -> {
                if (w == 1) throw boom;
            }));
            assertSame(boom, thrown);
            AtomicIntegerArray count = new AtomicIntegerArray(2);
            pool.run(count::incrementAndGet);
            assertEquals(1, count.get(0));
            assertEquals(1, count.get(1));
        }
    }

    @Test
    void aLentCoreDoesNotChangeTheNumbers() throws DatasetException {
        Dataset mnist = Dataset.loadBundledMnist();
        TrainingConfig c = TrainerTest.small().withThreads(2);
        TrainerTest.Recorder free = new TrainerTest.Recorder(), lent = new TrainerTest.Recorder();
        new Trainer(c, mnist, free).run();
        AtomicBoolean asked = new AtomicBoolean();
        new Trainer(c, mnist, lent, null, () -> {
            asked.set(true);
            return true;                       // lent all along
        }).run();
        assertTrue(asked.get(), "the trainer's pool asks the loan it was handed");
        assertEquals(free.batches.size(), lent.batches.size());
        for (int i = 0; i < free.batches.size(); i++)
            assertEquals(free.batches.get(i).loss(), lent.batches.get(i).loss(), 0.0, "batch " + i);
        assertEquals(free.epochs.get(1).testBce(), lent.epochs.get(1).testBce(), 0.0);
    }
}
