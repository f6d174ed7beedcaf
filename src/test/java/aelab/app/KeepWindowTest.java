package aelab.app;

import aelab.app.files.Dialogs;
import aelab.app.files.FileActions;
import aelab.app.files.FxDialogs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.AppPreferences;
import aelab.app.model.MetricsCsv;
import aelab.app.model.Run;
import aelab.io.PythonExport;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The File and Run menus on the real window, headless. Paths are handed in where a chooser would ask,
 * and what the dialogs would show is recorded.
 */
class KeepWindowTest extends WindowFixture {
    @TempDir Path dir;
    private FileActions actions;
    private AppPreferences prefs;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    /** Answers with the paths queued, agrees to everything, and keeps the errors it was asked to show. */
    static final class ScriptedDialogs implements Dialogs {
        final ArrayDeque<Path> paths = new ArrayDeque<>();
        final List<String> errors = new ArrayList<>(), confirmations = new ArrayList<>();

        @Override public Path openFile(String title, Kind kind, Path folder) { return paths.poll(); }

        @Override public Path saveFile(String title, Kind kind, Path folder, String name) { return paths.poll(); }

        @Override public Path folder(String title, Path folder) { return paths.poll(); }

        final ArrayDeque<SaveFirst> saveAnswers = new ArrayDeque<>();

        @Override public boolean confirm(String title, String message, String yes) {
            confirmations.add(message);
            return true;
        }

        /** The answers queued, else Don't save. */
        @Override public SaveFirst askToSave(String title, String message) {
            confirmations.add(message);
            SaveFirst a = saveAnswers.poll();
            return a == null ? SaveFirst.DISCARD : a;
        }

        @Override public void error(String title, String message) { errors.add(title + ": " + message); }
    }

    @Override protected int trainLimit() { return 300; }

    @Override protected int testLimit() { return 100; }

    @Override protected void prepare(MainView view) {
        prefs = AppPreferences.load(dir.resolve("prefs/preferences.properties"));
        actions = AutoencoderLabApp.withMenu(view, prefs, dialogs);
    }

    private Map<String, MenuItem> menuItems() {
        AppMenu menu = (AppMenu) view.getTop();
        List<MenuItem> all = new ArrayList<>();
        ArrayDeque<MenuItem> todo = new ArrayDeque<>(menu.bar().getMenus());
        while (!todo.isEmpty()) {
            MenuItem i = todo.poll();
            all.add(i);
            if (i instanceof Menu m) todo.addAll(m.getItems());
        }
        return all.stream().filter(i -> i.getId() != null).collect(Collectors.toMap(MenuItem::getId, Function.identity()));
    }

    @Test
    void theMenusOfferEveryFileActionWithShortcutsAndTooltips() {
        Map<String, MenuItem> items = menuItems();
        for (String id : List.of("menu-open", "menu-recent", "menu-save", "menu-save-as", "menu-open-dataset",
                "menu-bundled-mnist", "menu-export", "menu-export-charts", "menu-export-reconstructions",
                "menu-export-csv", "menu-export-gif", "menu-export-keras", "menu-export-pytorch", "menu-export-safetensors",
                "menu-export-npz", "menu-quit", "menu-continue", "menu-train-more"))
            assertTrue(items.containsKey(id), id + " is missing");
        Map<String, String> shortcuts = Map.of("menu-open", "Shortcut+O", "menu-save", "Shortcut+S",
                "menu-save-as", "Shortcut+Shift+S", "menu-open-dataset", "Shortcut+Shift+O", "menu-continue", "Shortcut+R",
                "menu-export-csv", "Shortcut+E", "menu-quit", "Shortcut+Q");
        shortcuts.forEach((id, keys) -> assertEquals(KeyCombination.keyCombination(keys), items.get(id).getAccelerator(), id));
        AppMenu menu = (AppMenu) view.getTop();
        for (MenuItem i : items.values()) {
            if (i instanceof Menu || i.getId().startsWith("menu-run-")) continue;
            String tip = menu.tip(i);
            assertNotNull(tip, i.getId() + " has no tooltip");
            assertFalse(tip.isBlank(), i.getId());
        }
    }

    @Test
    void saveThenOpenBringsTheRunsBackOntoTheCharts(FxRobot robot) throws Exception {
        Run run = trained(robot, 2);
        int points = fx(() -> view.bceChart().pointCount());
        Path file = dir.resolve("two epochs.aelab");
        dialogs.paths.add(dir.resolve("two epochs"));   // the extension is added
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);   // no file yet: asks where
        await("saved", () -> Files.exists(file));
        assertTrue(fx(() -> actions.noticeProperty().get()).endsWith("Saved two epochs.aelab: 1 run."));
        assertEquals("two epochs.aelab — Autoencoder Lab", fx(() -> actions.titleProperty().get()));

