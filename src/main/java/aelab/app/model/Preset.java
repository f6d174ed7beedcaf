package aelab.app.model;

import aelab.engine.Activation;
import aelab.engine.Loss;
import aelab.engine.ModelKind;
import aelab.engine.Scale;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;

/**
 * Ready-made experiments. Each is the default experiment with its output activation, loss and input
 * scale changed, or its kind of autoencoder, so two presets differ only in what the comparison is about.
 */
public enum Preset {
    THE_QUESTION("The question", Activation.SOFTMAX, Loss.BCE, Scale.RAW,
            "The seed's exact model: softmax output, BCE loss, raw 0–255 pixels. Its reconstructions fade to black."),
    THE_ANSWER("The answer", Activation.SIGMOID, Loss.BCE, Scale.UNIT,
            "The fix: sigmoid output, BCE loss, pixels scaled to [0,1]. BCE falls towards its floor, never to 0."),
    MSE("MSE", Activation.SIGMOID, Loss.MSE, Scale.UNIT,
            "The alternative: sigmoid output, mean squared error, pixels scaled to [0,1]. MSE can reach 0."),
    DENOISING("Denoising", ModelKind.DENOISING,
            "The answer's model trained on inputs with gaussian noise (σ = 0.5) against the clean digits: it learns to clean them."),
    SPARSE("Sparse", ModelKind.SPARSE,
            "The answer's model with an L1 penalty on its 28-number code (λ = 0.0001): fewer code units active at once."),
    VAE("VAE", ModelKind.VAE,
            "A variational autoencoder: the code is a distribution pulled towards N(0, I), so new digits can be sampled from it.");

    private final String title;
    private final Activation output;
    private final Loss loss;
    private final Scale scale;
    private final ModelKind kind;
    private final String description;

    Preset(String title, Activation output, Loss loss, Scale scale, String description) {
        this(title, output, loss, scale, ModelKind.PLAIN, description);
    }

    /** The answer's model as another kind of autoencoder, its parameter at the default. */
    Preset(String title, ModelKind kind, String description) {
        this(title, Activation.SIGMOID, Loss.BCE, Scale.UNIT, kind, description);
    }

    Preset(String title, Activation output, Loss loss, Scale scale, ModelKind kind, String description) {
        this.title = title;
        this.output = output;
        this.loss = loss;
        this.scale = scale;
        this.kind = kind;
        this.description = description;
    }

    public TrainingConfig config() {
        return TrainingConfig.defaults().with(Settings.OUTPUT, output).with(Settings.LOSS, loss).with(Settings.SCALE, scale)
                .with(Settings.KIND, kind);
    }

    /** Whether it is one of the kinds beyond the plain autoencoder (shown on a row of their own). */
    public boolean isKind() { return kind != ModelKind.PLAIN; }

    /** Whether a configuration is this preset, ignoring the image limits (which the window sets itself). */
    public boolean matches(TrainingConfig c) {
        return c != null && config().with(Settings.TRAIN_LIMIT, c.trainLimit()).with(Settings.TEST_LIMIT, c.testLimit())
                .withThreads(c.threads()).equals(c);
    }

    public String title() { return title; }

    public String description() { return description; }

    @Override public String toString() { return title; }
}
