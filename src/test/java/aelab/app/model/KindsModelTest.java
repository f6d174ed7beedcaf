package aelab.app.model;

import aelab.engine.Activation;
import aelab.engine.EpochMetrics;
import aelab.engine.KindFigures;
import aelab.engine.Loss;
import aelab.engine.ModelKind;
import aelab.engine.Noise;
import aelab.engine.RunInfo;
import aelab.engine.Scale;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The kinds of autoencoder in the window's models: the form, presets, side by side, status and diagnoses. */
class KindsModelTest {
    private final RunHistory history = new RunHistory();

    private Run started(TrainingConfig c) {
        Run run = history.add(c);
        run.started(new RunInfo(c, 1000, 100, 10, 0.057, c.warnings(), "naive", 2));
        return run;
    }

    static final double NaN = Double.NaN;

    @Test
    void choosingVaeSetsSigmoidBceOnTheUnitScaleAndTheKindSurvivesALoad() {
        SettingsForm form = new SettingsForm(784, 0, 0, Preset.THE_QUESTION.config());
        int[] changes = {0};
        form.setOnChoiceChanged(() -> changes[0]++);
        form.kindProperty().set(ModelKind.VAE);
        assertEquals(1, changes[0], "one change, not four");
        TrainingConfig c = form.config();
        assertNotNull(c, form.otherError().get());
        assertEquals(ModelKind.VAE, c.kind());
        assertEquals(List.of(Activation.SIGMOID, Loss.BCE, Scale.UNIT), List.of(c.output(), c.loss(), c.scale()));
        form.text(SettingsForm.Field.BETA).set("0.25");
        assertEquals(0.25, form.config().beta());
        form.text(SettingsForm.Field.NOISE).set("salt:1");
        assertNull(form.config(), "a noise that does not parse holds the start back");
        assertTrue(form.error(SettingsForm.Field.NOISE).get().contains("gaussian:σ or masking:q"), form.error(SettingsForm.Field.NOISE).get());
        form.load(TrainingConfig.defaults().with(Settings.KIND, ModelKind.DENOISING).with(Settings.NOISE, new Noise(Noise.Type.MASKING, 0.3)));
        assertEquals(ModelKind.DENOISING, form.config().kind(), "a reopened run's kind is kept");
        assertEquals("masking:0.3", form.text(SettingsForm.Field.NOISE).get());
    }

    @Test
    void theKindPresetsAreTheAnswersModelAsEachKind() {
        for (Preset p : List.of(Preset.DENOISING, Preset.SPARSE, Preset.VAE)) {
            TrainingConfig c = p.config();
            assertTrue(p.isKind());
            assertEquals(Preset.THE_ANSWER.config().with(Settings.KIND, c.kind()), c);
            assertEquals(List.of(), c.problems(784));
        }
        assertFalse(Preset.THE_ANSWER.isKind());
    }

    @Test
    void sideBySideMixesTheFourKinds() {
        CompareForm form = new CompareForm();
        form.useTheKinds();
        List<TrainingConfig> runs = form.configs(TrainingConfig.defaults());
        assertEquals(List.of(ModelKind.PLAIN, ModelKind.DENOISING, ModelKind.SPARSE, ModelKind.VAE),
                runs.stream().map(TrainingConfig::kind).toList());
        assertEquals("", form.problem().get());
        form.useThePresets();
        assertEquals(3, form.configs(TrainingConfig.defaults()).size());
        assertTrue(form.configs(TrainingConfig.defaults()).stream().allMatch(c -> c.kind() == ModelKind.PLAIN));
        form.rows().get(0).kindProperty().set(ModelKind.VAE);   // the question's softmax row becomes a VAE
        assertEquals(Activation.SIGMOID, form.configs(TrainingConfig.defaults()).get(0).output());
    }

