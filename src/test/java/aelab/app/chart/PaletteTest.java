package aelab.app.chart;

import aelab.app.model.RunHistory;
import aelab.engine.TrainingConfig;

import java.awt.Color;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaletteTest {
    // Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
    private static final double[][] PROTAN = {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
            {-0.003882, -0.048116, 1.051998}};
    private static final double[][] DEUTAN = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
            {-0.011820, 0.042940, 0.968881}};
    private static final double[][] TRITAN = {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
            {0.004733, 0.691367, 0.303900}};
    private static final double[][] NORMAL = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    @Test
    void tenRunsGetTenColoursThatStayApartForEveryKindOfColourVision() {
        assertTrue(Palette.size() >= 10);
        double least = Double.POSITIVE_INFINITY;
        for (double[][] sight : new double[][][] {NORMAL, PROTAN, DEUTAN, TRITAN})
            for (int i = 0; i < Palette.size(); i++)
                for (int j = i + 1; j < Palette.size(); j++)
                    least = Math.min(least, deltaE(lab(seen(Palette.run(i, false), sight)), lab(seen(Palette.run(j, false), sight))));
        assertTrue(least >= 15, "the closest pair is ΔE " + least + " apart");
    }

    @Test
    void theEleventhRunIsTheFirstToShareAColour() {
        RunHistory h = new RunHistory();
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) colours.add(h.add(TrainingConfig.defaults()).colour());
        assertEquals(10, colours.size(), "ten runs on the charts, ten colours");
        for (int c : colours) assertEquals(Palette.run(c, false).getRGB() & 0xFFFFFF,
                rgb(Palette.fx(c)), "the scene graph's colour is the chart's");
    }

    @Test
    void aColourNextToItselfIsZeroApartAndTheCheckCanFail() {
        Color blue = new Color(0x0072B2), sky = new Color(0x56B4E9), red = new Color(0xD62728), green = new Color(0x2CA02C);
        assertEquals(0, deltaE(lab(seen(blue, NORMAL)), lab(seen(blue, NORMAL))), 1e-9);
        // Tableau's red and green, 120 apart for normal sight, come within 15 for a deuteranope: what the check is for
        double normal = deltaE(lab(seen(red, NORMAL)), lab(seen(green, NORMAL)));
        double deutan = deltaE(lab(seen(red, DEUTAN)), lab(seen(green, DEUTAN)));
        assertTrue(normal > 100 && deutan < 15, normal + " → " + deutan);
        assertTrue(deltaE(lab(seen(blue, NORMAL)), lab(seen(sky, NORMAL))) > 15);
    }

    private static int rgb(javafx.scene.paint.Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    private static double linear(double c) {
        c /= 255;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** Linear RGB as seen through the simulation matrix. */
    private static double[] seen(Color c, double[][] m) {
        double[] l = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())}, out = new double[3];
        for (int i = 0; i < 3; i++) out[i] = Math.max(0, Math.min(1, m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]));
        return out;
    }

    /** CIELAB (D65) of linear RGB. */
    private static double[] lab(double[] l) {
        double x = (0.4124 * l[0] + 0.3576 * l[1] + 0.1805 * l[2]) / 0.95047;
        double y = 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
        double z = (0.0193 * l[0] + 0.1192 * l[1] + 0.9505 * l[2]) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) { return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116; }

    private static double deltaE(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
