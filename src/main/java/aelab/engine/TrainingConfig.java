package aelab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything that defines one experiment. Immutable; {@code with…} methods return changed copies.
 * trainLimit/testLimit 0 mean "all images"; threads 0 means "all cores".
 */
public record TrainingConfig(int[] layers, Activation hidden, Activation output, Loss loss, Scale scale,
                             int epochs, int batchSize, double learningRate, OptimizerKind optimizer,
                             long seed, int trainLimit, int testLimit, int threads) {

    public static final int[] DEFAULT_LAYERS = {784, 128, 64, 28, 64, 128, 784};

    public TrainingConfig {
        layers = layers.clone();
    }

    /** The seed's model with the answer's fix: sigmoid output, BCE, pixels on [0,1], Adam, batch 100, 5 epochs. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(DEFAULT_LAYERS, Activation.RELU, Activation.SIGMOID, Loss.BCE, Scale.UNIT,
                5, 100, OptimizerKind.ADAM.defaultLearningRate(), OptimizerKind.ADAM, 42, 0, 0, 0);
    }

    @Override public int[] layers() { return layers.clone(); }

    public int inputWidth() { return layers[0]; }

    public int depth() { return layers.length - 1; }

    /** Threads to use: the setting, or every available core when it is 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** What is wrong with these settings, one plain sentence each; empty when they can be trained. */
    public List<String> problems(int imageSize) {
        List<String> p = new ArrayList<>();
        if (layers.length < 2) p.add("layers: give at least an input and an output width, e.g. 784,128,784");
        for (int w : layers) if (w < 1 || w > 100_000) { p.add("layers: every width must be between 1 and 100000"); break; }
        if (layers.length >= 2 && layers[0] != imageSize)
            p.add("layers: the first width must be the image size, " + imageSize);
        if (layers.length >= 2 && layers[layers.length - 1] != imageSize)
            p.add("layers: the last width must be the image size, " + imageSize);
        if (!hidden.allowedHidden()) p.add("hidden activation: " + hidden + " cannot be used between layers");
        if (!output.allowedOutput()) p.add("output activation: use softmax, sigmoid or linear");
        if (epochs < 1 || epochs > 10_000) p.add("epochs: must be between 1 and 10000");
        if (batchSize < 1 || batchSize > 60_000) p.add("batch size: must be between 1 and 60000");
        if (!(learningRate > 0 && learningRate <= 10)) p.add("learning rate: must be greater than 0 and at most 10");
        if (trainLimit < 0) p.add("train limit: must be 0 (all images) or a positive count");
        if (testLimit < 0) p.add("test limit: must be 0 (all images) or a positive count");
        if (threads < 0 || threads > 256) p.add("threads: must be between 0 (all cores) and 256");
        return p;
    }

    /** Plain-language warnings about settings that train, but not the way one would want. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (output == Activation.SOFTMAX)
            w.add("softmax makes the " + layers[layers.length - 1]
                    + " outputs sum to 1 — pixel intensities don't; use sigmoid");
        if (scale == Scale.RAW && loss == Loss.BCE)
            w.add("targets outside [0,1]: BCE is unbounded below and the loss can go negative; scale pixels to [0,1]");
        else if (scale == Scale.RAW)
            w.add("pixels fed raw (0–255): inputs and targets are 255 times larger than usual; scale them to [0,1]");
        return w;
    }

    /** A short label for legends: "sigmoid + bce, [0,1]". */
    public String label() {
        return output + " + " + loss + ", " + (scale == Scale.UNIT ? "[0,1]" : "raw 0–255");
    }

    public String describe() {
        return label() + ", " + optimizer + " lr " + learningRate + ", batch " + batchSize + ", " + epochs
                + " epochs, layers " + layerString() + ", seed " + seed;
    }

    public String layerString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < layers.length; i++) s.append(i == 0 ? "" : "-").append(layers[i]);
        return s.toString();
    }

    public static int[] parseLayers(String s) {
        String[] parts = s.trim().split("[,\\-\\s]+");
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("layers: '" + parts[i] + "' is not a whole number (write e.g. 784,128,64,28,64,128,784)");
            }
        }
        return w;
    }

    public TrainingConfig withLayers(int[] v) { return new TrainingConfig(v, hidden, output, loss, scale, epochs, batchSize, learningRate, optimizer, seed, trainLimit, testLimit, threads); }
    public TrainingConfig withHidden(Activation v) { return new TrainingConfig(layers, v, output, loss, scale, epochs, batchSize, learningRate, optimizer, seed, trainLimit, testLimit, threads); }
    public TrainingConfig withOutput(Activation v) { return new TrainingConfig(layers, hidden, v, loss, scale, epochs, batchSize, learningRate, optimizer, seed, trainLimit, testLimit, threads); }
    public TrainingConfig withLoss(Loss v) { return new TrainingConfig(layers, hidden, output, v, scale, epochs, batchSize, learningRate, optimizer, seed, trainLimit, testLimit, threads); }
    public TrainingConfig withScale(Scale v) { return new TrainingConfig(layers, hidden, output, loss, v, epochs, batchSize, learningRate, optimizer, seed, trainLimit, testLimit, threads); }
    public TrainingConfig withEpochs(int v) { return new TrainingConfig(layers, hidden, output, loss, scale, v, batchSize, learningRate, optimizer, seed, trainLimit, testLimit, threads); }
    public TrainingConfig withBatchSize(int v) { return new TrainingConfig(layers, hidden, output, loss, scale, epochs, v, learningRate, optimizer, seed, trainLimit, testLimit, threads); }
    public TrainingConfig withLearningRate(double v) { return new TrainingConfig(layers, hidden, output, loss, scale, epochs, batchSize, v, optimizer, seed, trainLimit, testLimit, threads); }
    public TrainingConfig withOptimizer(OptimizerKind v) { return new TrainingConfig(layers, hidden, output, loss, scale, epochs, batchSize, learningRate, v, seed, trainLimit, testLimit, threads); }
    public TrainingConfig withSeed(long v) { return new TrainingConfig(layers, hidden, output, loss, scale, epochs, batchSize, learningRate, optimizer, v, trainLimit, testLimit, threads); }
    public TrainingConfig withTrainLimit(int v) { return new TrainingConfig(layers, hidden, output, loss, scale, epochs, batchSize, learningRate, optimizer, seed, v, testLimit, threads); }
    public TrainingConfig withTestLimit(int v) { return new TrainingConfig(layers, hidden, output, loss, scale, epochs, batchSize, learningRate, optimizer, seed, trainLimit, v, threads); }
    public TrainingConfig withThreads(int v) { return new TrainingConfig(layers, hidden, output, loss, scale, epochs, batchSize, learningRate, optimizer, seed, trainLimit, testLimit, v); }

    @Override public boolean equals(Object o) {
        return o instanceof TrainingConfig c && Arrays.equals(layers, c.layers) && hidden == c.hidden && output == c.output
                && loss == c.loss && scale == c.scale && epochs == c.epochs && batchSize == c.batchSize
                && Double.compare(learningRate, c.learningRate) == 0 && optimizer == c.optimizer && seed == c.seed
                && trainLimit == c.trainLimit && testLimit == c.testLimit && threads == c.threads;
    }

    @Override public int hashCode() {
        return Arrays.hashCode(layers) * 31 + java.util.Objects.hash(hidden, output, loss, scale, epochs, batchSize,
                learningRate, optimizer, seed, trainLimit, testLimit, threads);
    }

    @Override public String toString() { return describe(); }
}
