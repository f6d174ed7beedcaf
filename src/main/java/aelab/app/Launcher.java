package aelab.app;

import javafx.application.Application;

/** Opens the desktop window; aelab.Main calls this so that Main itself need not extend Application. */
public final class Launcher {
    private Launcher() { }

    public static void launch(String[] args) {
        // Software rendering unless told otherwise: a GPU probe that fails on a machine without one
        // costs seconds and can leave a blank window.
        if (System.getProperty("prism.order") == null) System.setProperty("prism.order", "sw");
        Application.launch(AutoencoderLabApp.class, args);
    }
}
