package aelab.bench;

import aelab.app.AutoencoderLabApp;
import aelab.app.Launcher;
import aelab.app.MainView;
import aelab.app.RedrawMeter;
import aelab.app.files.FileActions;
import aelab.app.files.FxDialogs;
import aelab.app.files.RecoveryCopy;
import aelab.app.session.BackgroundExecutor;
import aelab.app.session.LabSession;
import aelab.app.model.AppPreferences;
import aelab.app.model.Run;
import aelab.data.Dataset;
import aelab.engine.BatchPoint;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * What the window's drawing costs the training: {@code java -jar autoencoder-lab.jar window-bench}.
 * Opens the real window and trains the default experiment as Start does: warm-up runs of 8 epochs,
 * drawing, until the JIT has settled, then one long run during which drawing is switched off and on
 * every second. The window's code runs a few times a second, so the JIT goes on compiling more of it
 * for minutes (on the 2-core machine this was built on, 5–25 % of the time for the first two minutes,
 * mostly while drawing: decision 0011): a warm-up ends once the JIT compiled less than
 * {@link #SETTLED_JIT_SHARE} of its last run's time, or when its time is up. What the JIT compiled is
 * printed for every warm-up run and for the measured one. Held, the window
 * still takes in every batch but redraws nothing. Each mini-batch's time (from the one before it in the
 * same epoch) counts for the state the window was in when the batch ended, so a machine that slows
 * down for a few seconds weighs on both states alike:
 *
 *   cost = 1 − (samples/s while drawing) / (samples/s while held)
 *
 * Printed per interval with the CPU the FX and renderer threads used, then as the median over pairs of
 * neighbouring intervals (robust to a few seconds of a slow machine) and over all intervals together. Its options are
 * in the command line's table (aelab.cli.Commands).
 */
public final class WindowBench extends Application {
    private static final long SWITCH_MILLIS = 1000;
    // A warm-up run: long enough for the kernels to reach their final JIT tier.
    private static final int WARM_UP_EPOCHS = 8;
    /** The JIT has settled when it compiled less than this share of a warm-up run's wall time. */
    static final double SETTLED_JIT_SHARE = 0.02;
    private static int epochs = 20, warmUpSeconds = 300;

    /** The window-bench command (options parsed by the command line); returns the exit status. */
    public static int run(int measuredEpochs, int threads, int warmUpLimit) {
        epochs = measuredEpochs;
        warmUpSeconds = warmUpLimit;
        if (threads > 0) System.setProperty("aelab.trainingThreads", String.valueOf(threads));
        Launcher.preferSoftwareRendering();
        Launcher.quietClassPathWarning();
        try {
            Application.launch(WindowBench.class);
        } catch (RuntimeException e) {
            System.err.println("error: window-bench opens the real window and could not (" + e.getMessage()
                    + "); on a machine without a display, run it under xvfb-run");
            return 1;
        }
        return status;
    }

    private static volatile int status = 1;
    private LabSession session;
    private MainView view;
    private RecoveryCopy recovery;

    @Override public void start(Stage stage) {
        session = new LabSession(BackgroundExecutor.daemonThreads(), Dataset::loadBundledMnist, 0, 0);
        view = new MainView(session);
        AppPreferences prefs = AppPreferences.load(Path.of(System.getProperty("java.io.tmpdir"), "aelab-window-bench-none"));
        FileActions actions = AutoencoderLabApp.withMenu(view, prefs, new FxDialogs(() -> stage));
        // The recovery copy as the window keeps it, into a folder of its own, so the bench measures it
        // too; -Daelab.noRecovery=true leaves it out, to compare.
        if (!Boolean.getBoolean("aelab.noRecovery")) {
            try {
                Path folder = Files.createTempDirectory("aelab-window-bench-recovery");
                recovery = AutoencoderLabApp.withRecoveryCopy(view, actions, folder);
                System.out.println("window-bench: keeping a recovery copy in " + folder);
            } catch (IOException e) {
                System.err.println("window-bench: no recovery copy (" + e.getMessage() + ")");
            }
        }
        stage.setScene(AutoencoderLabApp.createScene(view));
        stage.setTitle("Autoencoder Lab — window bench");
        stage.show();
        session.loadData();
        Thread t = new Thread(this::measure, "aelab window bench");
        t.setDaemon(true);
        t.start();
    }

