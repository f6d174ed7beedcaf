package aelab.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * What a run needs in memory, counted in long so that no layer widths can overflow it. Dimension
 * legend: P = parameters, k = the optimizer's state arrays per parameter array (Adam 2, SGD and
 * RMSprop 1), T = worker threads, R = ⌈B / T⌉ rows per worker, n_l = widths[l], D = n_0 = n_L.
 *
 *   training:   model + last good model + state + last good state = 2·(1 + k)·P floats
 *               + T workspaces, each P gradients + R·(D + n_L + Σ_{l≥1} n_l + 2·max n) row buffers
 *   at the end: the checkpoint copies both again, 3·(1 + k)·P, and saving turns one array at a time
 *               into bytes (+ the largest array)
 *
 * The peak of the two, times 4 bytes, is {@link #bytes()}. Not counted: the images themselves, the
 * window's preview workspace and per-epoch figures, which are small beside it.
 *
 * @param parameters   P, every weight and bias
 * @param bytes        the peak of the two phases above
 * @param layers       the widths, as the messages show them ("784-128-784")
 * @param arrayProblem why one array cannot be made (a weight matrix past Java's array limit), or ""
 */
public record MemoryNeed(long parameters, long bytes, String layers, String arrayProblem) {
    /** The most elements one Java array can hold on common JVMs. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    public static long parameterCount(int[] widths) {
        long p = 0;
        for (int l = 0; l + 1 < widths.length; l++) p += (long) widths[l] * widths[l + 1] + widths[l + 1];
        return p;
    }

    /** The need of a run with these layers, batch size, threads (as set; capped by the batch) and optimizer. */
    public static MemoryNeed of(int[] widths, int batchSize, int threads, OptimizerKind optimizer) {
        long p = parameterCount(widths), k = optimizer.stateArrays();
        int t = Math.max(1, Math.min(threads, batchSize));
        long r = (Math.max(1, batchSize) + t - 1) / t;
        long rowFloats = 0, max = 0, largest = 0;
        for (int l = 1; l < widths.length; l++) rowFloats += widths[l];
        for (int n : widths) max = Math.max(max, n);
        String arrayProblem = "";
        for (int l = 0; l + 1 < widths.length; l++) {
            largest = Math.max(largest, (long) widths[l] * widths[l + 1]);
            if (arrayProblem.isEmpty() && (long) widths[l] * widths[l + 1] > MAX_ARRAY)
                arrayProblem = tooLarge("the weights between layers " + l + " and " + (l + 1), widths[l], widths[l + 1]);
        }
        rowFloats += widths[0] + widths[widths.length - 1] + 2 * max;
        largest = Math.max(largest, r * max);
        if (arrayProblem.isEmpty() && r * max > MAX_ARRAY) arrayProblem = tooLarge("a worker's row buffer", r, max);
        long training = 2 * (1 + k) * p + t * (p + r * rowFloats);
        long atEnd = 3 * (1 + k) * p + largest;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < widths.length; i++) s.append(i == 0 ? "" : "-").append(widths[i]);
        return new MemoryNeed(p, 4 * Math.max(training, atEnd), s.toString(),
                arrayProblem.isEmpty() ? "" : "layers " + s + ": " + arrayProblem);
    }

    public static MemoryNeed of(TrainingConfig c) {
        return of(c.layers(), c.batchSize(), c.effectiveThreads(), c.optimizer());
    }

    /** What stops this run in a Java of {@code maxMemory} bytes, in one line; empty when it fits. */
    public Optional<String> problem(long maxMemory) {
        if (!arrayProblem.isEmpty()) return Optional.of(arrayProblem);
        return bytes <= maxMemory ? Optional.empty() : Optional.of(describe(maxMemory));
    }

    /** "needs about X GB of memory for …; this Java has Y GB (…)", whether or not it fits. */
    public String describe(long maxMemory) {
        return String.format(Locale.ROOT, "needs about %.1f GB of memory for %,d parameters"
                + " (layers %s: weights, gradients, optimizer state and their copies); this Java has %.1f GB"
                + " (raise it with -Xmx or choose smaller layers)", gb(bytes), parameters, layers, gb(maxMemory));
    }

    /** The same in this Java ({@link Runtime#maxMemory()}): what the settings form and the CLI check before a run. */
    public static Optional<String> check(TrainingConfig c) {
        return of(c).problem(Runtime.getRuntime().maxMemory());
    }

    /** An array of n = a·b elements, or a clear refusal where an int would overflow. */
    static int arrayLength(long a, long b, String what) {
        if (a * b > MAX_ARRAY) throw new IllegalArgumentException(tooLarge(what, a, b)); // a, b ≤ int: no long overflow
        return (int) (a * b);
    }

    private static String tooLarge(String what, long a, long b) {
        return what + " would be " + a + " × " + b + " = " + a * b + " numbers, more than one Java array holds ("
                + MAX_ARRAY + "); choose smaller layers";
    }

    private static double gb(long bytes) { return bytes / (double) (1L << 30); }
}
