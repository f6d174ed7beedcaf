package aelab.app;

import aelab.app.KeepWindowTest.ScriptedDialogs;
import aelab.app.files.Dialogs.SaveFirst;
import aelab.app.files.FileActions;
import aelab.app.model.AppPreferences;
import aelab.app.model.Run;
import aelab.io.ExperimentFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One key press never wipes the runs, and nothing unsaved goes without a question: the focus after a
 * run, Reset and Clear old runs undone with Ctrl+Z, the title's mark, Save / Don't save / Cancel.
 */
class UnsavedWorkWindowTest extends WindowFixture {
    @TempDir Path dir;
    private FileActions actions;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Override protected int trainLimit() { return 300; }

    @Override protected int testLimit() { return 100; }

    @Override protected void prepare(MainView view) {
        actions = AutoencoderLabApp.withMenu(view, AppPreferences.load(dir.resolve("prefs/preferences.properties")), dialogs);
    }

    @Test
    void afterStopTheFocusIsOnStartSoSpaceStartsARunInsteadOfRemovingThem(FxRobot robot) throws Exception {
        readyWithEpochs(robot, 5000);   // long enough that Stop, not the end, stops it
        robot.clickOn("#start");
        Run first = fx(() -> view.session().current());
        await("training", () -> first.lastBatch() != null);
        robot.clickOn("#stop");   // the focus is on Stop, which turns off now
        Button start = robot.lookup("#start").queryButton();
        try {
            await("the focus moved to Start", () -> view.getScene().getFocusOwner() == start);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the focus is on " + fx(() -> view.getScene().getFocusOwner())
                    + ", the window focused " + fx(() -> view.getScene().getWindow().isFocused()), e);
        }
        robot.type(KeyCode.SPACE);
        await("a second run started", () -> view.session().history().runs().size() == 2);
        robot.clickOn("#stop");
        await("the focus moved to Start again", () -> view.getScene().getFocusOwner() == start);
        assertFalse(robot.lookup("#reset").queryButton().isFocusTraversable(), "Tab never lands on Reset");
    }

    @Test
    void whenARunFinishesTheFocusLeavesPauseForStart(FxRobot robot) throws Exception {
        trained(robot, 1);   // Start was clicked, so Pause had the focus while it ran
        Button start = robot.lookup("#start").queryButton();
        await("the focus is on Start", () -> view.getScene().getFocusOwner() == start);
    }

    @Test
    void ctrlZPutsBackWhatResetAndClearOldRunsRemoved(FxRobot robot) throws Exception {
        Run first = trained(robot, 1);
        robot.clickOn("#start");
        Run second = fx(() -> view.session().history().latest());
        await("the second run finished", () -> second != first && second.isFinished());
        TabularCount before = count();

        robot.clickOn("#clear-runs");
        await("one run left", () -> view.bceChart().seriesCount() == 1);
        robot.clickOn("#reset");
        await("the charts are empty", () -> view.bceChart().seriesCount() == 0 && view.session().results().rows().isEmpty());
        assertTrue(fx(() -> actions.noticeProperty().get()).contains("Edit › Undo (Ctrl+Z) puts them back"),
                fx(() -> actions.noticeProperty().get()));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        await("Reset undone", () -> view.bceChart().seriesCount() == 1 && view.session().results().rows().size() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        await("Clear old runs undone", () -> view.bceChart().seriesCount() == 2);
        assertEquals(List.of(first, second), fx(() -> view.session().history().runs()));
        assertEquals(before, count(), "the same points and rows as before");
    }

    private record TabularCount(int points, int rows) { }

    private TabularCount count() throws Exception {
        return fx(() -> new TabularCount(view.bceChart().pointCount(), view.session().results().rows().size()));
    }

    @Test
    void resetKeepsTheEpochsTyped(FxRobot robot) throws Exception {
        trained(robot, 2);
        robot.clickOn("#reset");
        await("the charts are empty", () -> view.bceChart().seriesCount() == 0);
        assertEquals("2", robot.lookup("#epochs").queryTextInputControl().getText());
    }

    @Test
    void theTitleMarksUnsavedRunsAndQuitAsksSaveDontSaveOrCancel(FxRobot robot) throws Exception {
        await("MNIST loaded", () -> !robot.lookup("#start").queryButton().isDisabled());
        assertEquals("Autoencoder Lab", fx(() -> actions.titleProperty().get()));
        AtomicInteger exits = new AtomicInteger();
        fx(() -> { actions.quit(exits::incrementAndGet); return null; });
        assertEquals(1, exits.get(), "nothing to lose: no question");
        assertTrue(dialogs.confirmations.isEmpty());

        trained(robot, 1);
        await("marked unsaved", () -> actions.titleProperty().get().equals("*Untitled — Autoencoder Lab"));
        dialogs.saveAnswers.add(SaveFirst.CANCEL);
        fx(() -> { actions.quit(exits::incrementAndGet); return null; });
        assertEquals(1, exits.get(), "Cancel: the window stays");
        assertTrue(dialogs.confirmations.get(0).contains("has not been saved") && dialogs.confirmations.get(0).contains("Quitting loses"),
                dialogs.confirmations.toString());

        Path file = dir.resolve("kept.aelab");
        dialogs.saveAnswers.add(SaveFirst.SAVE);
        dialogs.paths.add(file);
        fx(() -> { actions.quit(exits::incrementAndGet); return null; });
        await("saved, then quit", () -> exits.get() == 2);
        assertEquals(1, ExperimentFile.read(file).runs().size());
        await("the mark is gone", () -> actions.titleProperty().get().equals("kept.aelab — Autoencoder Lab"));
    }

    @Test
    void openingAFileOverUnsavedRunsAsksAndCancelKeepsThem(FxRobot robot) throws Exception {
        Run run = trained(robot, 1);
        Path other = dir.resolve("other.aelab");
        fx(() -> { actions.save(other); return null; });
        await("saved", () -> Files.exists(other));
        robot.clickOn("#start");
        Run unsaved = fx(() -> view.session().history().latest());
        await("the new run finished", () -> unsaved != run && unsaved.isFinished());
        await("marked unsaved", () -> actions.titleProperty().get().startsWith("*other.aelab"));

        dialogs.saveAnswers.add(SaveFirst.CANCEL);
        assertFalse(fx(() -> actions.open(other)));
        assertEquals(List.of(run, unsaved), fx(() -> view.session().history().runs()));
        dialogs.saveAnswers.add(SaveFirst.DISCARD);
        assertTrue(fx(() -> actions.open(other)));
        assertEquals(1, fx(() -> view.session().history().runs().size()));
        assertSame(null, fx(() -> view.session().removals().undoableProperty().get().isEmpty() ? null : "x"),
                "what was replaced is not undoable into the file's runs");
    }
}
