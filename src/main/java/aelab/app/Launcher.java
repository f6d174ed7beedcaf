package aelab.app;

/** Opens the desktop window. */
public final class Launcher {
    private Launcher() { }

    public static void launch(String[] args) {
        System.out.println("The desktop app is not built yet; run with a command, e.g. 'train'.");
    }
}
