package aelab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The one place where the engine's threads meet. {@link #run} calls task(w) for every worker
 * w = 0 … n−1 and returns when all are done; worker 0 is the calling thread. Workers spin briefly
 * before parking, so the two hand-offs of a mini-batch cost microseconds, not a context switch.
 * Nothing is allocated per call.
 */
public final class WorkerPool implements AutoCloseable {
    // Waiting: spin this many times (a few microseconds), then yield the core for up to YIELDS
    // rounds — when another program holds the other core, the thread we wait for may be queued
    // behind us, and spinning would only delay it — then park.
    private static final int SPINS = 2_000, YIELDS = 2_000;

    private final Thread[] threads;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile IntConsumer task;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    public WorkerPool(int n) {
        if (n < 1) throw new IllegalArgumentException("a pool needs at least one worker");
        threads = new Thread[n - 1];
        for (int i = 0; i < threads.length; i++) {
            int id = i + 1;
            threads[i] = new Thread(() -> loop(id), "aelab-worker-" + id);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    public int size() { return threads.length + 1; }

    /** Runs task(0) here and task(1 … n−1) on the workers; rethrows the first failure. */
    public void run(IntConsumer task) {
        if (closed) throw new IllegalStateException("worker pool is closed");
        if (threads.length == 0) {
            task.accept(0);
            return;
        }
        this.task = task;
        failure = null;
        caller = Thread.currentThread();
        pending.set(threads.length);
        generation++;
        for (Thread t : threads) LockSupport.unpark(t);
        Throwable own = null;
        try {
            task.accept(0);
        } catch (Throwable e) {
            own = e;
        }
        int spins = 0;
        while (pending.get() != 0) {
            if (++spins < SPINS) Thread.onSpinWait();
            else if (spins < SPINS + YIELDS) Thread.yield();
            else LockSupport.parkNanos(this, 50_000);
        }
        this.task = null;
        Throwable f = own != null ? own : failure;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
    }

    private void loop(int id) {
        long seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins < SPINS) Thread.onSpinWait();
                else if (spins < SPINS + YIELDS) Thread.yield();
                else LockSupport.park(this);
            }
            if (closed) return;
            seen = generation;
            try {
                task.accept(id);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) LockSupport.unpark(caller);
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
