package aelab.app.chart;

import aelab.app.model.RunHistory;

import java.awt.Color;

/**
 * Run colours: ten hues before any repeats, the same in charts, legends, digit rows and Results. The
 * first six are Okabe–Ito's; then indigo, wine and sand from Paul Tol's muted scheme, and black. Every
 * pair stays apart (CIELAB ΔE of at least 15) for normal sight and for full protanopia, deuteranopia and
 * tritanopia as simulated by Machado et al. (2009): {@code PaletteTest} checks it.
 */
public final class Palette {
    private static final Color[] RUNS = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7), new Color(0x56B4E9),
            new Color(0xE69F00), new Color(0x332288), new Color(0x882255), new Color(0xDDCC77), new Color(0x000000)};

    static { assert RUNS.length == RunHistory.PALETTE_SIZE; }

    /** Distinct colours before the first repeats. */
    static int size() { return RUNS.length; }

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
