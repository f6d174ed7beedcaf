package aelab.engine;

import aelab.data.Dataset;
import aelab.data.DatasetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class EvaluatorTest {
    static Dataset mnist;

    @BeforeAll
    static void load() throws DatasetException {
        mnist = Dataset.loadBundledMnist();
    }

    @Test
    void evaluatingTheTrainedModelRepeatsTheLastEpochsFiguresExactly() {
        TrainingConfig c = TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 500).with(Settings.TEST_LIMIT, 200).with(Settings.EPOCHS, 1)
                .with(Settings.BATCH_SIZE, 50).withThreads(2);
        TrainerTest.Recorder r = new TrainerTest.Recorder();
        Trainer t = new Trainer(c, mnist, r);
        t.run();
        EpochMetrics last = r.epochs.get(0);
        Evaluation e = Evaluator.evaluate(t.model(), c, mnist);
        assertEquals(200, e.count());
        assertEquals(last.testLoss(), e.loss(), 0.0);
        assertEquals(last.testBce(), e.bce(), 0.0);
        assertEquals(last.testMse(), e.mse(), 0.0);
        assertEquals(last.outputSum(), e.outputSum(), 0.0);
    }

    @Test
    void aModelForAnotherImageSizeIsRefused() {
        TrainingConfig c = TrainingConfig.defaults().with(Settings.LAYERS, new int[]{16, 4, 16}).with(Settings.TEST_LIMIT, 10);
        var e = assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(Autoencoder.of(c), c, mnist));
        assertTrue(e.getMessage().contains("reads 16 pixels"), e.getMessage());
    }
}
