package aelab.bench;

import aelab.data.Dataset;
import aelab.data.DatasetException;

/**
 * Prints how long the bundled MNIST takes to load (target: under a second for all four files).
 * Run: {@code java -cp target/classes aelab.bench.LoadBench}. The first run includes JVM warm-up,
 * which is what a user waits for at start-up; later runs show the steady state.
 */
public final class LoadBench {
    private LoadBench() {
    }

    public static void main(String[] args) throws DatasetException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            Dataset d = Dataset.loadBundledMnist();
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("run %d: %d ms  (%s: train %s, test %s)%n", run, ms, d.name(), d.train(), d.test());
        }
    }
}
