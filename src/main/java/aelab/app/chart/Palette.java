package aelab.app.chart;

import aelab.app.model.RunHistory;

import java.awt.Color;

/** Run colours: eight hues that stay apart from each other on white and for common colour blindness (Okabe–Ito). */
public final class Palette {
    private static final Color[] RUNS = {
            new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
            new Color(86, 180, 233), new Color(230, 159, 0), new Color(90, 90, 90), new Color(170, 40, 40)};

    static { assert RUNS.length == RunHistory.PALETTE_SIZE; }

    private Palette() { }

    /** The same colour for the scene graph (labels, digit rows). */
    public static javafx.scene.paint.Color fx(int index) {
        Color c = run(index, false);
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    static Color run(int index, boolean faded) {
        Color c = RUNS[index % RUNS.length];
        return faded ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 120) : c;
    }
}