    /** A stretch of the run with the window drawing or held: from, to in System.nanoTime(); CPU of the FX threads. */
    private static final class Interval {
        final boolean drawing;
        final long from;
        long to, fxNanos, renderNanos, batchNanos;
        int batches;
        final long[] changes = new long[RedrawMeter.View.values().length], viewNanos = new long[changes.length];

        Interval(boolean drawing, long from) {
            this.drawing = drawing;
            this.from = from;
        }

        /** Takes the meter's counts since last (and moves last on): FX thread. */
        void meter(RedrawMeter m, long[][] last) {
            long[][] now = read(m);
            for (int v = 0; v < changes.length; v++) {
                changes[v] = now[0][v] - last[0][v];
                viewNanos[v] = now[1][v] - last[1][v];
                last[0][v] = now[0][v];
                last[1][v] = now[1][v];
            }
        }

        static long[][] read(RedrawMeter m) {
            RedrawMeter.View[] views = RedrawMeter.View.values();
            long[][] r = new long[2][views.length];
            for (RedrawMeter.View v : views) {
                r[0][v.ordinal()] = m.changes(v);
                r[1][v.ordinal()] = m.nanos(v);
            }
            return r;
        }
    }

    private void measure() {
        try {
            while (on(() -> session.state()) == LabSession.State.LOADING) Thread.sleep(100);
            if (on(() -> session.state()) != LabSession.State.IDLE) {
                System.err.println("error: " + on(() -> session.dataMessageProperty().get()));
                return;
            }
            int images = on(() -> session.dataset().train().count());
            System.out.printf(Locale.ROOT, "window-bench: %s, %,d images an epoch, %d training thread(s); a run of %d epochs "
                            + "with drawing switched every %d ms, after %s%n",
                    TrainingConfig.defaults().label(), images, LabSession.TRAINING_THREADS, epochs, SWITCH_MILLIS,
                    warmUpSeconds == 0 ? "a warm-up run of " + WARM_UP_EPOCHS + " epochs"
                            : "warm-up runs of " + WARM_UP_EPOCHS + " epochs until the JIT settles (at most " + warmUpSeconds + " s)");
            warmUp();
            long jit0 = jitMillis();
            long writes0 = recovery == null ? 0 : recovery.writes(), cpu0 = recovery == null ? 0 : recovery.writeCpuNanos();
            long from = System.nanoTime();
            List<Interval> intervals = train(epochs, true);
            long wall = System.nanoTime() - from;
            Summary summary = report(intervals, TrainingConfig.defaults().batchSize());
            System.out.printf(Locale.ROOT, "while measuring, the JIT compiled %s of the time%n", jitShare(jit0 < 0 ? -1 : jitMillis() - jit0, wall));
            // What the copy took from the training, whatever else the machine does: its thread's CPU time.
            if (recovery != null) System.out.printf(Locale.ROOT, "recovery copy: %d writes in %.1f s, %.0f ms CPU each, "
                            + "%.2f %% of one core%n", recovery.writes() - writes0, wall / 1e9,
                    (recovery.writeCpuNanos() - cpu0) / 1e6 / Math.max(1, recovery.writes() - writes0),
                    100.0 * (recovery.writeCpuNanos() - cpu0) / wall);
            // The last two lines: how often charts, digits and status changed on screen while drawing (the
            // slowest of the three), and the median cost.
            System.out.printf(Locale.ROOT, "refreshes/s: %.2f%n", summary.refreshes());
            System.out.printf(Locale.ROOT, "cost: %.1f %%%n", 100 * summary.cost());
            status = 0;
        } catch (Exception e) {
            System.err.println("error: the window bench stopped: " + e);
        } finally {
            Platform.runLater(() -> {
                view.dispose();
                if (recovery != null) recovery.discard();
                Platform.exit();
            });
        }
    }

