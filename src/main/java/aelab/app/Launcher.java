package aelab.app;

import javafx.application.Application;

import java.util.Locale;
import java.util.logging.Logger;

/** Opens the desktop window; aelab.Main calls this so that Main itself need not extend Application. */
public final class Launcher {
    /** What works without a display, for the one line that says the window cannot open. */
    static final String HEADLESS_HINT = "without one these commands work: train, compare, eval, export-python, bench, "
            + "selfcheck (see --help)";

    // JavaFX's own logger (System.Logger "javafx", which is java.util.logging here); held, because
    // java.util.logging keeps its loggers only weakly and a filter set on a collected one is lost.
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Launcher() { }

    /** Runs the window until it closes: 0, or 1 after saying in one line why it could not open. */
    public static int launch(String[] args) {
        if (noDisplaySet()) {
            System.err.println("error: the window needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set; "
                    + HEADLESS_HINT);
            return 1;
        }
        preferSoftwareRendering();
        quietClassPathWarning();
        try {
            Application.launch(AutoencoderLabApp.class, args);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            // The toolkit's own word for it ("Unable to open DISPLAY"): a display that is set but gone or refused.
            System.err.println("error: the window could not open the display" + displayName() + " ("
                    + e.getMessage() + "); " + HEADLESS_HINT);
            return 1;
        }
    }

    /** On Linux and the BSDs the toolkit needs X11 or Wayland; without either variable it cannot start. */
    private static boolean noDisplaySet() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean x11 = os.contains("linux") || os.contains("bsd") || os.contains("sunos");
        return x11 && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static String displayName() {
        String d = System.getenv("DISPLAY");
        return blank(d) ? "" : " " + d;
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    /**
     * JavaFX warns at every start that it was loaded from the class path, which is how this jar runs on
     * purpose. Only that record is dropped; its other warnings (CSS, layout: child loggers) still show.
     */
    public static void quietClassPathWarning() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    /**
     * Software rendering unless the user chose otherwise with -Dprism.order: a GPU probe that fails on a
     * machine without one costs seconds and can leave a blank window, and these charts need no GPU.
     */
    public static void preferSoftwareRendering() {
        if (System.getProperty("prism.order") == null) System.setProperty("prism.order", "sw");
        // A live frame changes a dozen small places (chart tiles, digit bands, status lines); JavaFX repaints at most
        // 6 regions a frame and merges the rest into large ones, which cost the renderer a fifth more (0011).
        if (System.getProperty("prism.dirtyregioncount") == null) System.setProperty("prism.dirtyregioncount", "12");
    }
}