        robot.clickOn("#reset");
        await("the charts are empty", () -> view.bceChart().seriesCount() == 0);
        assertTrue(fx(() -> actions.open(file)));
        await("the run is back", () -> view.bceChart().seriesCount() == 1 && view.bceChart().pointCount() == points
                && view.reconstructions().shownPreview() != null);
        Run back = fx(() -> view.session().history().latest());
        assertEquals(run.config(), back.config());
        assertEquals(run.record().batches(), back.record().batches());
        assertEquals(List.of(file), prefs.recent().files());
        assertEquals(List.of(file), AppPreferences.load(prefs.file()).recent().files(), "remembered on disk at once");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertTrue(dialogs.confirmations.isEmpty(), "the charts were empty: nothing to lose");
    }

    @Test
    void aDamagedFileIsRefusedInOneLineAndTheWindowStaysAsItWas(FxRobot robot) throws Exception {
        Run run = trained(robot, 1);
        Path good = dir.resolve("good.aelab");
        fx(() -> {
            actions.save(good);
            return null;
        });
        await("saved", () -> Files.exists(good));
        byte[] bytes = Files.readAllBytes(good);
        Path bad = Files.write(dir.resolve("cut short.aelab"), Arrays.copyOf(bytes, bytes.length - 100));
        String title = fx(() -> actions.titleProperty().get()), notice = fx(() -> actions.noticeProperty().get());
        int points = fx(() -> view.bceChart().pointCount());

        assertFalse(fx(() -> actions.open(bad)));
        assertEquals(1, dialogs.errors.size());
        String error = dialogs.errors.get(0);
        assertTrue(error.startsWith("Cannot open the experiment: " + bad + ": "), error);
        assertFalse(error.contains("\n"), error);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(run, fx(() -> view.session().history().latest()));
        assertEquals(1, fx(() -> view.session().history().runs().size()));
        assertEquals(points, fx(() -> view.bceChart().pointCount()));
        assertEquals(title, fx(() -> actions.titleProperty().get()));
        assertEquals(notice, fx(() -> actions.noticeProperty().get()));
        assertEquals(good, fx(() -> actions.file()));
    }

    @Test
    void exportsWritePicturesOfTheExpectedSizeTheCsvAndAScript(FxRobot robot) throws Exception {
        Run run = trained(robot, 1);
        Path charts = dir.resolve("out/charts.png"), digits = dir.resolve("out/digits.png");
        Path csv = dir.resolve("out/metrics.csv"), script = dir.resolve("out/train.py");
        fx(() -> {
            actions.exportChartsPng(charts);
            actions.exportReconstructionsPng(digits);
            actions.exportCsv(csv);
            actions.exportPython(PythonExport.Framework.PYTORCH, script);
            return null;
        });
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        Path shots = Files.createDirectories(Path.of("target/screenshots"));   // for a person to look at
        Files.copy(charts, shots.resolve("export-charts.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(digits, shots.resolve("export-reconstructions.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        BufferedImage c = ImageIO.read(charts.toFile());
        assertEquals(2 * 1000, c.getWidth());
        assertEquals(650, c.getHeight());
        BufferedImage d = ImageIO.read(digits.toFile());
        assertEquals(96 + 10 * 112 + 9 * 3 + 2 * 10, d.getWidth());            // labels, 10 digits at 4×, gaps, margins
        assertEquals(28 + 2 * 3 * 112 + 2 * 2 * 3 + 14 + 2 * 10, d.getHeight()); // caption, 2 bands of 3 rows, gaps, band gap, margins
        assertTrue(colours(d) > 50, "digits, reconstructions and error maps drawn, not a blank picture");

        List<String> lines = Files.readAllLines(csv);
        assertEquals(MetricsCsv.HEADER, lines.get(0));
        assertEquals(1 + 3 + 1, lines.size(), "300 images in batches of 100, and one epoch");
        assertEquals(run.record().batches().size(), lines.stream().skip(1).filter(l -> l.contains(",batch,")).count());
        String py = Files.readString(script);
        assertTrue(py.contains("import torch"), "a PyTorch script");
        assertTrue(py.contains("\"epochs\": 1"), "with the run's settings");
        assertEquals(dir.resolve("out"), prefs.folder(AppPreferences.Folder.EXPORTS));
    }

    @Test
    void theNewestRunsWeightsAreExportedAsSafetensors(FxRobot robot) throws Exception {
        await("MNIST loaded", () -> !robot.lookup("#start").queryButton().isDisabled());
        fx(() -> {
            actions.exportWeights(aelab.io.WeightsExport.Format.SAFETENSORS);
            return null;
        });
        assertEquals("No weights to export yet: press Start to train a run first.", fx(() -> actions.noticeProperty().get()));
        Run run = trained(robot, 1);
        Path f = dir.resolve("w.safetensors");
        dialogs.paths.add(f);
        fx(() -> {
            actions.exportWeights(aelab.io.WeightsExport.Format.SAFETENSORS);
            return null;
        });
        assertEquals("Exported run #" + run.id() + "'s weights to w.safetensors.", fx(() -> actions.noticeProperty().get()));
        byte[] b = Files.readAllBytes(f);
        long n = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(b, 8, (int) n, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(header.contains("\"0.weight\"") && header.contains("[128, 784]"), header);
        // 784·128 + 128 + 128·64 + 64 + … floats after the header
        long params = aelab.engine.MemoryNeed.parameterCount(run.config().layers());
        assertEquals(8 + n + 4 * params, b.length);
    }

    @Test
    void theTimelineIsExportedAsAGifInTheBackgroundOnceARunHasOne(FxRobot robot) throws Exception {
        Path gif = dir.resolve("out/timeline.gif");
        await("MNIST loaded", () -> !robot.lookup("#start").queryButton().isDisabled());
        fx(() -> {
            actions.exportGif(gif);
            return null;
        });
        assertEquals("No timeline to export yet: press Start to train a run first.", fx(() -> actions.noticeProperty().get()));
        assertFalse(fx(actions::canExportGif));
        assertFalse(Files.exists(gif));

        Run run = trained(robot, 1);
        assertTrue(fx(actions::canExportGif));
        int snapshots = fx(() -> run.timeline().size());
        fx(() -> {
            actions.exportGif(gif);
            return null;
        });
        await("the GIF written", () -> actions.noticeProperty().get().startsWith("Exported"));
        assertEquals("Exported the timeline (" + snapshots + " frames) to timeline.gif.", fx(() -> actions.noticeProperty().get()));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(snapshots, reader.getNumImages(true), "a frame per snapshot");
        } finally {
            reader.dispose();
        }
        assertEquals(dir.resolve("out"), prefs.folder(AppPreferences.Folder.EXPORTS));
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3)
            for (int x = 0; x < image.getWidth(); x += 3) seen.add(image.getRGB(x, y));
        return seen.size();
    }

    @Test
    void savingDuringARunStopsItAndContinueTrainingGoesOn(FxRobot robot) throws Exception {
        await("MNIST loaded", () -> !robot.lookup("#start").queryButton().isDisabled());
        type(robot, "#epochs", "5000");   // far more than the test lasts
        robot.clickOn("#start");
        Run run = fx(() -> view.session().history().latest());
        await("training", () -> run.lastBatch() != null);
        Path file = dir.resolve("mid.aelab");
        fx(() -> {
            actions.save(file);
            return null;
        });
        await("saved after stopping", () -> actions.noticeProperty().get().contains("was stopped to save it"));
        assertTrue(run.isFinished());
        long stoppedAt = fx(() -> run.lastBatch().step());
        assertTrue(robot.lookup("#stop").queryButton().isDisabled());

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        await("going on", () -> view.session().current() == run && run.lastBatch().step() > stoppedAt);
        assertTrue(fx(() -> actions.noticeProperty().get()).startsWith("Run #" + run.id() + " goes on from epoch "));
        robot.clickOn("#stop");
    }

    @Test
    void anErrorReportedDuringAFrameIsShownInADialogNotThrown(FxRobot robot) throws Exception {
        FxDialogs real = new FxDialogs(() -> view.getScene().getWindow());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        fx(() -> {
            new AnimationTimer() {   // the frame pump is one: a save or a dataset load reports from there
                @Override public void handle(long now) {
                    stop();
                    try {
                        real.error("Cannot open the dataset", "/somewhere: no train-images-idx3-ubyte file");
                    } catch (RuntimeException e) {
                        thrown.set(e);
                    }
                }
            }.start();
            return null;
        });
        await("the dialog", () -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane p && p.getContent() instanceof Label l
                && l.getText().equals("/somewhere: no train-images-idx3-ubyte file")));
        assertEquals(null, thrown.get());
        fx(() -> {
            List.copyOf(Window.getWindows()).stream().filter(w -> w.getScene().getRoot() instanceof DialogPane)
                    .forEach(Window::hide);
            return null;
        });
    }

    @Test
    void aFolderThatIsNotADatasetIsNamedInADialogAndTheDigitsStay(FxRobot robot) throws Exception {
        await("MNIST loaded", () -> !robot.lookup("#start").queryButton().isDisabled());
        String before = robot.lookup("#data-message").queryLabeled().getText();
        Path folder = Files.createDirectories(dir.resolve("holiday photos"));
        Files.writeString(folder.resolve("train-images-idx3-ubyte"), "not an IDX file");
        fx(() -> {
            actions.openDataset(folder);
            return null;
        });
        await("refused", () -> !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot open the dataset: "), dialogs.errors.get(0));
        assertTrue(dialogs.errors.get(0).contains("train-images-idx3-ubyte"), dialogs.errors.get(0));
        assertEquals("The dataset is still MNIST (bundled).", fx(() -> actions.noticeProperty().get()));
        assertEquals(before, robot.lookup("#data-message").queryLabeled().getText());
        assertSame(mnist(), fx(() -> view.session().dataset()));
    }
}
