package aelab.io;

import aelab.engine.Activation;
import aelab.engine.Autoencoder;
import aelab.engine.BatchPoint;
import aelab.engine.Checkpoint;
import aelab.engine.EpochMetrics;
import aelab.engine.Loss;
import aelab.engine.Optimizer;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.TrainingConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-made runs on a 4-3-4 model, small enough that a test can damage every byte of their file. */
final class TinyRuns {
    static final Instant CREATED = Instant.parse("2025-03-01T10:15:30.123456Z");

    private TinyRuns() { }

    /** Settings where no two numbers are alike, so a field read into the wrong place shows. */
    static TrainingConfig config(OptimizerKind kind) {
        return new TrainingConfig(new int[]{4, 3, 4}, Activation.TANH, Activation.SIGMOID, Loss.BCE, Scale.UNIT,
                3, 2, kind.defaultLearningRate() * 1.5, kind, -5_000_000_000L, 6, 4, 1);
    }

    /** Epoch 1 done, one batch of epoch 2 done: 4 steps of 3 batches an epoch. */
    static SavedRun run(OptimizerKind kind) {
        TrainingConfig c = config(kind);
        Autoencoder m = Autoencoder.of(c);
        Optimizer o = kind.create(m.paramSizes(), c.learningRate());
        float[][] s = o.state();
        for (int k = 0; k < s.length; k++) for (int i = 0; i < s[k].length; i++) s[k][i] = k + i / 7f;
        o.setSteps(4);
        List<BatchPoint> batches = new ArrayList<>();
        for (int step = 1; step <= 4; step++)
            batches.add(new BatchPoint((step - 1) / 3 + 1, (step - 1) % 3 + 1, step, 0.7 - step / 300.0,
                    0.69 - step / 301.0, 0.05 + step / 1e9, step * 1_000_003L));
        List<EpochMetrics> epochs = List.of(new EpochMetrics(1, 0.69, 0.68, 0.67, 0.05, 2.25, 0.125));
        return new SavedRun(c, new Checkpoint(m, o, 1, 1, 0.6931471805599453, 4), 0.0795, batches, epochs,
                "tanh → " + kind + " \"run\"");
    }

    static Experiment experiment(OptimizerKind... kinds) {
        List<SavedRun> runs = new ArrayList<>();
        for (OptimizerKind k : kinds) runs.add(run(k));
        return new Experiment("MNIST (bundled)", CREATED, runs);
    }

    /** Every field equal, floats bit for bit. */
    static void assertSame(Experiment want, Experiment got) {
        assertEquals(want.datasetName(), got.datasetName());
        assertEquals(want.created(), got.created());
        assertEquals(want.runs().size(), got.runs().size());
        for (int i = 0; i < want.runs().size(); i++) assertSame(want.runs().get(i), got.runs().get(i));
    }

    static void assertSame(SavedRun want, SavedRun got) {
        assertEquals(want.config(), got.config());
        assertEquals(want.label(), got.label());
        assertEquals(Double.doubleToRawLongBits(want.bceFloor()), Double.doubleToRawLongBits(got.bceFloor()));
        Checkpoint a = want.checkpoint(), b = got.checkpoint();
        assertEquals(a.epochsDone(), b.epochsDone());
        assertEquals(a.batchesDone(), b.batchesDone());
        assertEquals(a.partialLossSum(), b.partialLossSum(), 0.0);
        assertEquals(a.steps(), b.steps());
        assertArrayEquals(a.model().params(), b.model().params());
        assertEquals(a.optimizer().getClass(), b.optimizer().getClass());
        assertArrayEquals(a.optimizer().state(), b.optimizer().state());
        assertEquals(a.optimizer().steps(), b.optimizer().steps());
        assertEquals(want.batches(), got.batches());
        assertEquals(want.epochs(), got.epochs());
    }
}
