package aelab.app.model;

import aelab.engine.Setting;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;
import aelab.io.AtomicFiles;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the app remembers across restarts: the last settings, the window's place and size, the recent
 * experiments and the folder each file chooser was last in. Kept in one small properties file, written
 * atomically; a file that cannot be read, or a value that does not parse or is out of range, gives the
 * default for that part and never an error. The file's place is given, so tests use a temporary one.
 */
public final class AppPreferences {
    /** The folders the file choosers remember, one each. */
    public enum Folder { EXPERIMENTS, EXPORTS, DATASETS }

    /** The window's place and size in screen coordinates. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        public static final double MIN_WIDTH = 600, MIN_HEIGHT = 400;

        boolean plausible() {
            return Double.isFinite(x) && Double.isFinite(y) && Math.abs(x) < 100_000 && Math.abs(y) < 100_000
                    && width >= MIN_WIDTH && height >= MIN_HEIGHT && width < 100_000 && height < 100_000;
        }
    }

    private final Path file;
    private final RecentFiles recent = new RecentFiles();
    private final Map<Folder, Path> folders = new EnumMap<>(Folder.class);
    private TrainingConfig settings;
    private WindowBounds window;
    private String problem = "";

    private AppPreferences(Path file) { this.file = file; }

    /**
     * Where the app keeps its preferences: {@code -Daelab.preferences=FILE} if given, else
     * {@code autoencoder-lab/preferences.properties} under the user's configuration folder
     * ({@code $XDG_CONFIG_HOME}, {@code $HOME/.config}, {@code %APPDATA%} or {@code ~/Library/Application Support}).
     */
    public static Path defaultFile() {
        String given = System.getProperty("aelab.preferences");
        if (given != null && !given.isBlank()) return Path.of(given);
        return defaultFile(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /**
     * The same from the environment: on Linux and the like, {@code $XDG_CONFIG_HOME} when it is an absolute
     * path (the XDG base directory rule: a relative one is ignored), else {@code $HOME/.config}, else the
     * home Java found ({@code user.home}, from the password database, which a changed {@code $HOME} does not move).
     */
    static Path defaultFile(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        String homeVar = env.get("HOME");
        Path home = homeVar != null && !homeVar.isBlank() ? Path.of(homeVar) : Path.of(userHome);
        String xdg = env.get("XDG_CONFIG_HOME"), appData = env.get("APPDATA");
        Path base;
        if (os.contains("win") && appData != null && !appData.isBlank()) base = Path.of(appData);
        else if (os.contains("win")) base = Path.of(userHome).resolve("AppData").resolve("Roaming");
        else if (os.contains("mac")) base = home.resolve("Library/Application Support");
        else if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) base = Path.of(xdg);
        else base = home.resolve(".config");
        return base.resolve("autoencoder-lab").resolve("preferences.properties");
    }

    /** Reads the file; a missing file gives the defaults, an unreadable or damaged one too (see {@link #problem()}). */
    public static AppPreferences load(Path file) {
        AppPreferences p = new AppPreferences(file);
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            return p;
        } catch (IOException | IllegalArgumentException e) {   // not UTF-8, a bad \\u escape, …
            p.problem = "the preferences in " + file + " could not be read (" + e.getMessage() + "); using the defaults";
            return p;
        }
        p.settings = readSettings(props);
        p.window = readWindow(props);
        for (int i = RecentFiles.LIMIT - 1; i >= 0; i--) {   // oldest first, so the newest ends up first
            Path r = path(props.getProperty("recent." + i));
            if (r != null) p.recent.add(r);
        }
        for (Folder f : Folder.values()) {
            Path d = path(props.getProperty("folder." + key(f)));
            if (d != null) p.folders.put(f, d);
        }
        return p;
    }

    /** Writes the file atomically, creating its folder if needed. */
    public void save() throws IOException {
        Properties props = new Properties();
        if (settings != null) writeSettings(props, settings);
        if (window != null) {
            props.setProperty("window.x", Double.toString(window.x()));
            props.setProperty("window.y", Double.toString(window.y()));
            props.setProperty("window.width", Double.toString(window.width()));
            props.setProperty("window.height", Double.toString(window.height()));
            props.setProperty("window.maximized", Boolean.toString(window.maximized()));
        }
        for (int i = 0; i < recent.files().size(); i++) props.setProperty("recent." + i, recent.files().get(i).toString());
        folders.forEach((f, d) -> props.setProperty("folder." + key(f), d.toString()));
        StringWriter text = new StringWriter();
        props.store(text, "Autoencoder Lab preferences");
        AtomicFiles.writeString(file, text.toString());
    }

    public Path file() { return file; }

    /** Why the stored preferences were not used, or "" when they were (or there were none). */
    public String problem() { return problem; }

    /** The last settings, or the fallback when none were stored or they do not make a valid experiment. */
    public TrainingConfig settings(TrainingConfig fallback) { return settings == null ? fallback : settings; }

    public void setSettings(TrainingConfig c) { settings = c; }

    /** The window's last place and size, or null. */
    public WindowBounds window() { return window; }

    public void setWindow(WindowBounds w) { window = w != null && w.plausible() ? w : null; }

    public RecentFiles recent() { return recent; }

    /** The folder a chooser was last in, or null. */
    public Path folder(Folder f) { return folders.get(f); }

    public void setFolder(Folder f, Path dir) {
        if (dir != null) folders.put(f, dir.toAbsolutePath().normalize());
    }

    private static String key(Folder f) { return f.name().toLowerCase(Locale.ROOT); }

    // The settings a user edits (Setting.remembered); limits and threads belong to the window. The stored
    // form predates the descriptions and stays: choices by Java name (SIGMOID), widths as 784-128-784.
    private static void writeSettings(Properties p, TrainingConfig c) {
        for (Setting<?> s : Settings.ALL) if (s.remembered()) p.setProperty(key(s), text(s, c));
    }

    private static <T> String text(Setting<T> s, TrainingConfig c) {
        T v = s.get(c);
        if (v instanceof Enum<?> e) return e.name();
        return s.kind() == Setting.Kind.WIDTHS ? s.format(v).replace(',', '-') : s.format(v);
    }

    private static String key(Setting<?> s) { return "settings." + s.key(); }

    /** All the settings or none: a half-remembered experiment would mix two. */
    private static TrainingConfig readSettings(Properties p) {
        if (p.getProperty(key(Settings.LAYERS)) == null) return null;
        try {
            TrainingConfig d = TrainingConfig.defaults();
            TrainingConfig c = TrainingConfig.read(s -> s.remembered() ? s.parse(p.getProperty(key(s), "")) : s.defaultValue());
            return c.problems(c.inputWidth()).isEmpty() && c.inputWidth() == d.inputWidth() ? c : null;
        } catch (IllegalArgumentException e) {   // NumberFormatException included
            return null;
        }
    }

    private static WindowBounds readWindow(Properties p) {
        try {
            WindowBounds w = new WindowBounds(Double.parseDouble(p.getProperty("window.x", "")),
                    Double.parseDouble(p.getProperty("window.y", "")), Double.parseDouble(p.getProperty("window.width", "")),
                    Double.parseDouble(p.getProperty("window.height", "")),
                    Boolean.parseBoolean(p.getProperty("window.maximized", "false")));
            return w.plausible() ? w : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Path path(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            Path p = Path.of(s);
            return p.isAbsolute() ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
