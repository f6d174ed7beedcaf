package aelab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything that defines one experiment. Immutable; {@link #with} returns a changed copy. Each
 * component is described once in {@link Settings} (range, default, flag, file key, …), and readers of
 * files and options build a config with {@link #read} from those descriptions.
 * trainLimit/testLimit 0 mean "all images"; threads 0 means "all cores".
 */
public record TrainingConfig(int[] layers, Activation hidden, Activation output, Loss loss, Scale scale,
                             int epochs, int batchSize, double learningRate, OptimizerKind optimizer,
                             long seed, int trainLimit, int testLimit, int threads,
                             ModelKind kind, Noise noise, double l1, double beta) {

    /** Where {@link #read} takes each setting's value from: a file, the preferences, the command line. */
    @FunctionalInterface
    public interface Source<X extends Exception> {
        /** The value of s, of type {@code s.type()}. */
        Object value(Setting<?> s) throws X;
    }

    /** The default widths (read through {@link Settings#LAYERS}); its first is MNIST's image size. */
    private static final int[] DEFAULT_LAYERS = {784, 128, 64, 28, 64, 128, 784};

    /** The question's layers, 784-128-64-28-64-128-784: a copy each time, so no caller can change them. */
    public static int[] defaultLayers() { return DEFAULT_LAYERS.clone(); }

    public TrainingConfig {
        layers = layers.clone();
    }

    /** A plain autoencoder (the kind's parameters at their defaults). */
    public TrainingConfig(int[] layers, Activation hidden, Activation output, Loss loss, Scale scale, int epochs,
                          int batchSize, double learningRate, OptimizerKind optimizer, long seed, int trainLimit,
                          int testLimit, int threads) {
        this(layers, hidden, output, loss, scale, epochs, batchSize, learningRate, optimizer, seed, trainLimit,
                testLimit, threads, ModelKind.PLAIN, Noise.DEFAULT, Settings.L1.defaultValue(), Settings.BETA.defaultValue());
    }

    /** A config with every setting taken from the source; the one place that lists the components in order. */
    public static <X extends Exception> TrainingConfig read(Source<X> in) throws X {
        return new TrainingConfig(get(in, Settings.LAYERS), get(in, Settings.HIDDEN), get(in, Settings.OUTPUT),
                get(in, Settings.LOSS), get(in, Settings.SCALE), get(in, Settings.EPOCHS), get(in, Settings.BATCH_SIZE),
                get(in, Settings.LEARNING_RATE), get(in, Settings.OPTIMIZER), get(in, Settings.SEED),
                get(in, Settings.TRAIN_LIMIT), get(in, Settings.TEST_LIMIT), get(in, Settings.THREADS),
                get(in, Settings.KIND), get(in, Settings.NOISE), get(in, Settings.L1), get(in, Settings.BETA));
    }

    private static <T, X extends Exception> T get(Source<X> in, Setting<T> s) throws X {
        return s.type().cast(in.value(s));
    }

    /** The seed's model with the answer's fix: sigmoid output, BCE, pixels on [0,1], Adam, batch 100, 5 epochs. */
    public static TrainingConfig defaults() {
        return read(Setting::defaultValue);
    }

    /** This config with one setting changed. */
    public <T> TrainingConfig with(Setting<T> setting, T value) {
        return read(s -> s == setting ? value : s.get(this));
    }

    /**
     * This config as the given kind of autoencoder. A VAE's decoder gives each pixel a probability, so it
     * is sigmoid + BCE on [0,1] by definition: those come with it.
     */
    public TrainingConfig asKind(ModelKind k) {
        TrainingConfig c = with(Settings.KIND, k);
        return k != ModelKind.VAE ? c
                : c.with(Settings.OUTPUT, Activation.SIGMOID).with(Settings.LOSS, Loss.BCE).with(Settings.SCALE, Scale.UNIT);
    }

    /** The same experiment on a given number of threads (0 = all cores). */
    public TrainingConfig withThreads(int threads) { return with(Settings.THREADS, threads); }

    /** The value of one setting. */
    public <T> T get(Setting<T> setting) { return setting.get(this); }

    @Override public int[] layers() { return layers.clone(); }

    public int inputWidth() { return layers[0]; }

    public int depth() { return layers.length - 1; }

    /** Threads to use: the setting, or every available core when it is 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * What is wrong with these settings, each naming its setting; empty when they can be trained. Each
     * value is checked against its description, then the widths against the images.
     */
    public List<Setting.Problem> problems(int imageSize) {
        List<Setting.Problem> p = new ArrayList<>();
        if (layers.length < 2)
            p.add(new Setting.Problem(Settings.LAYERS, "give at least an input and an output width, e.g. 784,128,784"));
        for (Setting<?> s : Settings.ALL) s.problem(this).ifPresent(p::add);
        if (layers.length >= 2 && layers[0] != imageSize)
            p.add(new Setting.Problem(Settings.LAYERS, "the first width must be the image size, " + imageSize));
        if (layers.length >= 2 && layers[layers.length - 1] != imageSize)
            p.add(new Setting.Problem(Settings.LAYERS, "the last width must be the image size, " + imageSize));
        if (kind.needsCode() && layers.length < 3)
            p.add(new Setting.Problem(Settings.KIND, "a " + kind + " autoencoder needs a hidden layer as its code, e.g. layers 784,128,28,128,784"));
        if (kind == ModelKind.VAE && (output != Activation.SIGMOID || loss != Loss.BCE || scale != Scale.UNIT))
            p.add(new Setting.Problem(Settings.KIND, "a VAE's decoder gives each pixel a probability: use sigmoid output, BCE and pixels on [0,1]"));
        return p;
    }

    /** Plain-language warnings about settings that train, but not the way one would want. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (output == Activation.SOFTMAX)
            w.add("softmax makes the " + layers[layers.length - 1]
                    + " outputs sum to 1 — pixel intensities don't; use sigmoid");
        if (output == Activation.LINEAR && loss == Loss.BCE)
            w.add("linear outputs with BCE: outside [0,1] BCE has no meaning, clipped outputs get no gradient; use sigmoid, or MSE");
        if (scale == Scale.RAW && loss == Loss.BCE)
            w.add("targets outside [0,1]: BCE is unbounded below and the loss can go negative; scale pixels to [0,1]");
        else if (scale == Scale.RAW)
            w.add("pixels fed raw (0–255): inputs and targets are 255 times larger than usual; scale them to [0,1]");
        return w;
    }

    /** A short label for legends: "sigmoid + bce, [0,1]", "vae β 1, sigmoid + bce, [0,1]". */
    public String label() {
        return kindLabel() + output + " + " + loss + ", " + (scale == Scale.UNIT ? "[0,1]" : "raw 0–255");
    }

    /** "" for a plain run, else the kind and its parameters: "denoising gaussian:0.5, ". */
    public String kindLabel() {
        if (kind == ModelKind.PLAIN) return "";
        StringBuilder s = new StringBuilder(kind.toString());
        for (Setting<?> p : Settings.parametersOf(kind)) s.append(' ').append(p.text(this));
        return s.append(", ").toString();
    }

    /** The kind's parameters that a run of this kind reads (those of other kinds are kept, but unused). */
    public boolean uses(Setting<?> s) {
        return !(s == Settings.NOISE || s == Settings.L1 || s == Settings.BETA) || Settings.parametersOf(kind).contains(s);
    }

    public String describe() {
        return describe("batch " + batchSize);
    }

    /**
     * As {@link #describe()}, with the batch a run over trainCount images actually uses: a batch larger
     * than the training set is cut to it, and a header that showed the asked size would mislead.
     */
    public String describe(int trainCount) {
        return describe(batchNote(trainCount));
    }

    /** "batch 300 (asked 60000: only 300 training images)" when cut, else "batch 60". */
    public String batchNote(int trainCount) {
        int used = batchFor(trainCount);
        return "batch " + used + (used == batchSize ? "" : " (asked " + batchSize + ": only " + trainCount + " training images)");
    }

    private String describe(String batch) {
        return label() + ", " + optimizer + " lr " + learningRate + ", " + batch + ", " + epochs
                + " epochs, layers " + layerString() + ", seed " + seed;
    }

    /** How many of the available training images a run uses: trainLimit of them, 0 meaning all. */
    public int trainCount(int available) {
        return trainLimit == 0 ? available : Math.min(trainLimit, available);
    }

    /** The mini-batch a run over trainCount images uses: the asked size, but never more than there are images. */
    public int batchFor(int trainCount) {
        return Math.min(batchSize, trainCount);
    }

    public String layerString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < layers.length; i++) s.append(i == 0 ? "" : "-").append(layers[i]);
        return s.toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof TrainingConfig c && Arrays.equals(layers, c.layers) && hidden == c.hidden && output == c.output
                && loss == c.loss && scale == c.scale && epochs == c.epochs && batchSize == c.batchSize
                && Double.compare(learningRate, c.learningRate) == 0 && optimizer == c.optimizer && seed == c.seed
                && trainLimit == c.trainLimit && testLimit == c.testLimit && threads == c.threads
                && kind == c.kind && noise.equals(c.noise) && Double.compare(l1, c.l1) == 0 && Double.compare(beta, c.beta) == 0;
    }

    @Override public int hashCode() {
        return Arrays.hashCode(layers) * 31 + java.util.Objects.hash(hidden, output, loss, scale, epochs, batchSize,
                learningRate, optimizer, seed, trainLimit, testLimit, threads, kind, noise, l1, beta);
    }

    @Override public String toString() { return describe(); }
}
