package aelab.engine;

/**
 * A trainable config in which every setting differs from its default: a reader that round-trips it
 * carries every setting. SettingsTest fails for a new setting until it is changed here too.
 */
public final class UnusualConfig {
    private UnusualConfig() { }

    public static TrainingConfig get() {
        return new TrainingConfig(new int[]{784, 50, 784}, Activation.TANH, Activation.LINEAR, Loss.MAE, Scale.RAW,
                17, 64, 0.0025, OptimizerKind.RMSPROP, -99, 1234, 321, 3, ModelKind.SPARSE,
                new Noise(Noise.Type.MASKING, 0.3), 0.002, 2.5);
    }
}
