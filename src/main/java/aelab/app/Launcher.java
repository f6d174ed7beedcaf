package aelab.app;

import javafx.application.Application;

/** Opens the desktop window; aelab.Main calls this so that Main itself need not extend Application. */
public final class Launcher {
    private Launcher() { }

    public static void launch(String[] args) {
        preferSoftwareRendering();
        Application.launch(AutoencoderLabApp.class, args);
    }

    /**
     * Software rendering unless the user chose otherwise with -Dprism.order: a GPU probe that fails on a
     * machine without one costs seconds and can leave a blank window, and these charts need no GPU.
     */
    public static void preferSoftwareRendering() {
        if (System.getProperty("prism.order") == null) System.setProperty("prism.order", "sw");
    }
}
