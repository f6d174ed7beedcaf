package aelab.engine;

import aelab.data.Dataset;

import java.lang.management.ManagementFactory;

/**
 * Training throughput of the default experiment (sigmoid + BCE on [0,1], Adam, batch 100): a warm-up,
 * then timed steps on the first images of the training set, and one timed evaluation of the test set.
 */
public final class Bench {
    private Bench() { }

    /** bytesPerStep: heap allocated by the calling thread (worker 0) per timed step. */
    public record Result(int steps, int batch, int threads, String kernel, double samplesPerSecond,
                         double evalSeconds, int evalImages, double bytesPerStep) { }

    public static Result run(Dataset data, TrainingConfig config, int steps, int warmup) {
        Autoencoder model = Autoencoder.of(config);
        Optimizer opt = config.optimizer().create(model.paramSizes(), config.learningRate());
        int batch = config.batchSize(), threads = config.effectiveThreads();
        int count = Math.min(data.train().count(), Math.max(batch, config.trainLimit() == 0 ? data.train().count() : config.trainLimit()));
        int batches = count / batch;
        int[] order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        try (WorkerPool pool = new WorkerPool(threads)) {
            DataParallel dp = new DataParallel(model, pool, batch, config);
            for (int s = 0; s < warmup; s++)
                dp.step(data.train().pixels(), order, (s % batches) * batch, batch, config.scale(), config.loss(), opt, s + 1);
            long bytes0 = allocatedBytes(), t0 = System.nanoTime();
            for (int s = 0; s < steps; s++)
                dp.step(data.train().pixels(), order, (s % batches) * batch, batch, config.scale(), config.loss(), opt, s + 1);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double bytesPerStep = (double) (allocatedBytes() - bytes0) / steps;
            dp.evaluate(data.test(), 0, config.scale(), config.loss()); // warm the evaluation path
            long t1 = System.nanoTime();
            Evaluation e = dp.evaluate(data.test(), 0, config.scale(), config.loss());
            double evalSeconds = (System.nanoTime() - t1) / 1e9;
            return new Result(steps, batch, threads, dp.kernelName(), (double) steps * batch / seconds, evalSeconds, e.count(), bytesPerStep);
        }
    }

    private static long allocatedBytes() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                ? t.getCurrentThreadAllocatedBytes() : -1;
    }
}
