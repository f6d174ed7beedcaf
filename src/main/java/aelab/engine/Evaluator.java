package aelab.engine;

import aelab.data.Dataset;

/**
 * Evaluates a model on the test images of a dataset, as the trainer does after each epoch. The work is
 * split over the same number of workers and chunks as in {@link Trainer} (threads from the config, rows
 * per worker from the batch), so the sums are taken in the same order and a reloaded model gives the
 * same figures to the last digit as the epoch that produced it.
 */
public final class Evaluator {
    private Evaluator() { }

    /** Means over the first config.testLimit() test images (all when 0). */
    public static Evaluation evaluate(Autoencoder model, TrainingConfig config, Dataset data) {
        int size = data.test().imageSize();
        if (model.width(0) != size || model.width(model.layerCount()) != size)
            throw new IllegalArgumentException("the model reads " + model.width(0) + " pixels but the images of "
                    + data.name() + " have " + size);
        int count = config.trainLimit() == 0 ? data.train().count() : Math.min(config.trainLimit(), data.train().count());
        int batch = Math.min(config.batchSize(), count); // Trainer sizes its workspaces by this batch
        try (WorkerPool pool = new WorkerPool(Trainer.threadsFor(config))) {
            return new DataParallel(model, pool, batch, config).evaluate(data.test(), config.testLimit(), config.scale(),
                    config.loss());
        }
    }
}
