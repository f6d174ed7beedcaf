package aelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.Run;
import aelab.engine.RunOutcome;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Real clicks on the real window, headless (Monocle). Runs train on 500 images and test on 200, so a
 * few seconds show everything a user would see move.
 */
class MainWindowTest extends WindowFixture {
    private Run latest() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.session().history().latest()).get();
    }

    @Test
    void startMakesTheChartsGainPointsAndTheReconstructionsAppear(FxRobot robot) throws Exception {
        readyWithEpochs(robot, 2);
        robot.clickOn("#start");
        await("points on both charts", () -> view.bceChart().pointCount() > 0 && view.mseChart().pointCount() > 0);
        await("reconstructions", () -> view.reconstructions().shownPreview() != null);
        await("the run finished", () -> latest().isFinished());
        await("test points after each epoch", () -> view.bceChart().pointCount() >= 5 + 2);
        assertEquals(RunOutcome.Status.FINISHED, latest().outcome().status());
        assertFalse(robot.lookup("#start").queryButton().isDisabled(), "Start is back on after the run");
        save(robot.lookup("#main").query(), "main-window-after-run.png");
    }

    @Test
    void togglingTheActivationDuringARunPutsASecondRunOnTheCharts(FxRobot robot) throws Exception {
        readyWithEpochs(robot, 1000);
        robot.clickOn("#start");
        await("first points", () -> view.bceChart().pointCount() > 0);
        Run first = latest();
        robot.clickOn("#output-softmax");
        await("two runs on the charts", () -> view.bceChart().seriesCount() == 2 && view.mseChart().seriesCount() == 2);
        Run second = latest();
        await("the second run draws", () -> second.trainBce().size() > 0);
        await("the first run stopped", first::isFinished);
        assertEquals(RunOutcome.Status.STOPPED, first.outcome().status());
        assertEquals("softmax", second.config().output().toString());
        save(robot.lookup("#main").query(), "main-window-two-runs.png");
        robot.clickOn("#stop");
    }

    @Test
    void pauseResumeAndStopDoWhatTheySay(FxRobot robot) throws Exception {
        readyWithEpochs(robot, 1000);
        robot.clickOn("#start");
        await("first points", () -> view.bceChart().pointCount() > 0);
        robot.clickOn("#pause");
        assertEquals("Resume", robot.lookup("#pause").queryButton().getText());
        robot.clickOn("#pause");
        assertEquals("Pause", robot.lookup("#pause").queryButton().getText());
        Run run = latest();
        robot.clickOn("#stop");
        await("the run stopped", run::isFinished);
        assertEquals(RunOutcome.Status.STOPPED, run.outcome().status());
        assertTrue(robot.lookup("#stop").queryButton().isDisabled());
        assertFalse(robot.lookup("#start").queryButton().isDisabled());
        Label ending = robot.lookup("#ending").queryAs(Label.class);
        await("the ending is shown", () -> ending.getText().contains("stopped"));
    }

    @Test
    void anInvalidValueIsMarkedWhereItIsTypedAndKeepsStartOff(FxRobot robot) {
        readyWithEpochs(robot, 2);
        Button start = robot.lookup("#start").queryButton();
        type(robot, "#batch-size", "lots");
        assertTrue(start.isDisabled());
        Label error = robot.lookup("#batch-size-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("'lots' is not a whole number", error.getText());
        Node field = robot.lookup("#batch-size").query();
        assertTrue(field.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")));
        type(robot, "#batch-size", "50");
        assertFalse(start.isDisabled());
        assertFalse(error.isVisible());
    }

    @Test
    void everyControlSaysWhatItDoes(FxRobot robot) {
        for (String id : new String[] {"#start", "#pause", "#stop", "#reset", "#preset-the-question",
                "#preset-the-answer", "#preset-mse", "#output-softmax", "#output-sigmoid", "#output-linear",
                "#loss-bce", "#loss-mse", "#loss-mae", "#scale-unit", "#scale-raw", "#epochs", "#batch-size",
                "#learning-rate", "#optimizer", "#layers", "#seed", "#log-scale", "#clear-runs",
                "#contrast-absolute01", "#contrast-stretchedperimage"}) {
            javafx.scene.control.Control c = robot.lookup(id).queryAs(javafx.scene.control.Control.class);
            assertNotNull(c.getTooltip(), id + " has no tooltip");
            assertFalse(c.getTooltip().getText().isBlank(), id);
        }
    }

}
