package aelab.engine;

/**
 * The k images with the smallest and the largest error, without sorting all of them.
 *
 * Each epoch the evaluation has one error per test image (10,000 for MNIST) and the window shows a few
 * of the best and worst. Sorting them all as boxed indices cost the training thread milliseconds an
 * epoch, and its comparator's code was compiled again and again (the JIT's own time, taken from the
 * training's cores). One pass keeps the k best in order instead:
 *
 *   for each i: if i beats the k-th kept, insert it (insertion into k slots): O(n·k), k ≤ 10 here.
 *
 * Order: by value, then by index (ties: the lower index counts as smaller), as
 * {@code Comparator.comparingDouble(v).thenComparingInt(i)} sorts; the largest come in the reverse of
 * that order, so the lists are what a full sort's two ends would give.
 */
final class Extremes {
    private Extremes() { }

    /** Indices of the k smallest values, smallest first. */
    static int[] smallest(double[] v, int k) { return keep(v, k, false); }

    /** Indices of the k largest values, largest first. */
    static int[] largest(double[] v, int k) { return keep(v, k, true); }

    private static int[] keep(double[] v, int k, boolean largest) {
        if (k < 0 || k > v.length) throw new IllegalArgumentException("k in [0, " + v.length + "]: " + k);
        int[] kept = new int[k];
        int size = 0;
        for (int i = 0; i < v.length && k > 0; i++) {
            if (size == k && !before(v, i, kept[k - 1], largest)) continue;
            int j = size < k ? size++ : k - 1;
            for (; j > 0 && before(v, i, kept[j - 1], largest); j--) kept[j] = kept[j - 1];
            kept[j] = i;
        }
        return kept;
    }

    /** Whether a comes before b: smaller (or, for the largest, larger) by value, then by index. */
    private static boolean before(double[] v, int a, int b, boolean largest) {
        int c = Double.compare(v[a], v[b]);
        if (c == 0) c = Integer.compare(a, b);
        return largest ? c > 0 : c < 0;
    }
}
