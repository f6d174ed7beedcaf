package aelab.app.model;

import aelab.engine.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.engine.Activation;
import aelab.engine.Loss;
import aelab.engine.Scale;
import aelab.engine.TrainingConfig;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompareFormTest {
    private final CompareForm form = new CompareForm();

    @Test
    void theDefaultIsTheThreePresets() {
        List<TrainingConfig> c = form.configs(TrainingConfig.defaults());
        assertEquals(List.of(Preset.THE_QUESTION.config(), Preset.THE_ANSWER.config(), Preset.MSE.config()), c);
        assertTrue(form.valid().get());
    }

    @Test
    void everyRunTakesTheOtherSettingsFromTheBase() {
        TrainingConfig base = TrainingConfig.defaults().with(Settings.EPOCHS, 9).with(Settings.SEED, 7L).with(Settings.TRAIN_LIMIT, 500);
        for (TrainingConfig c : form.configs(base)) {
            assertEquals(9, c.epochs());
            assertEquals(7, c.seed());
            assertEquals(500, c.trainLimit());
        }
    }

    @Test
    void aFourthRowAddsAFourthRun() {
        form.rows().get(3).onProperty().set(true);
        List<TrainingConfig> c = form.configs(TrainingConfig.defaults());
        assertEquals(4, c.size());
        assertEquals("linear + mse, [0,1]", c.get(3).label());
    }

    @Test
    void fewerThanTwoRunsCannotStart() {
        form.rows().get(1).onProperty().set(false);
        form.rows().get(2).onProperty().set(false);
        assertFalse(form.valid().get());
        assertEquals("Tick at least 2 runs to compare.", form.problem().get());
        form.rows().get(2).onProperty().set(true);
        assertTrue(form.valid().get());
    }

    @Test
    void twoIdenticalRunsAreRefusedWithTheirName() {
        CompareForm.Row r = form.rows().get(2);
        r.lossProperty().set(Loss.BCE);   // now the same as row 2, the answer
        assertEquals("Two ticked runs are the same (sigmoid + bce, [0,1]): change one.", form.problem().get());
        r.scaleProperty().set(Scale.RAW);
        assertTrue(form.valid().get());
    }

    @Test
    void theThreePresetsComeBackInOneCall() {
        form.rows().get(0).outputProperty().set(Activation.LINEAR);
        form.rows().get(3).onProperty().set(true);
        form.useThePresets();
        assertEquals(3, form.configs(TrainingConfig.defaults()).size());
        assertEquals(Activation.SOFTMAX, form.rows().get(0).outputProperty().get());
    }

    @Test
    void withoutValidSettingsThereIsNothingToStart() {
        assertTrue(form.configs(null).isEmpty());
    }
}
