package aelab.cli;

import aelab.engine.Activation;
import aelab.engine.Loss;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;

import java.util.Set;

/** The experiment options shared by train and compare, turned into a {@link TrainingConfig}. */
final class ConfigOptions {
    static final Set<String> NAMES = Set.of("output", "loss", "scale", "epochs", "batch", "lr", "optimizer",
            "layers", "seed", "train-limit", "test-limit", "threads", "hidden");

    static final String USAGE = """
              --output softmax|sigmoid|linear   output activation (default sigmoid)
              --loss bce|mse|mae                trained loss (default bce)
              --scale unit|raw                  pixels /255 into [0,1], or raw 0-255 (default unit)
              --epochs N                        epochs (default 5)
              --batch N                         mini-batch size (default 100)
              --lr X                            learning rate (default: the optimizer's, adam 0.001)
              --optimizer adam|sgd|rmsprop      (default adam)
              --layers 784,128,64,28,64,128,784 layer widths, first and last = image size
              --hidden relu|sigmoid|tanh|linear hidden activation (default relu)
              --seed N                          fixes weights and shuffling (default 42)
              --train-limit N                   train on the first N images only (default all)
              --test-limit N                    evaluate on the first N test images (default all)
              --threads N                       worker threads (default: all cores)
            """;

    private ConfigOptions() { }

    static TrainingConfig parse(Options o) throws UsageException {
        TrainingConfig d = TrainingConfig.defaults();
        OptimizerKind opt = o.choice("optimizer", d.optimizer(), OptimizerKind::parse);
        Activation output = o.choice("output", d.output(), Activation::parse);
        if (!output.allowedOutput()) throw new UsageException("--output must be softmax, sigmoid or linear, not " + output);
        Activation hidden = o.choice("hidden", d.hidden(), Activation::parse);
        if (!hidden.allowedHidden()) throw new UsageException("--hidden cannot be " + hidden);
        int[] layers;
        try {
            layers = o.has("layers") ? Settings.LAYERS.parse(o.string("layers", "")) : d.layers();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--layers: " + e.getMessage());
        }
        return new TrainingConfig(layers, hidden, output,
                o.choice("loss", d.loss(), Loss::parse),
                o.choice("scale", d.scale(), Scale::parse),
                o.integer("epochs", d.epochs(), 1, 10_000),
                o.integer("batch", d.batchSize(), 1, 60_000),
                o.decimal("lr", opt.defaultLearningRate()),
                opt,
                o.longValue("seed", d.seed()),
                o.integer("train-limit", 0, 0, Integer.MAX_VALUE),
                o.integer("test-limit", 0, 0, Integer.MAX_VALUE),
                o.integer("threads", 0, 0, 256));
    }
}
