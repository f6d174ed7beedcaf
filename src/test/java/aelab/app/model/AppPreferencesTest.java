package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.AppPreferences.Folder;
import aelab.app.model.AppPreferences.WindowBounds;
import aelab.engine.Activation;
import aelab.engine.Loss;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.Setting;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;
import aelab.engine.UnusualConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPreferencesTest {
    @TempDir Path dir;

    /** Settings unlike the defaults in every field. */
    private static TrainingConfig unusual() {
        return new TrainingConfig(new int[] {784, 256, 32, 256, 784}, Activation.TANH, Activation.LINEAR, Loss.MAE,
                Scale.RAW, 17, 64, 0.0123, OptimizerKind.RMSPROP, -987654321012L, 0, 0, 0);
    }

    @Test
    void everyRememberedSettingComesBackAndTheWindowsOwnStayDefaults() throws IOException {
        Path file = dir.resolve("p.properties");
        AppPreferences p = AppPreferences.load(file);
        p.setSettings(UnusualConfig.get());
        p.save();
        String text = Files.readString(file);
        TrainingConfig back = AppPreferences.load(file).settings(null), d = TrainingConfig.defaults();
        for (Setting<?> s : Settings.ALL) {
            assertEquals(s.remembered(), text.contains("settings." + s.key() + "="), s.name());
            assertEquals(s.remembered() ? s.text(UnusualConfig.get()) : s.text(d), s.text(back), s.name());
        }
    }

    @Test
    void everythingStoredComesBackAfterARestart() throws IOException {
        Path file = dir.resolve("nested/folder/preferences.properties");
        AppPreferences p = AppPreferences.load(file);
        p.setSettings(unusual());
        p.setWindow(new WindowBounds(120.5, -30, 1500, 950, true));
        p.recent().add(dir.resolve("older.aelab"));
        p.recent().add(dir.resolve("newer.aelab"));
        p.setFolder(Folder.EXPERIMENTS, dir.resolve("exp"));
        p.setFolder(Folder.DATASETS, dir.resolve("fashion"));
        p.save();

        AppPreferences q = AppPreferences.load(file);
        assertEquals("", q.problem());
        assertEquals(unusual(), q.settings(TrainingConfig.defaults()));
        assertEquals(new WindowBounds(120.5, -30, 1500, 950, true), q.window());
        assertEquals(List.of(dir.resolve("newer.aelab"), dir.resolve("older.aelab")), q.recent().files());
        assertEquals(dir.resolve("exp"), q.folder(Folder.EXPERIMENTS));
        assertEquals(dir.resolve("fashion"), q.folder(Folder.DATASETS));
        assertNull(q.folder(Folder.EXPORTS));
    }

    @Test
    void noFileMeansTheDefaultsWithoutComplaint() {
        AppPreferences p = AppPreferences.load(dir.resolve("none.properties"));
        assertEquals("", p.problem());
        assertEquals(TrainingConfig.defaults(), p.settings(TrainingConfig.defaults()));
        assertNull(p.window());
        assertTrue(p.recent().files().isEmpty());
    }

    @Test
    void aFileThatIsNotPropertiesGivesTheDefaultsAndSaysSo() throws IOException {
        Path file = dir.resolve("preferences.properties");
        Files.write(file, new byte[] {'a', '=', '\\', 'u', '1', 'z', 0, (byte) 0xC3, '\n'});   // a broken \\u escape
        AppPreferences p = AppPreferences.load(file);
        assertTrue(p.problem().contains("could not be read"), p.problem());
        assertEquals(TrainingConfig.defaults(), p.settings(TrainingConfig.defaults()));
        assertNull(p.window());
    }

    @Test
    void aBadValueLosesOnlyItsOwnPartNotTheRest() throws IOException {
        Path file = dir.resolve("preferences.properties");
        AppPreferences p = AppPreferences.load(file);
        p.setSettings(unusual());
        p.setWindow(new WindowBounds(0, 0, 1400, 900, false));
        p.recent().add(dir.resolve("kept.aelab"));
        p.save();
        String text = Files.readString(file).replace("settings.loss=MAE", "settings.loss=HINGE")
                .replace("window.width=1400.0", "window.width=wide");
        Files.writeString(file, text + "recent.1=not absolute\n", StandardCharsets.UTF_8);

        AppPreferences q = AppPreferences.load(file);
        assertEquals(TrainingConfig.defaults(), q.settings(TrainingConfig.defaults()), "all the settings or none");
        assertNull(q.window());
        assertEquals(List.of(dir.resolve("kept.aelab")), q.recent().files());
    }

    @Test
    void settingsTheAppWouldRefuseAreNotRestored() throws IOException {
        Path file = dir.resolve("preferences.properties");
        AppPreferences p = AppPreferences.load(file);
        p.setSettings(unusual());
        p.save();
        Files.writeString(file, Files.readString(file).replace("settings.epochs=17", "settings.epochs=0"));
        assertEquals(TrainingConfig.defaults(), AppPreferences.load(file).settings(TrainingConfig.defaults()));
        Files.writeString(file, Files.readString(file).replace("settings.epochs=0", "settings.epochs=17")
                .replace("784-256-32-256-784", "100-10-100"));
        assertEquals(TrainingConfig.defaults(), AppPreferences.load(file).settings(TrainingConfig.defaults()),
                "layers that do not fit 28 × 28 images");
    }

    @Test
    void aWindowTooSmallOrFarAwayIsNotRemembered() {
        AppPreferences p = AppPreferences.load(dir.resolve("p.properties"));
        p.setWindow(new WindowBounds(0, 0, 20, 10, false));
        assertNull(p.window());
        p.setWindow(new WindowBounds(Double.NaN, 0, 1400, 900, false));
        assertNull(p.window());
    }

    private static final Path LINUX_FILE = Path.of("autoencoder-lab", "preferences.properties");

    @Test
    void onLinuxThePreferencesLiveUnderXdgConfigHomeElseHomeDotConfig() {
        assertEquals(Path.of("/xdg").resolve(LINUX_FILE),
                AppPreferences.defaultFile(java.util.Map.of("XDG_CONFIG_HOME", "/xdg", "HOME", "/h"), "Linux", "/passwd-home"));
        assertEquals(Path.of("/h/.config").resolve(LINUX_FILE),
                AppPreferences.defaultFile(java.util.Map.of("HOME", "/h"), "Linux", "/passwd-home"),
                "$HOME, not the home Java found in the password database");
        assertEquals(Path.of("/h/.config").resolve(LINUX_FILE),
                AppPreferences.defaultFile(java.util.Map.of("XDG_CONFIG_HOME", "relative/dir", "HOME", "/h"), "Linux", "/p"),
                "a relative XDG_CONFIG_HOME is ignored, as the XDG rules say");
        assertEquals(Path.of("/h/.config").resolve(LINUX_FILE),
                AppPreferences.defaultFile(java.util.Map.of("XDG_CONFIG_HOME", " ", "HOME", "/h"), "Linux", "/p"));
        assertEquals(Path.of("/passwd-home/.config").resolve(LINUX_FILE),
                AppPreferences.defaultFile(java.util.Map.of(), "Linux", "/passwd-home"), "no $HOME: Java's user.home");
    }

    @Test
    void onAMacUnderApplicationSupportOfHome() {
        assertEquals(Path.of("/h/Library/Application Support").resolve(LINUX_FILE),
                AppPreferences.defaultFile(java.util.Map.of("HOME", "/h", "XDG_CONFIG_HOME", "/xdg"), "Mac OS X", "/p"));
    }
}
