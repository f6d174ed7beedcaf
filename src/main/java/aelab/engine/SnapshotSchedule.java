package aelab.engine;

import java.util.Arrays;

/**
 * The steps at which a run's timeline keeps a snapshot of its reconstructions: every step up to 8,
 * then roughly geometric,
 *
 *   s₀ = 0, …, s₈ = 8,   s_{k+1} = max(s_k + 1, round(1.2 · s_k))   → 0, 1, …, 8, 10, 12, 14, 17, 20, 24, …
 *
 * (the ends of epochs are kept besides). Digits change most in the first few hundred mini-batches: a
 * 5-epoch run of 600 batches an epoch keeps 41 scheduled snapshots, 32 of them in its first epoch, and
 * a 50-epoch run only 13 more.
 */
public final class SnapshotSchedule {
    static final double RATIO = 1.2;
    private static final long[] STEPS = build();

    private SnapshotSchedule() { }

    private static long[] build() {
        long[] s = new long[256];
        int n = 0;
        for (long step = 0; step <= 8; step++) s[n++] = step;
        while (s[n - 1] < 1L << 50) {
            long next = Math.max(s[n - 1] + 1, Math.round(RATIO * s[n - 1]));
            s[n++] = next;
        }
        return Arrays.copyOf(s, n);
    }

    /** Whether the schedule keeps the state after this many steps. */
    public static boolean takes(long step) {
        return step >= 0 && Arrays.binarySearch(STEPS, step) >= 0;
    }

    /** Scheduled steps from 0 up to and including {@code last}. */
    public static int countUpTo(long last) {
        if (last < 0) return 0;
        int i = Arrays.binarySearch(STEPS, last);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
