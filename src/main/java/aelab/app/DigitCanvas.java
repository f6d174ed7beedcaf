package aelab.app;

import aelab.app.model.Contrast;
import aelab.app.model.DigitGrid;
import aelab.app.model.DigitLayout;
import aelab.data.ImageSet;
import aelab.engine.Preview;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints the digit grid. Each image is enlarged by a whole factor here, pixel by pixel, and written into
 * the canvas as it is, so every pixel is a sharp square: nothing is left to an image smoother (an
 * ImageView or a scaled drawImage may blur), and no image object is shared between draws.
 */
final class DigitCanvas extends Region {
    private static final String[] ROW_NAMES = {"original", "output", "error"};

    private final Canvas canvas = new Canvas();
    private Contrast contrast = Contrast.ABSOLUTE;
    private ImageSet test;
    private DigitGrid grid;
    private Preview preview;
    private DigitLayout layout;
    private int[] argb = new int[0];
    private float[] grey, errors, target, raw;

    DigitCanvas() {
        getChildren().add(canvas);
        setMinSize(200, 120);
    }

    void setDigits(ImageSet testImages, DigitGrid digits) {
        test = testImages;
        grid = digits;
        if (test != null) {
            int d = test.imageSize();
            grey = new float[d];
            errors = new float[d];
            target = new float[d];
            raw = new float[d];
        }
        draw();
    }

    void setPreview(Preview p) {
        preview = p;
        draw();
    }

    void setContrast(Contrast c) {
        contrast = c;
        draw();
    }

    @Override protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    @Override protected double computePrefWidth(double height) { return 700; }

    @Override protected double computePrefHeight(double width) { return 390; }

    /** {band, column} of the digit under the point, or null. */
    int[] slotAt(double x, double y) {
        if (layout == null) return null;
        int[] hit = layout.hit(x, y);
        return hit == null ? null : new int[] {hit[0], hit[1]};
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (test == null || grid == null || canvas.getWidth() < 10) {
            layout = null;
            return;
        }
        g.setImageSmoothing(false);   // for any image drawn later; the digits below are written pixel by pixel
        layout = DigitLayout.fit(canvas.getWidth(), canvas.getHeight(), grid.columns(), grid.bands(), test.rows());
        drawRowNames(g);
        for (int b = 0; b < grid.bands(); b++)
            for (int c = 0; c < grid.columns(); c++) drawColumn(g, b, c);
    }

    private void drawRowNames(GraphicsContext g) {
        g.setFill(Color.rgb(70, 70, 70));
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int b = 0; b < grid.bands(); b++)
            for (int r = 0; r < DigitLayout.ROWS; r++)
                g.fillText(ROW_NAMES[r], layout.x(0) - 8, layout.y(b, r) + layout.cell() / 2);
    }

    private void drawColumn(GraphicsContext g, int band, int column) {
        int image = grid.cell(band, column);
        double x = layout.x(column), s = layout.cell();
        g.setFill(Color.rgb(235, 235, 235));
        for (int r = 0; r < DigitLayout.ROWS; r++) g.fillRect(x, layout.y(band, r), s, s);
        if (image < 0) return;
        int d = test.imageSize();
        for (int j = 0; j < d; j++) target[j] = test.pixel(image, j) / 255f;
        contrast.apply(target, 0, d, grey);
        blit(g, grey, false, x, layout.y(band, 0));
        int slot = grid.previewSlot(band, column);
        if (preview == null || slot < 0 || slot >= preview.count()) return;
        contrast.apply(preview.pixels(), slot, d, grey);
        blit(g, grey, false, x, layout.y(band, 1));
        System.arraycopy(preview.pixels(), slot * d, raw, 0, d);
        for (int j = 0; j < d; j++) raw[j] = Math.abs(raw[j] - target[j]);
        contrast.apply(raw, 0, d, errors);
        blit(g, errors, true, x, layout.y(band, 2));
    }

    private void blit(GraphicsContext g, float[] v, boolean heat, double x, double y) {
        int s = layout.scale(), cols = test.cols(), w = cols * s, h = test.rows() * s;
        if (x < 0 || y < 0 || x + w > canvas.getWidth() || y + h > canvas.getHeight()) return;   // panel too small
        if (argb.length != w * h) argb = new int[w * h];
        for (int py = 0; py < h; py++)
            for (int px = 0; px < w; px++) {
                float value = v[(py / s) * cols + px / s];
                argb[py * w + px] = heat ? heat(value) : grey(value);
            }
        g.getPixelWriter().setPixels((int) x, (int) y, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    }

    private static int grey(float v) {
        int k = Math.round(v * 255);
        return 0xFF000000 | k << 16 | k << 8 | k;
    }

    /** Black → red → yellow → white: small errors stay dark, large ones glow. */
    private static int heat(float v) {
        int r = channel(3 * v), gr = channel(3 * v - 1), b = channel(3 * v - 2);
        return 0xFF000000 | r << 16 | gr << 8 | b;
    }

    private static int channel(float t) {
        return Math.round(Math.max(0, Math.min(1, t)) * 255);
    }
}