    /**
     * Runs of {@link #WARM_UP_EPOCHS} epochs, drawing, until the JIT compiled less than
     * {@link #SETTLED_JIT_SHARE} of a run's time or the warm-up's seconds are up; one run with 0 seconds.
     */
    private void warmUp() throws Exception {
        long from = System.nanoTime(), limit = warmUpSeconds * 1_000_000_000L;
        for (int k = 1; ; k++) {
            long jit = jitMillis(), start = System.nanoTime();
            train(WARM_UP_EPOCHS, false);
            long wall = System.nanoTime() - start, compiled = jit < 0 ? -1 : jitMillis() - jit;
            double share = compiled * 1e6 / wall;
            System.out.printf(Locale.ROOT, "warm-up run %d: %d epochs in %.1f s, the JIT compiled %s of the time%n",
                    k, WARM_UP_EPOCHS, wall / 1e9, jitShare(compiled, wall));
            if (warmUpSeconds == 0 || share < SETTLED_JIT_SHARE) return;
            if (System.nanoTime() - from >= limit) {
                System.out.printf(Locale.ROOT, "window-bench: the JIT had not settled after %d s of warm-up: the figures "
                        + "include its compiling (--warm-up sets the limit)%n", warmUpSeconds);
                return;
            }
        }
    }

    /** The JIT's compile time so far in ms (the sum of its compilations' durations), or -1 where unknown. */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    private static String jitShare(long millis, long wallNanos) {
        return millis < 0 ? "(unknown)" : String.format(Locale.ROOT, "%.1f %%", 100.0 * millis * 1e6 / wallNanos);
    }

    /** Trains the default experiment for n epochs; switching, drawing goes off and on every second. */
    private List<Interval> train(int n, boolean switching) throws Exception {
        long fx = threadId("JavaFX Application Thread"), render = threadId("QuantumRenderer-0");
        long[] started = new long[1];
        Run run = on(() -> {
            view.setDrawing(!switching);   // a measured run starts held, as its first interval says
            session.form().load(TrainingConfig.defaults().with(Settings.EPOCHS, n));
            session.start();
            started[0] = System.nanoTime();
            return session.current();
        });
        List<Interval> intervals = new ArrayList<>();
        Interval now = new Interval(!switching, started[0]);
        long fx0 = cpuTime(fx), render0 = cpuTime(render);
        long[][] meter0 = on(() -> Interval.read(view.redrawMeter()));
        while (!on(run::isFinished)) {
            Thread.sleep(switching ? SWITCH_MILLIS : 50);
            if (!switching) continue;
            boolean next = !now.drawing;
            Interval ending = now;
            long at = on(() -> {
                view.setDrawing(next);
                ending.meter(view.redrawMeter(), meter0);
                return System.nanoTime();
            });
            long fx1 = cpuTime(fx), render1 = cpuTime(render);
            now.to = at;
            now.fxNanos = fx1 - fx0;
            now.renderNanos = render1 - render0;
            intervals.add(now);
            now = new Interval(next, at);
            fx0 = fx1;
            render0 = render1;
        }
        on(() -> {
            view.setDrawing(true);
            return null;
        });
        if (!switching) return intervals;
        now.to = Long.MAX_VALUE;   // the run ended in this one
        intervals.add(now);
        List<BatchPoint> batches = on(() -> List.copyOf(run.record().batches()));
        for (int j = 1; j < batches.size(); j++) {
            BatchPoint b = batches.get(j), before = batches.get(j - 1);
            if (b.epoch() != before.epoch()) continue;   // the gap holds the test evaluation
            long end = started[0] + b.nanos();
            for (Interval i : intervals) {
                if (end >= i.from && end < i.to) {
                    i.batches++;
                    i.batchNanos += b.nanos() - before.nanos();
                    break;
                }
            }
        }
        intervals.remove(intervals.size() - 1);   // partly after the run
        return intervals;
    }

    /** The two figures the bench ends with: refreshes a second while drawing (the slowest view's), and the cost. */
    private record Summary(double refreshes, double cost) { }

