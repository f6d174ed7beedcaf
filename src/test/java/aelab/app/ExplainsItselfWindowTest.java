package aelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.files.FileActions;
import aelab.app.model.AppPreferences;
import aelab.app.model.Format;
import aelab.app.model.Run;
import aelab.app.model.Shortcut;
import aelab.app.model.Topic;
import aelab.app.session.LabSession.State;
import aelab.app.view.HelpView;
import aelab.io.AppVersion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The window says what it does and what it is: help, shortcuts, notes where a click did nothing, words that stay true. */
class ExplainsItselfWindowTest extends WindowFixture {
    @TempDir Path dir;
    private FileActions actions;

    @Override protected int trainLimit() { return 300; }

    @Override protected int testLimit() { return 100; }

    @Override protected void prepare(MainView view) {
        actions = AutoencoderLabApp.withMenu(view, AppPreferences.load(dir.resolve("prefs.properties")),
                new KeepWindowTest.ScriptedDialogs());
    }

    private List<MenuItem> menuItems() {
        List<MenuItem> all = new ArrayList<>();
        ArrayDeque<MenuItem> todo = new ArrayDeque<>(((AppMenu) view.getTop()).bar().getMenus());
        while (!todo.isEmpty()) {
            MenuItem i = todo.poll();
            all.add(i);
            if (i instanceof Menu m) todo.addAll(m.getItems());
        }
        return all;
    }

