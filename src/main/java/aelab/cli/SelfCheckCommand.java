package aelab.cli;

import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.engine.EpochMetrics;
import aelab.engine.RunOutcome;
import aelab.engine.Settings;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;
import aelab.engine.TrainingListener;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code selfcheck}: proves an installation works without a display — the bundled MNIST loads, the
 * kernels are found, a short run trains and its loss falls. Exit 0 when all of that holds.
 */
final class SelfCheckCommand {
    private final PrintStream out;

    SelfCheckCommand(PrintStream out) { this.out = out; }

    int run(Options options) throws UsageException, DatasetException, Cli.CommandFailed {
        long t0 = System.nanoTime();
        Dataset data = Dataset.loadBundledMnist();
        out.printf(Locale.ROOT, "java %s, %s: %d training and %d test images (%.2f s)%n",
                System.getProperty("java.version"), data.name(), data.train().count(), data.test().count(),
                (System.nanoTime() - t0) / 1e9);
        TrainingConfig c = TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 2000).with(Settings.TEST_LIMIT, 500).with(Settings.EPOCHS, 2);
        EpochMetrics[] last = new EpochMetrics[2];
        String[] kernel = new String[1];
        RunOutcome o = new Trainer(c, data, new TrainingListener() {
            @Override public void started(aelab.engine.RunInfo info) { kernel[0] = info.kernel(); }
            @Override public void epoch(EpochMetrics m) { last[m.epoch() - 1] = m; }
        }).run();
        if (o.status() != RunOutcome.Status.FINISHED) throw new Cli.CommandFailed("selfcheck: " + o.message());
        if (!(last[1].testBce() < last[0].testBce()))
            throw new Cli.CommandFailed("selfcheck: the test BCE did not fall (" + last[0].testBce() + " → " + last[1].testBce() + ")");
        out.printf(Locale.ROOT, "kernel %s; 2 epochs on 2,000 images: test BCE %.4f → %.4f%n", kernel[0],
                last[0].testBce(), last[1].testBce());
        out.println("selfcheck: ok");
        return 0;
    }
}
