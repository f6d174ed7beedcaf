package aelab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.Dataset;
import aelab.data.DatasetException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    @AfterEach
    void giveTheCoreBack() {
        CoreLoan.lendUntil(System.nanoTime());
    }

    @Test
    void everyTaskRunsExactlyOncePerRunWhateverThePoolSize() {
        for (int n = 1; n <= 4; n++) {
            try (WorkerPool pool = new WorkerPool(n)) {
                AtomicIntegerArray count = new AtomicIntegerArray(n);
                for (int r = 0; r < 2000; r++) {
                    if (r == 1000) CoreLoan.lendUntil(System.nanoTime() + 60_000_000_000L);   // half of them lent
                    pool.run(count::incrementAndGet);
                }
                for (int w = 0; w < n; w++) assertEquals(2000, count.get(w), "pool of " + n + ", task " + w);
            }
            CoreLoan.lendUntil(System.nanoTime());
        }
    }

    @Test
    void withACoreLentTwoWorkersLeaveEveryTaskToTheCaller() {
        try (WorkerPool pool = new WorkerPool(2)) {
            Set<Thread> ran = ConcurrentHashMap.newKeySet();
            CoreLoan.lendUntil(System.nanoTime() + 60_000_000_000L);
            assertTrue(CoreLoan.isLent());
            for (int r = 0; r < 200; r++) pool.run(w -> ran.add(Thread.currentThread()));
            assertEquals(Set.of(Thread.currentThread()), ran);

            CoreLoan.lendUntil(System.nanoTime());
            assertTrue(!CoreLoan.isLent());
            ran.clear();
            for (int r = 0; r < 200 && ran.size() < 2; r++) pool.run(w -> {
                ran.add(Thread.currentThread());
                long until = System.nanoTime() + 200_000;   // long enough for the woken worker to claim the other
                while (System.nanoTime() < until) Thread.onSpinWait();
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
        CoreLoan.lendUntil(System.nanoTime() + 60_000_000_000L);
        new Trainer(c, mnist, lent).run();
        assertEquals(free.batches.size(), lent.batches.size());
        for (int i = 0; i < free.batches.size(); i++)
            assertEquals(free.batches.get(i).loss(), lent.batches.get(i).loss(), 0.0, "batch " + i);
        assertEquals(free.epochs.get(1).testBce(), lent.epochs.get(1).testBce(), 0.0);
    }
}
