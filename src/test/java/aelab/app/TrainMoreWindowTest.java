package aelab.app;

import aelab.app.model.AppPreferences;
import aelab.app.model.Run;

import java.nio.file.Path;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Run › Train N more epochs on a finished run: the same run goes on, its curve and timeline continue. */
class TrainMoreWindowTest extends WindowFixture {
    @TempDir Path dir;

    @Override protected void prepare(MainView view) {
        AutoencoderLabApp.withMenu(view, AppPreferences.load(dir.resolve("prefs/preferences.properties")),
                new KeepWindowTest.ScriptedDialogs());
    }

    @Test
    void aFinishedRunTrainsTheEpochsSettingMore(FxRobot robot) throws Exception {
        Run run = trained(robot, 2);
        int snapshots = fx(() -> run.timeline().size());
        type(robot, "#epochs", "3");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        await("the run trained to epoch 5", () -> run.isFinished() && run.lastEpoch() != null && run.lastEpoch().epoch() == 5);
        assertSame(run, fx(() -> view.session().history().latest()), "the same run went on, no new one");
        assertEquals(5, fx(() -> run.config().epochs()));
        assertEquals(5, fx(() -> run.testBce().size()), "one test dot per epoch, the curve continued");
        assertEquals(5, fx(() -> run.timeline().latents().size()));
        assertEquals(snapshots + 7, fx(() -> run.timeline().size()), "steps 12, 14, 17, 20, 24 and the ends 15, 20, 25");
    }
}
