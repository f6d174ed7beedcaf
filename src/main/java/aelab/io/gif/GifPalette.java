package aelab.io.gif;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;

/**
 * The fixed colours of every frame: {@value #GREYS} greys from black to white, then the run colours
 * (the first four of the window's Okabe–Ito hues). 128 entries, so a frame is 7 bits a pixel and no
 * frame is ever dithered: a digit's pixel p ∈ [0, 1] is grey round(p · 119), exactly.
 */
final class GifPalette {
    static final int GREYS = 120;
    static final Color[] RUNS = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
            new Color(204, 121, 167)};
    private static final int SIZE = GREYS + 4;
    static final IndexColorModel MODEL = model();

    private GifPalette() { }

    private static IndexColorModel model() {
        byte[] r = new byte[256], g = new byte[256], b = new byte[256];
        for (int i = 0; i < GREYS; i++) r[i] = g[i] = b[i] = (byte) Math.round(i * 255.0 / (GREYS - 1));
        for (int i = 0; i < RUNS.length; i++) {
            r[GREYS + i] = (byte) RUNS[i].getRed();
            g[GREYS + i] = (byte) RUNS[i].getGreen();
            b[GREYS + i] = (byte) RUNS[i].getBlue();
        }
        return new IndexColorModel(8, 256, r, g, b);
    }

    /** Index of the grey nearest to p, p clamped to [0, 1] (NaN: black). */
    static int grey(double p) {
        if (!(p > 0)) return 0;
        return p >= 1 ? GREYS - 1 : (int) Math.round(p * (GREYS - 1));
    }

    /** The grey of that index as AWT draws it. */
    static Color greyColor(double p) {
        int v = MODEL.getRed(grey(p));
        return new Color(v, v, v);
    }

    /** The colour of run i (cycling through four). */
    static Color run(int i) { return RUNS[i % RUNS.length]; }

    /**
     * The RGB picture in palette indices. Greys (text edges included: text is drawn in greys only) go
     * to the nearest grey, a run colour to itself; anything else to the nearest entry.
     */
    static BufferedImage indexed(BufferedImage rgb) {
        int w = rgb.getWidth(), h = rgb.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, MODEL);
        byte[] px = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            rgb.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) px[y * w + x] = (byte) index(row[x] & 0xFFFFFF);
        }
        return out;
    }

    private static int index(int rgb) {
        int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
        if (r == g && g == b) return grey(r / 255.0);
        int best = 0;
        long bestD = Long.MAX_VALUE;
        for (int i = 0; i < SIZE; i++) {
            long dr = r - MODEL.getRed(i), dg = g - MODEL.getGreen(i), db = b - MODEL.getBlue(i);
            long d = dr * dr + dg * dg + db * db;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
