package aelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.Run;
import aelab.engine.RunOutcome;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Real clicks on the side-by-side controls and the tabs, headless; runs train on 500 images and test on 200. */
class SideBySideWindowTest extends WindowFixture {
    private List<Run> runs() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(view.session().history().runs())).get();
    }

    @Test
    void twoRunsSideBySideDrawTwoCurvesTwoReconstructionRowsAndTwoResultRows(FxRobot robot) throws Exception {
        readyWithEpochs(robot, 2);
        robot.clickOn("#compare-3-on");   // untick MSE: the question beside the answer
        robot.clickOn("#start-side-by-side");
        await("two curves on each chart", () -> view.bceChart().seriesCount() == 2 && view.mseChart().seriesCount() == 2);
        await("points of both runs", () -> runs().stream().allMatch(r -> r.trainBce().size() > 0));
        await("two rows of reconstructions", () -> view.reconstructions().outputRows() == 2);
        await("both runs finished", () -> runs().stream().allMatch(Run::isFinished));
        for (Run r : runs()) assertEquals(RunOutcome.Status.FINISHED, r.outcome().status(), "#" + r.id());
        assertEquals(List.of("softmax", "sigmoid"), runs().stream().map(r -> r.config().output().toString()).toList());
        assertFalse(robot.lookup("#start-side-by-side").queryButton().isDisabled(), "ready for the next comparison");
        save(robot.lookup("#main").query(), "side-by-side.png");

        // one scrubber for both: every row shows its run at the same step
        robot.clickOn("#timeline-slider");
        robot.type(javafx.scene.input.KeyCode.HOME);
        robot.type(javafx.scene.input.KeyCode.RIGHT, 3);
        await("both rows at step 3", () -> view.reconstructions().shownPreviews().size() == 2
                && view.reconstructions().shownPreviews().stream().allMatch(p -> p.step() == 3));
        double[] firstBce = fx(() -> view.reconstructions().shownPreviews().stream().mapToDouble(p -> p.bce()[0]).toArray());
        assertNotEquals(firstBce[0], firstBce[1], "two runs' own snapshots, not one run's twice");
        robot.clickOn("#timeline-live");

        robot.clickOn("#tab-results");
        await("two rows in the results table", () -> view.results().rowCount() == 2);
        await("their test figures", () -> view.results().table().getItems().stream().allMatch(r -> r.testBce() != null));
        save(robot.lookup("#main").query(), "results.png");

        robot.clickOn("#tab-latent");
        await("the newest run's codes, one dot per test digit used (200)", () -> view.latent().pointCount() == 200);
        save(robot.lookup("#main").query(), "latent.png");
    }

    @Test
    void stopEndsEveryRunSideBySideAndTheirRowsStay(FxRobot robot) throws Exception {
        readyWithEpochs(robot, 2000);
        robot.clickOn("#start-side-by-side");
        await("three runs training", () -> runs().size() == 3 && runs().stream().allMatch(r -> r.lastBatch() != null));
        robot.clickOn("#stop");
        await("every run stopped", () -> runs().stream().allMatch(Run::isFinished));
        for (Run r : runs()) assertEquals(RunOutcome.Status.STOPPED, r.outcome().status(), "#" + r.id());
        robot.clickOn("#tab-results");
        await("three rows", () -> view.results().rowCount() == 3);
        await("each says stopped", () -> view.results().table().getItems().stream().allMatch(r -> r.status().equals("stopped")));
    }

    @Test
    void theSideBySideControlsSayWhatTheyDo(FxRobot robot) {
        for (String id : new String[] {"#compare-presets", "#start-side-by-side", "#compare-1-on", "#compare-1-output",
                "#compare-2-loss", "#compare-4-scale", "#above-floor", "#error-maps"}) {
            Control c = robot.lookup(id).queryAs(Control.class);
            assertNotNull(c.getTooltip(), id + " has no tooltip");
            assertFalse(c.getTooltip().getText().isBlank(), id);
        }
    }

    @Test
    void fewerThanTwoTickedRunsTurnTheButtonOffAndSayWhy(FxRobot robot) {
        readyWithEpochs(robot, 2);
        Button start = robot.lookup("#start-side-by-side").queryButton();
        assertFalse(start.isDisabled());
        robot.clickOn("#compare-2-on");
        robot.clickOn("#compare-3-on");
        assertTrue(start.isDisabled());
        assertEquals("Tick at least 2 runs to compare.",
                robot.lookup("#compare-problem").queryAs(javafx.scene.control.Label.class).getText());
        robot.clickOn("#compare-presets");
        assertFalse(start.isDisabled());
    }

    @Test
    void aDiagnosisWhyLinkOpensTheExplainerAtItsTopic(FxRobot robot) throws Exception {
        readyWithEpochs(robot, 2);
        robot.clickOn("#preset-the-question");
        await("the settings are diagnosed", () -> robot.lookup("#why-softmax").tryQuery().isPresent());
        robot.clickOn("#why-softmax");
        assertEquals("tab-explain", view.tabs().getSelectionModel().getSelectedItem().getId());
        assertEquals(aelab.app.model.Topic.SOFTMAX, view.explainer().expanded());
        assertEquals(1.0, view.explainer().target().getValue(), 0, "white pixel: where softmax's 0.0013 costs most");
    }

}
