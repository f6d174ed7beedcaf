package aelab.app;

import aelab.app.model.AppPreferences;
import aelab.app.model.Run;

import java.nio.file.Path;

import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Step batch and Step epoch on the real window: the button, the shortcut, what the panels then show. */
class StepWindowTest extends WindowFixture {
    @TempDir Path dir;

    @Override protected int trainLimit() { return 300; }

    @Override protected int testLimit() { return 100; }

    @Override protected void prepare(MainView view) {
        AutoencoderLabApp.withMenu(view, AppPreferences.load(dir.resolve("prefs/preferences.properties")), new KeepWindowTest.ScriptedDialogs());
    }

    @Test
    void stepBatchThenTheShortcutThenStepEpoch(FxRobot robot) throws Exception {
        readyWithEpochs(robot, 3);   // 3 batches an epoch
        robot.clickOn("#step");
        Run run = fx(() -> view.session().current());
        await("one batch on the chart", () -> run.lastBatch() != null && view.bceChart().pointCount() > 0);
        assertEquals(1L, fx(() -> run.lastBatch().step()));
        assertTrue(robot.lookup("#pause").queryButton().getText().equals("Resume"), "paused: the button offers Resume");
        await("the status says paused", () -> robot.lookup("Paused — press Resume to go on").tryQuery().isPresent());

        robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
        await("a second batch", () -> run.lastBatch().step() == 2);
        robot.clickOn("#step-epoch");
        await("the end of epoch 1", () -> run.lastEpoch() != null && view.session().state() == aelab.app.session.LabSession.State.PAUSED);
        assertEquals(3L, fx(() -> run.lastBatch().step()));
        await("the status shows the test figures", () -> robot.lookup(n -> n instanceof Labeled l
                && l.getText() != null && l.getText().startsWith("Test after epoch 1")).tryQuery().isPresent());
        robot.clickOn("#stop");
    }
}
