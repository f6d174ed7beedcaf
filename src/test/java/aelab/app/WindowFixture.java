package aelab.app;

import aelab.app.model.Run;
import aelab.app.session.BackgroundExecutor;
import aelab.app.session.LabSession;
import aelab.data.Dataset;
import aelab.data.DatasetException;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window tests share: the real window, headless (Monocle), over a session on the bundled
 * MNIST (loaded once for all of them) with a few hundred images per run; closed after each test. Waits
 * poll a condition on the FX thread with a generous limit, so a busy machine is slow, not a failure.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class WindowFixture {
    /** How long a wait may take before the test fails: long, because the limit only matters when something is wrong. */
    static final long WAIT_SECONDS = 60;
    private static Dataset mnist;
    protected MainView view;

    /** The digits every window trains on. */
    protected static Dataset mnist() { return mnist; }

    @BeforeAll
    static void loadMnist() throws DatasetException {
        if (mnist == null) mnist = Dataset.loadBundledMnist();
    }

    /** Training images per run; a subclass may take fewer. */
    protected int trainLimit() { return 500; }

    protected int testLimit() { return 200; }

    /** What the window's session loads (on its loader thread); a subclass may make it slow. */
    protected Dataset dataset() throws DatasetException { return mnist; }

    /** Called once the view exists, before the window shows: for a menu, say. */
    protected void prepare(MainView view) { }

    // TestFX's @Start is only looked for among a test class's own methods, so the window opens here.
    @BeforeEach
    void openWindow() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(this::show);
    }

    private void show(Stage stage) {
        LabSession session = new LabSession(BackgroundExecutor.daemonThreads(), this::dataset, trainLimit(), testLimit());
        view = new MainView(session);
        prepare(view);
        stage.setScene(AutoencoderLabApp.createScene(view));
        stage.show();
        session.loadData();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(view::dispose);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Polls the condition on the FX thread until it holds, failing with what was awaited. */
    public static void await(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }

    /** The action's result, computed on the FX thread. */
    public static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }

    /** Replaces the text of a field as a user would: scroll to it, click, select all, type. */
    protected static void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        reveal(robot, field);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        robot.interact(() -> {   // the settings back to their top, where the presets and side by side are
            for (javafx.scene.Node p = field.getParent(); p != null; p = p.getParent())
                if (p instanceof javafx.scene.control.ScrollPane sp) {
                    sp.setVvalue(0);
                    return;
                }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the scroll pane a node is in until the node is in view, as a user would with the wheel. */
    protected static void reveal(FxRobot robot, javafx.scene.Node node) {
        robot.interact(() -> {
            for (javafx.scene.Node p = node.getParent(); p != null; p = p.getParent()) {
                if (!(p instanceof javafx.scene.control.ScrollPane sp) || sp.getContent() == null) continue;
                javafx.geometry.Bounds b = sp.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double content = sp.getContent().getBoundsInLocal().getHeight(), viewport = sp.getViewportBounds().getHeight();
                if (content > viewport) {
                    double top = sp.getVvalue() * (content - viewport);
                    if (b.getMinY() < top || b.getMaxY() > top + viewport)
                        sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 20) / (content - viewport))));
                }
                return;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the data to load (Start turns on), then types the number of epochs. */
    protected static void readyWithEpochs(FxRobot robot, int epochs) {
        await("MNIST loaded", () -> !robot.lookup("#start").queryButton().isDisabled());
        type(robot, "#epochs", Integer.toString(epochs));
    }

    /** Types the epochs, presses Start and waits for the run to finish, with its points on the chart. */
    protected Run trained(FxRobot robot, int epochs) throws Exception {
        readyWithEpochs(robot, epochs);
        robot.clickOn("#start");
        Run run = fx(() -> view.session().history().latest());
        await("the run finished", () -> run.isFinished() && view.bceChart().pointCount() > 0);
        return run;
    }

    /** A picture of a node for a person to look at: target/screenshots/… */
    public static void save(Node node, String name) throws Exception {
        WritableImage image = fx(() -> node.snapshot(null, null));
        File dir = new File("target/screenshots");
        if (!dir.isDirectory() && !dir.mkdirs()) throw new IOException("cannot create " + dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir, name));
    }

    /** Resizes the window, as a user on a smaller screen would have it, and waits for the FX thread. */
    protected void resize(double width, double height) throws Exception {
        fx(() -> {
            Stage s = (Stage) view.getScene().getWindow();
            s.setWidth(width);
            s.setHeight(height);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
