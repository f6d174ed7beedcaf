package aelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.Run;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at 1024 × 768, the smallest screen it is made for, with a run and a side-by-side group
 * in it, and at 1280 × 720: on every tab, no text of any control is cut short ("R…", "bl…") or past
 * the window's edge, and the digits keep all their columns.
 */
class SmallScreenWindowTest extends WindowFixture {

    /** Every shown control whose displayed text differs from its text (JavaFX put an ellipsis in), described. */
    static List<String> truncated(Node root) {
        List<String> cut = new ArrayList<>();
        walk(root, cut);
        return cut;
    }

    /** Every shown control, outside anything that scrolls, that reaches past the window's edge, described. */
    static List<String> outside(Node root) {
        List<String> out = new ArrayList<>();
        Bounds window = root.localToScene(root.getLayoutBounds());
        outside(root, window, out);
        return out;
    }

    private static void outside(Node node, Bounds window, List<String> out) {
        if (!node.isVisible() || node instanceof javafx.scene.control.ScrollPane || node instanceof javafx.scene.control.TableView)
            return;
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            Bounds b = l.localToScene(l.getLayoutBounds());
            if (b.getMaxX() > window.getMaxX() + 1 || b.getMaxY() > window.getMaxY() + 1)
                out.add(l.getClass().getSimpleName() + " \"" + l.getText() + "\" at " + b);
        }
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) outside(child, window, out);
    }

    private static void walk(Node node, List<String> cut) {
        if (!node.isVisible()) return;
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node child : l.getChildrenUnmodifiable()) {
                // the skin's text node holds what is drawn: the text, or its clipped form
                if (child instanceof Text t && child.isVisible() && !t.getText().equals(l.getText()))
                    cut.add(l.getClass().getSimpleName() + (l.getId() == null ? "" : " #" + l.getId()) + " shows \""
                            + t.getText() + "\" of \"" + l.getText() + "\"");
            }
        }
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) walk(child, cut);
    }

    private List<Run> runs() throws Exception {
        return fx(() -> List.copyOf(view.session().history().runs()));
    }

    private void showEveryTabAndCheck(FxRobot robot, String when) throws Exception {
        for (Tab tab : fx(() -> List.copyOf(view.tabs().getTabs()))) {
            fx(() -> {
                view.tabs().getSelectionModel().select(tab);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);   // a frame: the tab catches up
            WaitForAsyncUtils.waitForFxEvents();
            List<String> cut = fx(() -> {
                view.getScene().getRoot().applyCss();
                view.getScene().getRoot().layout();
                List<String> all = new ArrayList<>(truncated(view.getScene().getRoot()));
                all.addAll(outside(view.getScene().getRoot()));
                return all;
            });
            String size = fx(() -> (int) view.getScene().getWidth() + "x" + (int) view.getScene().getHeight());
            save(robot.lookup("#main").query(), size + "-" + when + "-" + tab.getId() + ".png");
            assertTrue(cut.isEmpty(), when + ", tab " + tab.getText() + ": " + String.join("; ", cut));
        }
    }

    @Test
    void at1024By768NoTextIsCutOnAnyTab(FxRobot robot) throws Exception {
        resize(1024, 768);
        await("MNIST loaded", () -> !robot.lookup("#start").queryButton().isDisabled());
        showEveryTabAndCheck(robot, "empty");

        fx(() -> {
            view.tabs().getSelectionModel().select(0);
            return null;
        });
        readyWithEpochs(robot, 2);
        fx(() -> {
            robot.lookup("#start").queryButton().fire();
            return null;
        });
        await("the run finished", () -> !runs().isEmpty() && runs().get(0).isFinished());
        showEveryTabAndCheck(robot, "one-run");

        fx(() -> {
            view.tabs().getSelectionModel().select(0);
            robot.lookup("#start-side-by-side").queryAs(Button.class).fire();
            return null;
        });
        await("the group finished", () -> runs().size() == 4 && runs().stream().allMatch(Run::isFinished));
        showEveryTabAndCheck(robot, "side-by-side");

        fx(() -> {
            view.tabs().getSelectionModel().select(0);
            robot.lookup("#hide-settings").queryButton().fire();
            return null;
        });
        showEveryTabAndCheck(robot, "settings-hidden");
    }

    @Test
    void at1280By720NoTextIsCutOnAnyTabEither(FxRobot robot) throws Exception {
        resize(1280, 720);
        readyWithEpochs(robot, 1);
        fx(() -> {
            robot.lookup("#start").queryButton().fire();
            return null;
        });
        await("the run finished", () -> !runs().isEmpty() && runs().get(0).isFinished());
        showEveryTabAndCheck(robot, "one-run");
    }

    @Test
    void hidingTheSettingsAt1024By768GivesTheDigitsTwiceTheirSize(FxRobot robot) throws Exception {
        resize(1024, 768);
        await("MNIST loaded", () -> !robot.lookup("#start").queryButton().isDisabled());
        await("the digits drawn", () -> view.reconstructions().digitScale() > 0);
        assertEquals(1, fx(() -> view.reconstructions().digitScale()), "beside the settings, 1×");
        robot.clickOn("#hide-settings");
        await("2× without the settings", () -> view.reconstructions().digitScale() == 2);
        robot.clickOn("#show-settings");
        await("back to 1× with them", () -> view.reconstructions().digitScale() == 1);
        assertTrue(robot.lookup("#start").tryQuery().isPresent(), "Start is back");
    }

    @Test
    void at1024By768TheDigitsKeepEveryColumnAndTheStatusDoesNotCoverThem(FxRobot robot) throws Exception {
        resize(1024, 768);
        await("MNIST loaded", () -> !robot.lookup("#start").queryButton().isDisabled());
        fx(() -> {
            view.getScene().getRoot().layout();
            return null;
        });
        Node digits = robot.lookup("#reconstructions").query(), status = robot.lookup("#status").query();
        Bounds d = fx(() -> digits.localToScene(digits.getLayoutBounds()));
        Bounds s = fx(() -> status.localToScene(status.getLayoutBounds()));
        Bounds window = fx(() -> view.getLayoutBounds());
        assertTrue(!d.intersects(s), "the status beside or below the digits, not over them: " + d + " / " + s);
        assertTrue(d.getMaxX() <= window.getMaxX() + 0.5, "the digits inside the window: " + d);
        assertTrue(d.getWidth() >= aelab.app.view.ReconstructionView.WIDE / 2, "room for ten columns at least 1×: " + d);
        assertEquals(1024, fx(() -> view.getScene().getWindow().getWidth()), 0.5);
    }
}