    private MenuItem item(String id) {
        return menuItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void everyShortcutIsOnOneMenuItemFromTheOneDescriptionAndTheRunButtonsSayTheirs(FxRobot robot) {
        List<MenuItem> items = menuItems();
        for (Shortcut s : Shortcut.values()) {
            if (s.accelerator() == null) continue;
            KeyCombination k = KeyCombination.keyCombination(s.accelerator());
            assertEquals(1, items.stream().filter(i -> k.equals(i.getAccelerator())).count(), s + " on one menu item");
        }
        assertEquals(Shortcut.values().length - 1, items.stream().filter(i -> i.getAccelerator() != null).count(),
                "no menu shortcut outside the description");
        for (String[] b : new String[][] {{"#start", Shortcut.START.keys()}, {"#pause", Shortcut.PAUSE.keys()},
                {"#stop", Shortcut.STOP.keys()}, {"#step", Shortcut.STEP.keys()}, {"#step-epoch", Shortcut.STEP_EPOCH.keys()}}) {
            String tip = robot.lookup(b[0]).queryButton().getTooltip().getText();
            assertTrue(tip.endsWith("(" + b[1] + ")"), b[0] + ": " + tip);
        }
    }

    @Test
    void startPauseStopAndTheTabsAnswerTheirKeys(FxRobot robot) {
        readyWithEpochs(robot, 1000);
        robot.clickOn("#reconstructions");   // the focus out of the text field
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        await("started", () -> view.session().state() == State.RUNNING);
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        await("paused", () -> view.session().state() == State.PAUSED);
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        await("resumed", () -> view.session().state() == State.RUNNING);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);
        await("stopped", () -> view.session().state() == State.IDLE);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        await("Latent space shown", () -> view.tabs().getSelectionModel().getSelectedIndex() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        await("the next tab, Explain BCE", () -> view.tabs().getSelectionModel().getSelectedIndex() == 3);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        await("Training shown", () -> view.tabs().getSelectionModel().getSelectedIndex() == 0);
    }

    @Test
    void helpShowsTheGuideEveryShortcutAndTheLicencesOfWhatIsBundled(FxRobot robot) throws Exception {
        robot.interact(() -> item("menu-guide").fire());
        AppMenu menu = (AppMenu) view.getTop();
        HelpView help = fx(menu::helpView);
        assertNotNull(help);
        assertEquals(HelpView.Page.GUIDE, fx(help::shown));
        String guide = robot.lookup("#help-guide-text").queryAs(Label.class).getText();
        assertTrue(guide.contains("THE STORY") && guide.contains("softmax") && guide.contains("floor"), guide);
        for (String tab : List.of("Training", "Results", "Latent space", "Explain BCE"))
            assertTrue(guide.contains(tab), "the guide tells of the " + tab + " tab");

        robot.interact(() -> item("menu-shortcuts").fire());
        assertEquals(HelpView.Page.SHORTCUTS, fx(help::shown));
        GridPane list = robot.lookup("#help-shortcut-list").queryAs(GridPane.class);
        List<String> texts = fx(() -> list.getChildren().stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).toList());
        for (Shortcut s : Shortcut.values()) assertTrue(texts.contains(s.keys()) && texts.contains(s.what()), s.name());

        robot.interact(() -> item("menu-about").fire());
        assertEquals(HelpView.Page.ABOUT, fx(help::shown));
        String about = robot.lookup("#help-about-text").queryAs(Label.class).getText();
        assertTrue(about.startsWith("Autoencoder Lab " + AppVersion.VERSION), about);
        String pom = Files.readString(Path.of("pom.xml"));
        for (String[] lib : new String[][] {{"OpenJFX", property(pom, "javafx.version"), "GPL v2 with the Classpath Exception"},
                {"EJML", property(pom, "ejml.version"), "Apache License 2.0"},
                {"JFreeChart-FX", dependencyVersion(pom, "org.jfree.chart.fx"), "LGPL"},
                {"picocli", dependencyVersion(pom, "picocli"), "Apache License 2.0"}}) {
            Matcher m = Pattern.compile(Pattern.quote(lib[0]) + " " + Pattern.quote(lib[1]) + "\\b[^\\n]*" + Pattern.quote(lib[2]))
                    .matcher(about);
            assertTrue(m.find(), lib[0] + " " + lib[1] + " with its licence, as the pom has it: " + about);
        }
        assertTrue(about.contains("Yann LeCun, Corinna Cortes") && about.contains("CC BY-SA 3.0"), about);
        assertTrue(about.contains("Settings and the recovery copy are kept in " + dir.toAbsolutePath()), about);
        WindowFixture.save(help, "help-about.png");
        robot.interact((Runnable) () -> Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().getRoot() == help)
                .findFirst().ifPresent(Window::hide));
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertTrue(m.find(), name);
        return m.group(1);
    }

    private static String dependencyVersion(String pom, String artifact) {
        Matcher m = Pattern.compile("<artifactId>" + Pattern.quote(artifact) + "</artifactId>\\s*<version>([^<]+)</").matcher(pom);
        assertTrue(m.find(), artifact);
        return m.group(1);
    }

    @Test
    void theExplainerNamesTheFloorTheBceChartDraws(FxRobot robot) throws Exception {
        Run run = trained(robot, 1);
        double floor = fx(() -> run.info().bceFloor());
        String text = fx(() -> view.explainer().textOf(Topic.GREY_PIXELS));
        assertTrue(text.contains("the floor, " + Format.loss(floor) + " for the 100 test images of MNIST (bundled),"), text);
    }

    @Test
    void aChoiceDuringASideBySideRunIsAnsweredBesideTheButton(FxRobot robot) {
        readyWithEpochs(robot, 1000);
        robot.clickOn("#start-side-by-side");
        await("three runs going", () -> view.session().going().size() == 3);
        robot.clickOn("#output-linear");
        await("the note shows", () -> view.controls().note().isShowing());
        String note = view.controls().note().getText();
        assertTrue(note.startsWith("The runs side by side take their output, loss and scale from their rows"), note);
        assertEquals(3, view.session().history().runs().size());
        robot.interact(() -> view.session().stop());
    }

    @Test
    void afterResetTheTitleNamesNoFileTheNumbersStartAgainAndUndoBringsBothBack(FxRobot robot) throws Exception {
        Run first = trained(robot, 1);
        Path file = dir.resolve("one.aelab");
        robot.interact(() -> actions.save(file));
        await("saved", () -> Files.exists(file) && actions.titleProperty().get().equals("one.aelab — Autoencoder Lab"));
        robot.clickOn("#reset");
        await("no file named", () -> actions.titleProperty().get().equals("Autoencoder Lab"));
        robot.clickOn("#start");
        await("a new run #1", () -> view.session().history().runs().size() == 1 && view.session().history().latest() != first);
        assertEquals(1, fx(() -> view.session().history().latest().id()));
        await("untitled, unsaved", () -> actions.titleProperty().get().equals("*Untitled — Autoencoder Lab"));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        await("the saved run back, with its file", () -> view.session().history().runs().size() == 2
                && actions.titleProperty().get().endsWith("one.aelab — Autoencoder Lab"));
        assertEquals(2, fx(first::id), "the run put back follows the one started since");
        assertEquals("Undone. The run put back was #1 and is #2 now: a run started since has taken its number.",
                fx(() -> actions.noticeProperty().get()));
        robot.interact(() -> view.session().stop());
    }

    @Test
    void aNoticeGoesOnceItIsNoLongerTrue(FxRobot robot) {
        await("MNIST loaded", () -> !robot.lookup("#start").queryButton().isDisabled());
        robot.interact((Runnable) actions::save);
        assertEquals("Nothing to save yet: press Start to train a run first.", actions.noticeProperty().get());
        readyWithEpochs(robot, 1);
        robot.clickOn("#start");
        await("the notice gone with the run", () -> actions.noticeProperty().get().isEmpty());
    }

    @Test
    void onFashionMnistTheImagesAreNamedByTheirClasses(FxRobot robot) throws Exception {
        Path fashion = Path.of(System.getProperty("aelab.fashionMnist", "/usr/share/datasets/fashion-mnist"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fashion), "Fashion-MNIST is not on this machine");
        await("MNIST loaded", () -> !robot.lookup("#start").queryButton().isDisabled());
        robot.interact(() -> actions.openDataset(fashion));
        await("Fashion-MNIST loaded", () -> view.session().dataset() != null
                && view.session().dataset().name().equals("fashion-mnist") && view.session().grid() != null);
        Run run = trained(robot, 1);
        robot.interact(() -> view.reconstructions().hoverOver(new int[] {0, 9, 1}));
        String over = fx(view.reconstructions()::hoverText);
        assertTrue(over.startsWith("Ankle boot (test image "), over);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        await("the latent codes drawn", () -> view.latent().pointCount() > 0);
        WindowFixture.save(view, "fashion-latent.png");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.interact(() -> view.session().applyPreset(aelab.app.model.Preset.THE_QUESTION));
        await("the question diagnosed", () -> view.session().diagnoses().stream()
                .anyMatch(d -> d.text().contains("a Fashion-MNIST image's pixels sum to about 225")));
        WindowFixture.save(view, "fashion-training.png");
        assertNotNull(run);
    }

    @Test
    void theHoverLineForgetsADigitOnceThePointerLeaves(FxRobot robot) throws Exception {
        trained(robot, 1);
        robot.interact(() -> view.reconstructions().hoverOver(new int[] {0, 0, 1}));
        String over = fx(view.reconstructions()::hoverText);
        assertTrue(over.startsWith("Digit ") && over.contains("BCE"), over);
        robot.clickOn("#reset");
        robot.interact(() -> view.reconstructions().hoverOver(null));
        String after = fx(view.reconstructions()::hoverText);
        assertTrue(after.startsWith("Hover over") && !after.contains("·"), "no figures of a run that is gone: " + after);
        Button start = robot.lookup("#start").queryButton();
        assertFalse(start.isDisabled());
    }
}
