package aelab.app.model;

import aelab.engine.Settings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.engine.Activation;
import aelab.engine.Loss;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.TrainingConfig;
import org.junit.jupiter.api.Test;

class PresetTest {
    @Test
    void theQuestionIsTheSeedsModelSoftmaxAndBceOnRawPixels() {
        TrainingConfig q = Preset.THE_QUESTION.config();
        assertEquals(Activation.SOFTMAX, q.output());
        assertEquals(Loss.BCE, q.loss());
        assertEquals(Scale.RAW, q.scale());
        assertArrayEquals(new int[] {784, 128, 64, 28, 64, 128, 784}, q.layers());
        assertEquals(OptimizerKind.ADAM, q.optimizer());
        assertEquals(100, q.batchSize());
        assertEquals(5, q.epochs());
    }

    @Test
    void theAnswerIsTheDefaultExperiment() {
        assertEquals(TrainingConfig.defaults(), Preset.THE_ANSWER.config());
    }

    @Test
    void mseDiffersFromTheAnswerOnlyInTheLoss() {
        assertEquals(Preset.THE_ANSWER.config().with(Settings.LOSS, Loss.MSE), Preset.MSE.config());
    }

    @Test
    void matchingIgnoresImageLimitsButNotSettings() {
        TrainingConfig limited = Preset.MSE.config().with(Settings.TRAIN_LIMIT, 500).with(Settings.TEST_LIMIT, 100);
        assertTrue(Preset.MSE.matches(limited));
        assertFalse(Preset.MSE.matches(limited.with(Settings.EPOCHS, 6)));
        assertFalse(Preset.THE_ANSWER.matches(limited));
    }
}
