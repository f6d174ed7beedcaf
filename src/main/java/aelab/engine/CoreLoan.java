package aelab.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * One window borrowing one core from the training it started, for a moment. The training meets twice
 * per mini-batch on every core; when the window draws on one of them, the worker there stops, and the
 * others wait for it, so a moment of drawing costs all cores that moment. While a core is lent,
 * {@link WorkerPool} wakes one worker fewer and the rest share the tasks among themselves: the drawing
 * then costs the training about the one core it uses.
 *
 * A core is lent until a deadline (System.nanoTime(); saying it again moves the end, either way), and
 * also while watched threads work: the window's own thread and its renderer, for as long as they use
 * the CPU. Working is read from their CPU time, not their state: a thread that waits in native code
 * (for the display server, for events) looks RUNNABLE to Java, and was measured RUNNABLE twice as long
 * as it computed. A watched thread whose CPU time grew by more than {@link #WAKE_NANOS} since the last
 * look works; the loan then lasts {@link #HOLD_NANOS} after that look, a mini-batch's hand-off or two,
 * so a thread that keeps working keeps it without a gap, and one that stopped gives the core back soon.
 * Which threads to watch is the window's business: it finds them and hands them over. Each window makes
 * its own loan, so two windows (or two tests) never lend each other's cores.
 */
public final class CoreLoan implements CoreLending {
    /** CPU time a watched thread may take between two looks without counting as working: a wake-up. */
    static final long WAKE_NANOS = 50_000;
    /** How long a look that found work keeps the loan. */
    static final long HOLD_NANOS = 1_000_000;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private volatile long until = System.nanoTime();
    private volatile Watched[] watched = new Watched[0];
    private volatile long workingUntil = System.nanoTime();

    /** A watched thread and its CPU time at the last look. */
    private static final class Watched {
        final long id;
        volatile long seen;

        Watched(Thread t) {
            id = t.getId();
            seen = cpuTime(id);
        }
    }

    /** Lends one core until the given System.nanoTime(): later or sooner than the loan said so far. */
    public void lendUntil(long deadline) {
        until = deadline;
    }

    /** Lends one core whenever one of the threads uses the CPU; none stops watching. */
    public void lendWhileWorking(List<Thread> threads) {
        watched = threads.stream().map(Watched::new).toArray(Watched[]::new);
    }

    @Override public boolean isLent() {
        long now = System.nanoTime();
        if (now - until < 0) return true;
        boolean working = false;
        for (Watched w : watched) {
            long cpu = cpuTime(w.id), was = w.seen;
            if (cpu - was > WAKE_NANOS) working = true;
            if (cpu != was) w.seen = cpu;
        }
        if (working) workingUntil = now + HOLD_NANOS;
        return now - workingUntil < 0;
    }

    /** A thread's CPU time in ns, or 0 where it cannot be read (then it never counts as working). */
    private static long cpuTime(long id) {
        return CPU.isThreadCpuTimeSupported() ? Math.max(0, CPU.getThreadCpuTime(id)) : 0;
    }
}
