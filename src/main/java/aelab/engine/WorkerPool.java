package aelab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The one place where the engine's threads meet. {@link #run} calls task(w) once for every
 * w = 0 … n−1 and returns when all are done. The calling thread and the woken workers claim the tasks
 * in turn, so a worker that is slow to start (its core taken by the window, the JIT or another program)
 * leaves its task to whoever is free first. Which thread runs task w never changes what it computes:
 * a task works on buffers of its own index, so the numbers are the same however the tasks were shared.
 *
 * While a core is lent ({@link CoreLending}: a window drawing, see {@link CoreLoan}), one worker fewer
 * is woken, and with two cores the calling thread runs every task itself: the window draws on the other
 * core and nobody waits for a worker that lost its core to it. Workers spin briefly before parking, so the two hand-offs of a
 * mini-batch cost microseconds, not a context switch. Nothing is allocated per call.
 */
public final class WorkerPool implements AutoCloseable {
    // Waiting: spin this many times (about 30 µs at ~30 ns per onSpinWait), then park. Parking soon matters
    // when the cores are shared, with the window or another program: a worker that lost its core mid-task
    // is then moved by the OS to the core its partner just left, instead of waiting behind whatever took
    // its own. (Yielding in a loop would keep that core looking busy, so nothing would move; a yield loop
    // of ~1.5 ms here cost the window's training 10 % more than parking does.)
    private static final int SPINS = 1_000;

    private final Thread[] threads;
    private final int n;
    private final CoreLending lending;
    // (generation << 32) | index of the next task to claim: a claim made for an older run fails.
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile IntConsumer task;
    private volatile int helpers;   // workers 1 … helpers take part in the current run
    private volatile long generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    /** n threads (the caller and n − 1 workers) that never lend a core. */
    public WorkerPool(int n) {
        this(n, CoreLending.NONE);
    }

    /** n threads that wake one worker fewer while lending says a core is lent. */
    public WorkerPool(int n, CoreLending lending) {
        if (n < 1) throw new IllegalArgumentException("a pool needs at least one worker");
        this.n = n;
        this.lending = lending;
        threads = new Thread[n - 1];
        for (int i = 0; i < threads.length; i++) {
            int id = i + 1;
            threads[i] = new Thread(() -> loop(id), "aelab-worker-" + id);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    public int size() { return n; }

    /** Runs task(0 … n−1), here and on the workers; rethrows the first failure. */
    public void run(IntConsumer task) {
        if (closed) throw new IllegalStateException("worker pool is closed");
        int helping = lending.isLent() ? threads.length - 1 : threads.length;
        long gen = generation + 1;
        this.task = task;
        failure = null;
        caller = Thread.currentThread();
        finished.set(0);
        tickets.set(gen << 32);
        helpers = helping;
        generation = gen;                 // publishes all of the above to the workers
        for (int i = 0; i < helping; i++) LockSupport.unpark(threads[i]);
        claim(task, gen);
        int spins = 0;
        while (finished.get() != n) {
            if (++spins < SPINS) Thread.onSpinWait();
            else LockSupport.parkNanos(this, 50_000);
        }
        this.task = null;
        Throwable f = failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
    }

    /** Runs tasks of run gen until none is left to claim. */
    private void claim(IntConsumer t, long gen) {
        while (true) {
            long v = tickets.get();
            int w = (int) v;
            if (v >>> 32 != gen || w >= n) return;
            if (!tickets.compareAndSet(v, v + 1)) continue;
            try {
                t.accept(w);
            } catch (Throwable e) {
                if (failure == null) failure = e;
            }
            if (finished.incrementAndGet() == n) LockSupport.unpark(caller);
        }
    }

    private void loop(int id) {
        long seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins < SPINS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            if (closed) return;
            seen = generation;
            IntConsumer t = task;
            if (id <= helpers && t != null) claim(t, seen);
        }
    }

    @Override public void close() {
        closed = true;
        for (Thread t : threads) LockSupport.unpark(t);
    }

    /** Start of worker w's share when count items are split over n workers as evenly as possible. */
    public static int split(int count, int n, int w) {
        return (int) ((long) count * w / n);
    }
}
