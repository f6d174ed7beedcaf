package aelab.app.model;

import aelab.engine.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.SettingsForm.Field;
import aelab.engine.Activation;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.TrainingConfig;
import org.junit.jupiter.api.Test;

class SettingsFormTest {
    private final SettingsForm form = new SettingsForm(784, 500, 200, TrainingConfig.defaults());

    @Test
    void theDefaultExperimentIsValidAndCarriesTheLimits() {
        TrainingConfig c = form.config();
        assertNotNull(c);
        assertEquals(TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 500).with(Settings.TEST_LIMIT, 200), c);
        assertTrue(form.valid().get());
        for (Field f : Field.values()) assertEquals("", form.error(f).get(), f.label());
    }

    @Test
    void textThatIsNotANumberIsMarkedOnItsFieldWithTheReason() {
        form.text(Field.EPOCHS).set("five");
        assertEquals("'five' is not a whole number", form.error(Field.EPOCHS).get());
        assertNull(form.config());
        assertFalse(form.valid().get());
        assertEquals("", form.error(Field.BATCH_SIZE).get(), "other fields stay clean");
    }

    @Test
    void aNumberOutOfRangeGetsTheEnginesOwnReason() {
        form.text(Field.LEARNING_RATE).set("0");
        assertEquals("must be greater than 0 and at most 10", form.error(Field.LEARNING_RATE).get());
        form.text(Field.BATCH_SIZE).set("0");
        assertEquals("must be between 1 and 60000", form.error(Field.BATCH_SIZE).get());
    }

    @Test
    void layersMustStartAndEndWithTheImageSize() {
        form.text(Field.LAYERS).set("784,64,10");
        assertEquals("the last width must be the image size, 784", form.error(Field.LAYERS).get());
        form.text(Field.LAYERS).set("784,x,784");
        assertTrue(form.error(Field.LAYERS).get().startsWith("'x' is not a whole number"));
    }

    @Test
    void fixingTheValueClearsTheMarkAndTheConfigComesBack() {
        form.text(Field.SEED).set("");
        assertEquals("type a whole number", form.error(Field.SEED).get());
        form.text(Field.SEED).set("7");
        assertEquals("", form.error(Field.SEED).get());
        assertEquals(7, form.config().seed());
    }

    @Test
    void layersAcceptCommasDashesOrSpaces() {
        form.text(Field.LAYERS).set("784-32 784");
        assertEquals("784-32-784", form.config().layerString());
    }

    @Test
    void choosingAnotherOptimizerMovesAnUntouchedLearningRateToItsDefault() {
        form.optimizerProperty().set(OptimizerKind.SGD);
        assertEquals("0.01", form.text(Field.LEARNING_RATE).get());
        assertEquals(OptimizerKind.SGD, form.config().optimizer());
    }

    @Test
    void aLearningRateTheUserTypedStaysWhenTheOptimizerChanges() {
        form.text(Field.LEARNING_RATE).set("0.005");
        form.optimizerProperty().set(OptimizerKind.RMSPROP);
        assertEquals("0.005", form.text(Field.LEARNING_RATE).get());
        assertEquals(0.005, form.config().learningRate());
    }

    @Test
    void loadingAPresetSetsEveryFieldButKeepsTheLimits() {
        form.text(Field.EPOCHS).set("9");
        form.load(Preset.THE_QUESTION.config());
        assertEquals("5", form.text(Field.EPOCHS).get());
        assertEquals(Activation.SOFTMAX, form.outputProperty().get());
        assertEquals(Scale.RAW, form.config().scale());
        assertEquals(500, form.config().trainLimit());
        assertTrue(Preset.THE_QUESTION.matches(form.config()));
    }

    @Test
    void aChoiceIsReportedAfterTheConfigFollowedIt() {
        TrainingConfig[] seen = {null};
        form.setOnChoiceChanged(() -> seen[0] = form.config());
        form.outputProperty().set(Activation.LINEAR);
        assertEquals(Activation.LINEAR, seen[0].output());
    }

    @Test
    void loadingAWholeExperimentReportsNoSingleChoices() {
        int[] calls = {0};
        form.setOnChoiceChanged(() -> calls[0]++);
        form.load(Preset.THE_QUESTION.config());
        assertEquals(0, calls[0]);
    }
}
