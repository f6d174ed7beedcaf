package aelab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;

import aelab.data.Dataset;
import aelab.data.DatasetException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** At start, while the digits load, no control shows a focus ring as if chosen; once loaded, Start has it. */
class StartFocusWindowTest extends WindowFixture {
    private final CountDownLatch loaded = new CountDownLatch(1);

    @Override protected Dataset dataset() throws DatasetException {
        try {
            loaded.await(WAIT_SECONDS, TimeUnit.SECONDS);   // the digits arrive when the test says
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return super.dataset();
    }

    @Test
    void whileLoadingNoButtonHasTheFocusThenStartHasIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = fx(() -> view.getScene().getFocusOwner());
        assertFalse(owner instanceof ButtonBase, "the focus while loading is on " + owner);
        loaded.countDown();
        Node start = robot.lookup("#start").query();
        await("Start has the focus once the digits are in", () -> view.getScene().getFocusOwner() == start);
    }
}