    @Test
    void theStatusGivesAVaesKlAndElboAndTheOtherKindsFigures() {
        Run vae = started(Preset.VAE.config());
        vae.addEpoch(new EpochMetrics(1, 150, 140, 0.2, 0.05, 100, 1, new KindFigures(NaN, NaN, NaN, NaN, 120.5, 19.25)));
        assertTrue(RunStatus.of(vae).testLosses().endsWith("KL 19.25 · ELBO -139.8 nats/image"), RunStatus.of(vae).testLosses());
        Run denoising = started(Preset.DENOISING.config());
        denoising.addEpoch(new EpochMetrics(1, 0.1, 0.1, 0.1, 0.01, 100, 1, new KindFigures(0.125, 0.02, NaN, NaN, NaN, NaN)));
        assertTrue(RunStatus.of(denoising).testLosses().contains("noisy inputs: BCE 0.125"), RunStatus.of(denoising).testLosses());
        Run sparse = started(Preset.SPARSE.config());
        sparse.addEpoch(new EpochMetrics(1, 0.1, 0.1, 0.1, 0.01, 100, 1, new KindFigures(NaN, NaN, 12.5, 0.5, NaN, NaN)));
        assertTrue(RunStatus.of(sparse).testLosses().endsWith("code Σ|c| 12.50 · 50 % of code values ≈ 0"), RunStatus.of(sparse).testLosses());
        Run plain = started(Preset.THE_ANSWER.config());
        plain.addEpoch(new EpochMetrics(1, 0.1, 0.1, 0.1, 0.01, 100, 1));
        assertTrue(RunStatus.of(plain).testLosses().endsWith("Σ outputs 100.0"), RunStatus.of(plain).testLosses());
    }

    @Test
    void eachKindHasItsOwnRowsInTheDigitPanel() {
        DigitRows r = DigitRows.of(List.of(ModelKind.PLAIN, ModelKind.DENOISING, ModelKind.SPARSE, ModelKind.VAE), false, 2);
        assertEquals(List.of(DigitRows.Kind.ORIGINAL, DigitRows.Kind.OUTPUT, DigitRows.Kind.NOISY, DigitRows.Kind.OUTPUT,
                DigitRows.Kind.OUTPUT, DigitRows.Kind.CODE, DigitRows.Kind.OUTPUT, DigitRows.Kind.SAMPLES),
                r.rows().stream().map(DigitRows.Row::kind).toList());
        assertEquals(List.of(-1, 0, 1, 1, 2, 2, 3, 3), r.rows().stream().map(DigitRows.Row::run).toList());
        assertEquals(1, r.bands(), "eight rows: one band, so they stay large");
        assertEquals(DigitRows.of(1, true, 2), DigitRows.of(List.of(ModelKind.PLAIN), true, 2));
    }

    @Test
    void aCodePictureIsOneBlockPerUnitBrightWhereTheCodeIsLarge() {
        float[] codes = {0, 2, 0, 0, /* digit 1: */ 0, 0, 0, 4};   // k = 4, two digits
        float[] out = new float[28 * 28];
        CodePicture.draw(codes, 0, 4, 28, 28, out);
        assertEquals(0.5f, out[3 * 28 + 17], 0f, "unit 1 (top right block) at half the largest code");
        assertEquals(0f, out[3 * 28 + 3], 0f, "unit 0 dark");
        assertEquals(0f, out[20 * 28 + 20], 0f, "unit 3 of digit 0 dark");
        CodePicture.draw(codes, 1, 4, 28, 28, out);
        assertEquals(1f, out[20 * 28 + 20], 0f, "unit 3 of digit 1 the brightest");
    }

    @Test
    void aCollapsedKlAndNoiseThatBuriesTheDigitsAreDiagnosed() {
        Run vae = started(Preset.VAE.config());
        vae.addEpoch(new EpochMetrics(1, 150, 140, 0.26, 0.06, 100, 1, new KindFigures(NaN, NaN, NaN, NaN, 206, 0.03)));
        assertTrue(Diagnostics.of(vae).stream().anyMatch(d -> d.warning() && d.text().contains("posterior collapse")));
        Run healthy = started(Preset.VAE.config());
        healthy.addEpoch(new EpochMetrics(1, 150, 140, 0.2, 0.05, 100, 1, new KindFigures(NaN, NaN, NaN, NaN, 120, 19)));
        assertTrue(Diagnostics.of(healthy).stream().noneMatch(d -> d.text().contains("collapse")));
        TrainingConfig loud = Preset.DENOISING.config().with(Settings.NOISE, new Noise(Noise.Type.GAUSSIAN, 1.5));
        assertTrue(Diagnostics.ofSettings(loud).stream().anyMatch(d -> d.text().startsWith("Noise gaussian:1.5 buries the digits")));
        assertEquals(List.of(), Diagnostics.ofSettings(Preset.DENOISING.config()), "σ = 0.5 is a fine setting");
        assertEquals(List.of(), Diagnostics.ofSettings(Preset.DENOISING.config().with(Settings.NOISE, new Noise(Noise.Type.MASKING, 0.5))));
        assertFalse(Diagnostics.ofSettings(Preset.DENOISING.config().with(Settings.NOISE, new Noise(Noise.Type.MASKING, 0.85))).isEmpty());
    }
}
