package aelab.bench;

import aelab.engine.kernel.MatMul;
import aelab.engine.kernel.MatMuls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Single-thread GFLOP/s of every product in one training step of the default model, fast kernel
 * against EJML. Not a test: timings depend on the machine. Run (see docs/decisions/0002):
 * <pre>java --add-modules=jdk.incubator.vector -cp target/classes:… aelab.bench.KernelBench [m] [layer widths…]</pre>
 *
 * <p>Legend: B = rows per thread (half a batch, default 50), D_l = width of layer l.
 * Per layer l (D_in → D_out, W stored (D_in, D_out)) one step runs
 * <pre>
 *   forward   Z  = X·W        mul        (B, D_in)·(D_in, D_out)
 *   backward  dW += Xᵀ·dZ     mulTransA  m = D_in,  k = B,     n = D_out
 *             dX = dZ·Wᵀ      mulTransB  m = B,     k = D_out, n = D_in   (not for the first layer)
 * </pre>
 * A product costs 2·m·k·n FLOPs; the step average is total FLOPs over total time, so big shapes weigh most.
 */
public final class KernelBench {
    private static final long WARMUP_NANOS = 400_000_000L;
    private static final long BATCH_NANOS = 60_000_000L;
    private static final int BATCHES = 7;

    private KernelBench() { }

    private record Shape(Product variant, int m, int k, int n, boolean accumulate) {
        double flops() {
            return 2.0 * m * k * n;
        }
    }

    /** Which product a shape runs; a tiny local copy of the test enum keeps main code free of test classes. */
    private enum Product { MUL, TRANS_A, TRANS_B }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int[] widths = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[]{784, 128, 64, 28, 64, 128, 784};
        List<Shape> step = trainingStep(batch, widths);
        MatMul fast = MatMuls.best(), reference = MatMuls.reference();
        System.out.printf(Locale.ROOT, "%s vs %s, B = %d, layers %s, %s%n", fast.name(), reference.name(),
                batch, Arrays.toString(widths), System.getProperty("java.vm.version"));
        System.out.printf(Locale.ROOT, "%-9s %5s %5s %5s %10s %10s %7s%n", "variant", "m", "k", "n",
                "fast GF/s", "EJML GF/s", "speedup");
        // One untimed pass first: every code path (strips, leftover rows, packing) gets compiled
        // before any timing, so a late recompilation does not land inside another shape's figures.
        for (Shape s : step) {
            nanosPerCall(fast, s, WARMUP_NANOS / 4);
        }
        double flops = 0, fastNanos = 0, refNanos = 0;
        for (Shape s : step) {
            double tf = nanosPerCall(fast, s, WARMUP_NANOS), tr = nanosPerCall(reference, s, WARMUP_NANOS);
            flops += s.flops();
            fastNanos += tf;
            refNanos += tr;
            System.out.printf(Locale.ROOT, "%-9s %5d %5d %5d %10.1f %10.1f %6.1fx%n", s.variant, s.m, s.k, s.n,
                    s.flops() / tf, s.flops() / tr, tr / tf);
        }
        System.out.printf(Locale.ROOT, "step      %5.1f MFLOP %10.1f %10.1f %6.1fx   (FLOP-weighted: total FLOPs / total time)%n",
                flops / 1e6, flops / fastNanos, flops / refNanos, refNanos / fastNanos);
    }

    private static List<Shape> trainingStep(int batch, int[] widths) {
        List<Shape> shapes = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            shapes.add(new Shape(Product.MUL, batch, widths[l], widths[l + 1], false));
        }
        for (int l = widths.length - 2; l >= 0; l--) {
            shapes.add(new Shape(Product.TRANS_A, widths[l], batch, widths[l + 1], true));
            if (l > 0) shapes.add(new Shape(Product.TRANS_B, batch, widths[l + 1], widths[l], false));
        }
        return shapes;
    }

    /** Fastest batch of calls, after a warm-up long enough for C2 to compile the kernel: noise from
     *  other work on the machine only ever slows a batch down, so the minimum is the steadiest figure. */
    private static double nanosPerCall(MatMul kernel, Shape s, long warmupNanos) {
        Random rnd = new Random(42);
        float[] a = random(rnd, s.m * s.k), b = random(rnd, s.k * s.n), c = new float[s.m * s.n];
        Runnable call = switch (s.variant) {
            case MUL -> () -> kernel.mul(a, b, c, s.m, s.k, s.n, s.accumulate);
            case TRANS_A -> () -> kernel.mulTransA(a, b, c, s.m, s.k, s.n, s.accumulate);
            case TRANS_B -> () -> kernel.mulTransB(a, b, c, s.m, s.k, s.n, s.accumulate);
        };
        // Warm up for the full time: until C2 has compiled the kernel, a call can be 100× slower.
        long calls = 0, t0 = System.nanoTime();
        while (System.nanoTime() - t0 < warmupNanos) {
            call.run();
            calls++;
        }
        long t1 = System.nanoTime();
        for (int r = 0; r < calls / 4 + 1; r++) call.run();
        double estimate = (double) (System.nanoTime() - t1) / (calls / 4 + 1);
        int reps = (int) Math.max(1, BATCH_NANOS / estimate);
        double[] perCall = new double[BATCHES];
        for (int i = 0; i < BATCHES; i++) {
            long t = System.nanoTime();
            for (int r = 0; r < reps; r++) call.run();
            perCall[i] = (double) (System.nanoTime() - t) / reps;
            if (s.accumulate) Arrays.fill(c, 0f); // keep dW bounded, as the optimizer step would
        }
        Arrays.sort(perCall);
        return perCall[0];
    }

    private static float[] random(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rnd.nextFloat() * 2 - 1;
        return x;
    }
}
