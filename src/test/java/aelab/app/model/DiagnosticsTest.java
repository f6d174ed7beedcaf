package aelab.app.model;

import aelab.engine.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.Diagnostics.Diagnosis;
import aelab.engine.Activation;
import aelab.engine.BatchPoint;
import aelab.engine.Loss;
import aelab.engine.EpochInsights;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.Scale;
import aelab.engine.TrainingConfig;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
    private final RunHistory history = new RunHistory();

    private Run started(TrainingConfig c) {
        Run run = history.add(c);
        run.started(new RunInfo(c, 1000, 100, 10, 0.057, c.warnings(), "naive", 2));
        return run;
    }

    private static List<Topic> topics(List<Diagnosis> d) {
        return d.stream().map(Diagnosis::topic).toList();
    }

    @Test
    void theAnswerBeforeTrainingHasNothingToSay() {
        assertEquals(List.of(), Diagnostics.ofSettings(Preset.THE_ANSWER.config()));
    }

    @Test
    void theQuestionsSettingsGiveTwoSentencesEachWithItsWhy() {
        List<Diagnosis> d = Diagnostics.ofSettings(Preset.THE_QUESTION.config());
        assertEquals(List.of(Topic.SOFTMAX, Topic.TARGETS_OUTSIDE), topics(d), "the engine's two warnings, said once each");
        assertTrue(d.get(0).text().startsWith("Softmax over pixels: the 784 outputs always sum to 1, "), d.get(0).text());
    }

    @Test
    void softmaxGivesTheMeasuredSumOfItsOutputs() {
        Run run = started(Preset.THE_QUESTION.config());
        run.addEpoch(new EpochMetrics(2, 0.5, 0.5, 0.7, 0.1, 1.0004, 1));
        assertTrue(Diagnostics.of(run).get(0).text().contains("sum to 1 (measured after epoch 2: 1.00)"));
    }

    @Test
    void rawTargetsWithBceShowTheLossGoneNegative() {
        Run run = started(Preset.THE_QUESTION.config());
        run.addBatch(new BatchPoint(1, 1, 1, -1234.4, 0.7, 0.1, 1));
        Diagnosis d = Diagnostics.of(run).get(1);
        assertEquals(Topic.TARGETS_OUTSIDE, d.topic());
        assertTrue(d.text().contains("(the training loss is now -1234)"), d.text());
    }

    @Test
    void rawPixelsWithMseSayWhyAndLinkToTheExplainer() {
        TrainingConfig c = Preset.MSE.config().with(Settings.SCALE, Scale.RAW);
        List<Diagnosis> d = Diagnostics.ofSettings(c);
        assertEquals(List.of(Topic.RAW_PIXELS), topics(d), "the engine's warning, said once, with its why");
        assertEquals("Raw pixels (0–255): inputs and targets are 255 times larger than on [0,1]; a sigmoid output stays "
                + "below 1 and can never match them. Scale the pixels to [0,1].", d.get(0).text());
        TrainingConfig linear = c.with(Settings.OUTPUT, Activation.LINEAR);
        assertEquals("Raw pixels (0–255): inputs and targets are 255 times larger than on [0,1]. Scale the pixels to [0,1].",
                Diagnostics.ofSettings(linear).get(0).text(), "a linear output can reach 255");
    }

    @Test
    void aLinearOutputWithBceIsDiagnosedWithTheMeasuredSumOfItsOutputs() {
        TrainingConfig c = Preset.THE_ANSWER.config().with(Settings.OUTPUT, Activation.LINEAR);
        assertTrue(c.warnings().get(0).startsWith("linear outputs with BCE"), "the command line warns too: " + c.warnings());
        List<Diagnosis> before = Diagnostics.ofSettings(c);
        assertEquals(List.of(Topic.LINEAR_BCE), topics(before), "the engine's warning said once, with its why");
        assertEquals(List.of(Topic.LINEAR_BCE, Topic.TARGETS_OUTSIDE), topics(Diagnostics.ofSettings(c.with(Settings.SCALE, Scale.RAW))));
        assertTrue(before.get(0).warning());
        Run run = started(c);
        run.addEpoch(new EpochMetrics(3, 0.5, 0.5, 0.7, 0.1, -61.74, 1));
        String text = Diagnostics.of(run).get(0).text();
        assertTrue(text.startsWith("Linear output with BCE: the outputs can leave [0,1], where BCE has no meaning"), text);
        assertTrue(text.contains("(Σ of the 784 outputs after epoch 3: -61.7)"), text);
        assertEquals(List.of(), topics(Diagnostics.ofSettings(c.with(Settings.LOSS, Loss.MSE))), "linear with MSE is fine");
    }

    @Test
    void divergenceIsOneSentenceThatLinksToTheExplainer() {
        Run run = started(Preset.THE_ANSWER.config().with(Settings.LEARNING_RATE, 5.0));
        String msg = "training diverged: the loss became NaN at epoch 1, batch 3; the weights are back";
        run.addWarning(msg);
        run.finish(new RunOutcome(RunOutcome.Status.DIVERGED, msg, 0, 2));
        List<Diagnosis> d = Diagnostics.of(run);
        assertEquals(List.of(Topic.DIVERGED), topics(d));
        assertTrue(d.get(0).text().startsWith("Training diverged: the loss became NaN"));
    }

    private static EpochInsights dead(double... share) {
        return new EpochInsights(3, new float[0], new byte[0], new double[2], new int[0], new double[0],
                new double[0], new int[0], new double[0], new double[0], share, null);
    }

    @Test
    void aNotableShareOfDeadReluUnitsIsCountedPerLayerAndTheBottleneckNamed() {
        Run run = started(TrainingConfig.defaults());
        run.setInsights(dead(50 / 128.0, 0, 19 / 28.0, 0, 0));
        List<Diagnosis> d = Diagnostics.of(run);
        assertEquals(List.of(Topic.DEAD_RELU), topics(d));
        assertEquals("ReLU units that never fire: 50 of layer 1's 128, 19 of the bottleneck's 28 (on the test digits "
                + "after epoch 3).", d.get(0).text());
    }

    @Test
    void aFewDeadUnitsAreNotWorthASentence() {
        Run run = started(TrainingConfig.defaults());
        run.setInsights(dead(30 / 128.0, 0, 9 / 28.0, 0, 0));   // 23 % and 32 %: under the third that is said
        assertEquals(List.of(), Diagnostics.of(run));
        assertEquals("", Diagnostics.deadUnits(TrainingConfig.defaults(), new double[5]));
    }

    @Test
    void afterAnEpochTheDistanceToTheFloorIsSaidAsInformation() {
        Run run = started(Preset.THE_ANSWER.config());
        assertEquals(null, Diagnostics.aboveFloor(List.of(run)), "nothing to say before an epoch");
        run.addEpoch(new EpochMetrics(1, 0.1, 0.1, 0.0812, 0.02, 100, 1));
        Diagnosis d = Diagnostics.aboveFloor(List.of(run));
        // 0.0812 − 0.057 = 0.0242
        assertEquals("Test BCE 0.08120 is 0.02420 above the floor of 0.05700. Grey pixels keep BCE itself above 0.",
                d.text());
        assertEquals(Topic.GREY_PIXELS, d.topic());
        assertFalse(d.warning());
    }

    @Test
    void runsSideBySideShareOneSentenceAboutTheFloor() {
        Run a = started(Preset.THE_ANSWER.config()), b = started(Preset.MSE.config());
        a.addEpoch(new EpochMetrics(1, 0.1, 0.1, 0.0812, 0.02, 100, 1));
        b.addEpoch(new EpochMetrics(1, 0.1, 0.1, 0.0900, 0.02, 100, 1));
        assertEquals("Test BCE above the floor of 0.05700: #1 0.02420, #2 0.03300. Grey pixels keep BCE itself above 0.",
                Diagnostics.aboveFloor(List.of(a, b)).text());
    }

    @Test
    void thePixelSumIsSaidOfTheImagesTrainedOn() {
        assertEquals("an MNIST digit's pixels sum to about 104", Diagnostics.pixelSum(aelab.data.ClassNames.DIGITS, 103.89));
        assertEquals("a Fashion-MNIST image's pixels sum to about 225",
                Diagnostics.pixelSum(aelab.data.ClassNames.FASHION_MNIST, 224.89));
        assertEquals("a test image's pixels sum to about 7", Diagnostics.pixelSum(aelab.data.ClassNames.UNKNOWN, 7.2));
        String said = Diagnostics.ofSettings(Preset.THE_QUESTION.config(), "a Fashion-MNIST image's pixels sum to about 225")
                .get(0).text();
        assertTrue(said.contains(", while a Fashion-MNIST image's pixels sum to about 225. Use sigmoid."), said);
    }

    @Test
    void everyTopicOfADiagnosisHasATextInTheExplainer() {
        for (Topic t : Topic.values()) assertFalse(t.text().isBlank(), t.name());
    }

    @Test
    void theExplainerNamesTheFloorItIsGivenAndNoneOfItsOwn() {
        String text = Topic.GREY_PIXELS.text(0.0580787, "the 10,000 test images of MNIST");
        assertTrue(text.contains("— the floor, 0.05808 for the 10,000 test images of MNIST, drawn dashed on the BCE chart —"), text);
        assertTrue(Topic.GREY_PIXELS.text().contains("— the floor, drawn dashed on the BCE chart —"), Topic.GREY_PIXELS.text());
        for (Topic t : Topic.values()) {
            assertFalse(t.text().contains("{"), t.name() + ": every placeholder filled");
            assertFalse(t.text().contains("0.05"), t.name() + ": no floor written in by hand");
        }
    }
}
