package aelab.app.model;

import java.util.Locale;

/**
 * Every keyboard shortcut of the window, described once: the menus take their accelerators from here,
 * the buttons' tooltips and the Help window's list their wording. {@code keys} is in JavaFX's
 * KeyCombination syntax ("Shortcut" is Ctrl, or ⌘ on a Mac); a shortcut with no menu item (the scrubber's
 * arrow keys) is listed in Help only.
 */
public enum Shortcut {
    OPEN("File", "Shortcut+O", "Open an experiment (.aelab)"),
    SAVE("File", "Shortcut+S", "Save the experiment"),
    SAVE_AS("File", "Shortcut+Shift+S", "Save the experiment as a new file"),
    OPEN_DATASET("File", "Shortcut+Shift+O", "Open a dataset folder (MNIST layout)"),
    EXPORT_CSV("File", "Shortcut+E", "Export the metric history as CSV"),
    QUIT("File", "Shortcut+Q", "Quit"),
    UNDO("Edit", "Shortcut+Z", "Undo Reset or Clear old runs"),
    START("Run", "Shortcut+Enter", "Start a run with the settings (↵ is the Enter key)"),
    PAUSE("Run", "Shortcut+P", "Pause the run, or resume it"),
    STOP("Run", "Shortcut+Shift+Enter", "Stop the run (its curves stay)"),
    STEP("Run", "Shortcut+Period", "Step one mini-batch, then wait, paused"),
    STEP_EPOCH("Run", "Shortcut+Shift+Period", "Step to the end of the epoch, then wait, paused"),
    CONTINUE("Run", "Shortcut+R", "Continue training the newest run"),
    TRAIN_MORE("Run", "Shortcut+Shift+R", "Train the newest run more epochs"),
    TAB_TRAINING("View", "Shortcut+1", "Show the Training tab"),
    TAB_RESULTS("View", "Shortcut+2", "Show the Results tab"),
    TAB_LATENT("View", "Shortcut+3", "Show the Latent space tab"),
    TAB_EXPLAIN("View", "Shortcut+4", "Show the Explain BCE tab"),
    NEXT_TAB("View", "Shortcut+Tab", "Show the next tab"),
    PREVIOUS_TAB("View", "Shortcut+Shift+Tab", "Show the previous tab"),
    SCRUB("Digits", "Left, Right", "Step through the timeline's snapshots (click the digits first)"),
    GUIDE("Help", "F1", "Open the user guide");

    private final String menu;
    private final String keys;
    private final String what;

    Shortcut(String menu, String keys, String what) {
        this.menu = menu;
        this.keys = keys;
        this.what = what;
    }

    /** The menu it belongs to, as the Help list groups them ("Digits": no menu). */
    public String menu() { return menu; }

    /** The accelerator in KeyCombination syntax, or null when no menu item has it. */
    public String accelerator() { return menu.equals("Digits") ? null : keys; }

    /** What it does, in a few words. */
    public String what() { return what; }

    /** The keys as a person reads them, and as the menus show them: "Ctrl+Shift+.", "Ctrl+↵" ("⌘+↵" on a Mac). */
    public String keys() { return keys(isMac()); }

    /** The same, for a Mac or not: for tests. */
    String keys(boolean mac) {
        return keys.replace("Shortcut", mac ? "⌘" : "Ctrl").replace("Period", ".").replace("Enter", "↵");
    }

    /** A tooltip's text with the shortcut added: "Train a new model … (Ctrl+Enter)". */
    public String tip(String text) { return text + " (" + keys() + ")"; }

    private static boolean isMac() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    }
}