    private static Summary report(List<Interval> intervals, int batchSize) {
        RedrawMeter.View[] views = RedrawMeter.View.values();
        System.out.println("interval  drawing  batches  ms/batch  FX thread  renderer (cores)  changed: charts digits status"
                + "  FX ms/s: charts digits status");
        int k = 0;
        for (Interval i : intervals) {
            double wall = i.to - i.from;
            System.out.printf(Locale.ROOT, "%8d  %-7s  %7d  %8.3f  %9.3f  %8.3f          %6d %6d %6d          %6.1f %6.1f %6.1f%n",
                    ++k, i.drawing ? "yes" : "held", i.batches, i.batches == 0 ? Double.NaN : i.batchNanos / 1e6 / i.batches,
                    i.fxNanos / wall, i.renderNanos / wall, i.changes[0], i.changes[1], i.changes[2],
                    i.viewNanos[0] / wall * 1e3, i.viewNanos[1] / wall * 1e3, i.viewNanos[2] / wall * 1e3);
        }
        double drawn = perBatch(intervals, true), held = perBatch(intervals, false);
        List<Double> pairs = new ArrayList<>();
        for (int p = 0; p + 1 < intervals.size(); p += 2) {
            Interval a = intervals.get(p), b = intervals.get(p + 1);
            if (a.batches == 0 || b.batches == 0) continue;
            Interval on = a.drawing ? a : b, off = a.drawing ? b : a;
            pairs.add(1 - ((double) off.batchNanos / off.batches) / ((double) on.batchNanos / on.batches));
        }
        double seconds = 0, fx = 0, render = 0;
        long[] changes = new long[views.length];
        for (Interval i : intervals) {
            if (!i.drawing) continue;
            seconds += (i.to - i.from) / 1e9;
            fx += i.fxNanos / 1e9;
            render += i.renderNanos / 1e9;
            for (int v = 0; v < views.length; v++) changes[v] += i.changes[v];
        }
        double slowest = Double.POSITIVE_INFINITY;
        StringBuilder rates = new StringBuilder();
        for (RedrawMeter.View v : views) {
            double rate = changes[v.ordinal()] / seconds;
            slowest = Math.min(slowest, rate);
            rates.append(String.format(Locale.ROOT, "%s %.2f  ", v.name().toLowerCase(Locale.ROOT), rate));
        }
        System.out.printf(Locale.ROOT, "while drawing (%.1f s): changes a second: %sFX thread %.3f cores, renderer %.3f cores%n",
                seconds, rates, fx / seconds, render / seconds);
        System.out.printf(Locale.ROOT, "ms per batch: drawing %.4f, held %.4f; samples/s: drawing %,.0f, held %,.0f%n",
                drawn, held, batchSize * 1000 / drawn, batchSize * 1000 / held);
        double cost = median(pairs.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(Locale.ROOT, "the window's drawing costs the training %.1f %% of its throughput (median of %d pairs "
                + "of neighbouring intervals; over all intervals together: %.1f %%)%n",
                100 * cost, pairs.size(), 100 * (1 - held / drawn));
        return new Summary(slowest, cost);
    }

    private static double perBatch(List<Interval> intervals, boolean drawing) {
        long nanos = 0, batches = 0;
        for (Interval i : intervals) {
            if (i.drawing != drawing) continue;
            nanos += i.batchNanos;
            batches += i.batches;
        }
        return nanos / 1e6 / batches;
    }

    private static double median(double[] values) {
        if (values.length == 0) return Double.NaN;
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** CPU time of a thread in nanoseconds; 0 for a thread this Java cannot see or time. */
    private static long cpuTime(long id) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        return id > 0 && cpu.isThreadCpuTimeSupported() ? Math.max(0, cpu.getThreadCpuTime(id)) : 0;
    }

    private static long threadId(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).mapToLong(Thread::getId)
                .findFirst().orElse(-1);
    }

    /** Calls the task on the FX thread and waits for its answer. */
    private static <T> T on(Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get();
    }
}
