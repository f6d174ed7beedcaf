package aelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.DigitRows;
import aelab.app.model.Run;
import aelab.engine.Activation;
import aelab.engine.ModelKind;
import aelab.engine.Preview;
import aelab.engine.RunOutcome;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The four kinds side by side in the window, headless: their rows, samples, figures and the PCA baseline. */
class KindsWindowTest extends WindowFixture {
    private List<Run> runs() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(view.session().history().runs())).get();
    }

    /** "The four kinds", then Start side by side, until all four runs have finished their epochs. */
    private void fourKindsTrained(FxRobot robot, int epochs) throws Exception {
        readyWithEpochs(robot, epochs);
        robot.clickOn("#compare-kinds");
        robot.clickOn("#start-side-by-side");
        await("four runs finished", () -> runs().size() == 4 && runs().stream().allMatch(Run::isFinished));
    }

    @Test
    void theFourKindsTrainSideBySideEachWithItsRowsAndFigures(FxRobot robot) throws Exception {
        fourKindsTrained(robot, 2);
        for (Run r : runs()) assertEquals(RunOutcome.Status.FINISHED, r.outcome().status(), "#" + r.id());
        assertEquals(List.of(ModelKind.PLAIN, ModelKind.DENOISING, ModelKind.SPARSE, ModelKind.VAE),
                runs().stream().map(r -> r.config().kind()).toList());
        await("the rows of each kind", () -> view.reconstructions().rowKinds().equals(List.of(DigitRows.Kind.ORIGINAL,
                DigitRows.Kind.OUTPUT, DigitRows.Kind.NOISY, DigitRows.Kind.OUTPUT, DigitRows.Kind.OUTPUT, DigitRows.Kind.CODE,
                DigitRows.Kind.OUTPUT, DigitRows.Kind.SAMPLES)));
        List<Preview> shown = fx(() -> view.reconstructions().shownPreviews());
        assertEquals(shown.get(3).count(), shown.get(3).sampleCount(), "a VAE sample under each digit");
        assertTrue(shown.get(2).codes() != null && shown.get(0).codes() == null, "the sparse run's codes, and only its");
        Run vae = runs().get(3);
        assertTrue(vae.lastEpoch().kind().testKl() > 0, "a VAE's KL after its epochs");
        await("the PCA baseline on both charts", () -> view.bceChart().showsPcaLine() && view.mseChart().showsPcaLine());
        double pca = fx(() -> view.bceChart().pcaLineValue());
        assertTrue(pca > 0.05 && pca < 0.5, "PCA-28's test BCE on 200 test digits: " + pca);
        save(robot.lookup("#main").query(), "kinds-side-by-side.png");

        robot.clickOn("#tab-results");
        await("four rows with the kinds' figures", () -> view.results().rowCount() == 4
                && view.results().table().getItems().get(3).kindFigures().contains("ELBO"));
        assertTrue(fx(() -> view.results().table().getItems().get(1).kindFigures()).startsWith("noisy inputs: BCE"));
    }

    @Test
    void at1024By768TheFourKindsRowsScrollBelowTheChartsNeverUnderThem(FxRobot robot) throws Exception {
        fourKindsTrained(robot, 1);
        resize(1024, 768);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);   // a frame
        javafx.scene.Node digits = robot.lookup("#reconstructions").query(), chart = view.bceChart();
        javafx.geometry.Bounds d = fx(() -> {
            view.getScene().getRoot().applyCss();
            view.getScene().getRoot().layout();
            return digits.localToScene(digits.getLayoutBounds());
        });
        javafx.geometry.Bounds c = fx(() -> chart.localToScene(chart.getLayoutBounds()));
        assertEquals(8, fx(() -> view.reconstructions().rowKinds().size()), "eight rows of digits");
        assertTrue(d.getMinY() >= c.getMaxY() - 0.5, "the digits start below the charts: digits " + d + ", chart " + c);
        assertTrue(c.getHeight() >= 160 - 0.5, "the charts keep their least height: " + c);
        save(robot.lookup("#main").query(), "kinds-side-by-side-1024.png");
    }

    @Test
    void theVaePresetChoosesTheKindWithSigmoidAndBce(FxRobot robot) throws Exception {
        robot.clickOn("#preset-the-question");
        robot.clickOn("#preset-vae");
        assertEquals(ModelKind.VAE, fx(() -> view.session().form().config().kind()));
        assertEquals(Activation.SIGMOID, fx(() -> view.session().form().config().output()));
        robot.clickOn("#preset-denoising");
        assertEquals(ModelKind.DENOISING, fx(() -> view.session().form().config().kind()));
        assertTrue(robot.lookup("#noise").query().isVisible(), "the noise field shows for a denoising run");
        assertTrue(!robot.lookup("#beta").query().isVisible(), "β is a VAE's");
    }
}
