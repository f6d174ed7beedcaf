package aelab.engine;

import java.util.List;

/**
 * Every setting of an experiment, described once ({@link Setting}), in the order the usage text and
 * the files list them. To add a setting: one entry here, its component in {@link TrainingConfig}, and
 * its meaning in the engine; every reader (file, preferences, command line, form, Python export)
 * picks it up from {@link #ALL}.
 */
public final class Settings {
    private Settings() { }

    public static final Setting<Activation> OUTPUT = Setting.of(Setting.Kind.CHOICE, Activation.class,
                    "output activation", "output", "output")
            .value(TrainingConfig::output, Activation.SIGMOID)
            .allowed(Activation::allowedOutput, "use softmax, sigmoid or linear")
            .tooltip("Activation of the last layer").build();

    public static final Setting<Loss> LOSS = Setting.of(Setting.Kind.CHOICE, Loss.class, "loss", "loss", "loss")
            .value(TrainingConfig::loss, Loss.BCE)
            .tooltip("The trained loss").build();

    public static final Setting<Scale> SCALE = Setting.of(Setting.Kind.CHOICE, Scale.class, "scale", "scale", "scale")
            .value(TrainingConfig::scale, Scale.UNIT)
            .tooltip("Pixels /255 into [0,1], or raw 0-255, as inputs and targets").build();

    public static final Setting<OptimizerKind> OPTIMIZER = Setting.of(Setting.Kind.CHOICE, OptimizerKind.class,
                    "optimizer", "optimizer", "optimizer")
            .value(TrainingConfig::optimizer, OptimizerKind.ADAM)
            .tooltip("How gradients turn into weight changes: Adam (Kingma & Ba 2015), SGD with momentum, or RMSprop")
            .phrase("%s").build();

    /** Its default is the default optimizer's; where the rate is not given, the chosen optimizer's. */
    public static final Setting<Double> LEARNING_RATE = Setting.of(Setting.Kind.DECIMAL, Double.class,
                    "learning rate", "learningRate", "lr")
            .value(TrainingConfig::learningRate, OPTIMIZER.defaultValue().defaultLearningRate())
            .above(0, 10)
            .tooltip("Step size of the optimizer (Adam's usual value is 0.001)")
            .phrase("lr %s").build();

    public static final Setting<Integer> BATCH_SIZE = Setting.of(Setting.Kind.WHOLE, Integer.class,
                    "batch size", "batchSize", "batch")
            .value(TrainingConfig::batchSize, 100).range(1, 60_000).unit("images")
            .tooltip("Images per mini-batch: one optimizer step each")
            .phrase("batch %s").build();

    public static final Setting<Integer> EPOCHS = Setting.of(Setting.Kind.WHOLE, Integer.class, "epochs", "epochs", "epochs")
            .value(TrainingConfig::epochs, 5).range(1, 10_000)
            .tooltip("Passes over the training images")
            .phrase("%s epochs").build();

    public static final Setting<int[]> LAYERS = Setting.of(Setting.Kind.WIDTHS, int[].class, "layers", "layers", "layers")
            .value(TrainingConfig::layers, TrainingConfig.defaultLayers()).range(1, 100_000)
            .paramLabel("W,W,...").unit("units")
            .tooltip("Widths from input to output; the first and last must be the image size (784 for MNIST), one per pixel")
            .phrase("layers %s").build();

    public static final Setting<Activation> HIDDEN = Setting.of(Setting.Kind.CHOICE, Activation.class,
                    "hidden activation", "hidden", "hidden")
            .value(TrainingConfig::hidden, Activation.RELU)
            .allowed(Activation::allowedHidden, "{value} cannot be used between layers")
            .tooltip("Activation between layers")
            .phrase("%s hidden").build();

    public static final Setting<Long> SEED = Setting.of(Setting.Kind.LONG, Long.class, "seed", "seed", "seed")
            .value(TrainingConfig::seed, 42L)
            .tooltip("Starts the random weights and the shuffling: the same seed gives the same run")
            .phrase("seed %s").build();

    public static final Setting<Integer> TRAIN_LIMIT = Setting.of(Setting.Kind.WHOLE, Integer.class,
                    "train limit", "trainLimit", "train-limit")
            .value(TrainingConfig::trainLimit, 0).range(0, Integer.MAX_VALUE).zeroMeans("all images").unit("images")
            .tooltip("Train on the first N images only").notRemembered().build();

    public static final Setting<Integer> TEST_LIMIT = Setting.of(Setting.Kind.WHOLE, Integer.class,
                    "test limit", "testLimit", "test-limit")
            .value(TrainingConfig::testLimit, 0).range(0, Integer.MAX_VALUE).zeroMeans("all images").unit("images")
            .tooltip("Evaluate on the first N test images only").notRemembered().build();

    public static final Setting<Integer> THREADS = Setting.of(Setting.Kind.WHOLE, Integer.class, "threads", "threads", "threads")
            .value(TrainingConfig::threads, 0).range(0, 256).zeroMeans("all cores")
            .tooltip("Worker threads").notRemembered().build();

    public static final Setting<ModelKind> KIND = Setting.of(Setting.Kind.CHOICE, ModelKind.class, "kind", "kind", "kind")
            .value(TrainingConfig::kind, ModelKind.PLAIN)
            .tooltip("The kind of autoencoder: plain, denoising (learns to clean noisy inputs), sparse (an L1 penalty"
                    + " on the code) or vae (variational: the code is a distribution)")
            .optionalInFiles().build();   // no phrase: a run's label names its kind (TrainingConfig.kindLabel)

    public static final Setting<Noise> NOISE = Setting.of(Setting.Kind.TEXT, Noise.class, "noise", "noise", "noise")
            .value(TrainingConfig::noise, Noise.DEFAULT).parser(Noise::parse)
            .paramLabel("gaussian:σ|masking:q")
            .tooltip("How a denoising run corrupts its inputs at every step: gaussian:σ adds σ·N(0,1) and clips to"
                    + " [0,1]; masking:q sets each pixel to 0 with probability q")
            .optionalInFiles().build();

    public static final Setting<Double> L1 = Setting.of(Setting.Kind.DECIMAL, Double.class, "L1 penalty", "l1", "l1")
            .value(TrainingConfig::l1, 1e-4).range(0, 10)
            .tooltip("A sparse run's λ: the loss gains λ · (mean over the batch of Σ|code|), an L1 activity penalty on the code")
            .optionalInFiles().build();

    public static final Setting<Double> BETA = Setting.of(Setting.Kind.DECIMAL, Double.class, "beta", "beta", "beta")
            .value(TrainingConfig::beta, 1.0).range(0, 100)
            .tooltip("A VAE's weight on the KL term: loss per image = Σ BCE + β·KL (β = 1 is the ELBO)")
            .optionalInFiles().build();

    /** Every setting, in the order of the usage text. */
    public static final List<Setting<?>> ALL = List.of(OUTPUT, LOSS, SCALE, OPTIMIZER, LEARNING_RATE, BATCH_SIZE,
            EPOCHS, LAYERS, HIDDEN, SEED, TRAIN_LIMIT, TEST_LIMIT, THREADS, KIND, NOISE, L1, BETA);

    /** The settings a kind reads beyond the plain ones (the noise of a denoising run, …). */
    public static List<Setting<?>> parametersOf(ModelKind kind) {
        return switch (kind) {
            case PLAIN -> List.of();
            case DENOISING -> List.of(NOISE);
            case SPARSE -> List.of(L1);
            case VAE -> List.of(BETA);
        };
    }
}
