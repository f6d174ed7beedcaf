package aelab.app.view;

import aelab.app.model.Contrast;
import aelab.data.DigitGrid;
import aelab.app.model.DigitLayout;
import aelab.app.model.DigitRows;
import aelab.app.model.DigitRows.Kind;
import aelab.data.ImageSet;
import aelab.engine.Preview;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints the digit grid: the originals, then each run's reconstructions (and error maps) below them.
 * Each image is enlarged by a whole factor here, pixel by pixel, and written into the canvas as it is,
 * so every pixel is a sharp square: nothing is left to an image smoother (an ImageView or a scaled
 * drawImage may blur), and no image object is shared between draws.
 */
public final class DigitCanvas extends Region {
    /** One run's reconstructions with the name, settings and colour of its rows; preview may be null (not yet). */
    public record Source(Preview preview, String name, List<String> details, Color colour) { }

    private final Canvas canvas = new Canvas();
    // Over the reconstruction rows only: a new preview is drawn here, so JavaFX repaints these rows, not the panel.
    private final Canvas outputs = new Canvas();
    private double ox, oy;   // where the canvas being drawn on lies in the panel
    private Contrast contrast = Contrast.ABSOLUTE;
    private ImageSet test;
    private DigitGrid grid;
    private List<Source> sources = List.of();
    private boolean errors = true;
    private String[] bandNames;
    private DigitRows rows = DigitRows.of(1, true, 1);
    private DigitLayout layout;
    private int[] argb = new int[0];
    private float[] grey, diff, target;
    private long wholeDraws, outputDraws;

    public DigitCanvas() {
        outputs.setManaged(false);
        getChildren().addAll(canvas, outputs);
        setMinSize(200, 120);
        // Opaque, so that JavaFX repaints a redrawn panel from here up, not from the split pane's layered background below it.
        setBackground(new Background(new BackgroundFill(Color.WHITE, null, null)));
    }

    public void setDigits(ImageSet testImages, DigitGrid digits) {
        test = testImages;
        grid = digits;
        if (test != null) {
            int d = test.imageSize();
            grey = new float[d];
            diff = new float[d];
            target = new float[d];
        }
        draw();
    }

    /**
     * The runs whose rows to draw. When only their previews changed (a live run sent a new one), only the
     * reconstruction and error rows are drawn again: the originals, the grey cells and the row names stay.
     */
    public void setSources(List<Source> s) {
        boolean resize = s.size() != sources.size(), onlyPreviews = !resize && layout != null;
        for (int i = 0; onlyPreviews && i < s.size(); i++) {
            Source now = s.get(i), was = sources.get(i);
            onlyPreviews = now.name().equals(was.name()) && now.details().equals(was.details())
                    && now.colour().equals(was.colour());
        }
        sources = List.copyOf(s);
        if (resize) requestLayout();
        if (onlyPreviews) drawOutputs();
        else draw();
    }

    void setErrors(boolean show) {
        errors = show;
        requestLayout();
        draw();
    }

    public void setContrast(Contrast c) {
        contrast = c;
        draw();
    }

    /** A name above each band's originals (e.g. "best", "worst"); none by default. */
    void setBandNames(String... names) {
        bandNames = names;
        draw();
    }

    @Override public void layoutChildren() {   // public: Exports lays a canvas out off screen
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    @Override protected double computePrefWidth(double height) { return 700; }

    /** Tall enough for the rows at twice the digits' size: more rows take more room, fewer leave it to the charts. */
    @Override protected double computePrefHeight(double width) {
        DigitRows r = DigitRows.of(sources.size(), errors, grid == null ? 2 : grid.bands());
        int side = test == null ? 28 : test.rows(), columns = grid == null ? 10 : grid.columns();
        return new DigitLayout(columns, r.bands(), r.size(), side, 2, DigitLayout.LABELS, 0, 0).height() + 8;
    }

    /** {band, column, row} of the digit under the point, or null. */
    int[] slotAt(double x, double y) {
        return layout == null ? null : layout.hit(x, y);
    }

    /** Rows drawn with a run's reconstructions in them, for tests. */
    int filledOutputRows() {
        if (layout == null) return 0;
        return (int) rows.rows().stream().filter(r -> r.kind() == Kind.OUTPUT && r.run() < sources.size()
                && sources.get(r.run()).preview() != null).count();
    }

    /** x of the column, y of its original and of its first reconstruction row, in the band; for tests. */
    int[] cellCorners(int band, int column) {
        return new int[] {(int) layout.x(column), (int) layout.y(band, 0), (int) layout.y(band, 1)};
    }

    /** Times the whole panel was drawn, and times only its reconstruction rows were; for tests. */
    long wholeDraws() { return wholeDraws; }

    long outputDraws() { return outputDraws; }

    /** What is drawn in row r: the originals, or a run's output or error. */
    DigitRows.Row row(int r) { return rows.get(r); }

    private void draw() {
        wholeDraws++;
        ox = oy = 0;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (test == null || grid == null || canvas.getWidth() < 10) {
            layout = null;
            outputs.setWidth(0);
            outputs.setHeight(0);
            return;
        }
        g.setImageSmoothing(false);   // for any image drawn later; the digits below are written pixel by pixel
        rows = DigitRows.of(sources.size(), errors, grid.bands());
        layout = DigitLayout.fit(canvas.getWidth(), canvas.getHeight(), grid.columns(), rows.bands(), rows.size(),
                test.rows(), DigitLayout.LABELS);
        for (int b = 0; b < rows.bands(); b++) {
            drawRowNames(g, b);
            for (int c = 0; c < grid.columns(); c++) drawColumn(g, b, c);
        }
        placeOutputs();
    }

    private void drawRowNames(GraphicsContext g, int band) {
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        double right = layout.x(0) - 8;
        for (int r = 0; r < rows.size(); r++) {
            DigitRows.Row row = rows.get(r);
            String kind = row.kind().name().toLowerCase(), name = kind;
            List<String> details = List.of();
            Color ink = Color.rgb(70, 70, 70);
            boolean bold = false;
            if (sources.size() > 1 && row.run() >= 0) {   // several runs: each row says whose it is, in its colour
                Source s = sources.get(row.run());
                name = s.name() + " " + kind;
                if (row.kind() == Kind.OUTPUT) details = s.details();
                ink = s.colour().darker();
                bold = true;
                g.setFill(s.colour());
                g.fillRect(right + 3, layout.y(band, r), 3, layout.cell());
            } else if (row.kind() == Kind.ORIGINAL && bandNames != null && band < bandNames.length) {
                name = bandNames[band];
                details = List.of(kind);
                bold = true;
            }
            int lines = 1 + (int) Math.max(0, Math.min(details.size(), Math.floor(layout.cell() / 14) - 1));   // as fit
            double y = layout.y(band, r) + layout.cell() / 2 - (lines - 1) * 7;
            g.setFill(ink);
            g.setFont(Font.font(null, bold ? FontWeight.BOLD : FontWeight.NORMAL, 12));
            g.fillText(name, right, y);
            g.setFill(Color.rgb(90, 90, 90));
            g.setFont(Font.font(11));
            for (int i = 0; i < lines - 1; i++) g.fillText(details.get(i), right, y + 14 * (i + 1));
        }
    }

    /** The layer for new previews, empty, over the reconstruction rows of every band (what lies between them too). */
    private void placeOutputs() {
        int last = rows.size() - 1;
        double x0 = Math.floor(layout.x(0)), y0 = Math.floor(layout.y(0, Math.min(1, last)));
        double x1 = Math.min(canvas.getWidth(), Math.ceil(layout.x(grid.columns() - 1) + layout.cell()));
        double y1 = Math.min(canvas.getHeight(), Math.ceil(layout.y(rows.bands() - 1, last) + layout.cell()));
        outputs.relocate(x0, y0);
        outputs.setWidth(last < 1 ? 0 : Math.max(0, x1 - x0));
        outputs.setHeight(last < 1 ? 0 : Math.max(0, y1 - y0));
        outputs.getGraphicsContext2D().clearRect(0, 0, outputs.getWidth(), outputs.getHeight());
    }

    /** The rows after the originals, every column of every band: what a new preview changes. */
    private void drawOutputs() {
        GraphicsContext g = outputs.getGraphicsContext2D();
        ox = outputs.getLayoutX();
        oy = outputs.getLayoutY();
        for (int b = 0; b < rows.bands(); b++)
            for (int c = 0; c < grid.columns(); c++) {
                int image = grid.cell(b, c);
                if (image < 0) continue;
                int d = test.imageSize();
                for (int j = 0; j < d; j++) target[j] = test.pixel(image, j) / 255f;
                drawOutputRows(g, b, c, layout.x(c));
            }
        ox = oy = 0;
        outputDraws++;
    }

    private void drawColumn(GraphicsContext g, int band, int column) {
        int image = grid.cell(band, column);
        double x = layout.x(column), s = layout.cell();
        g.setFill(Color.rgb(235, 235, 235));
        for (int r = 0; r < rows.size(); r++) g.fillRect(x, layout.y(band, r), s, s);
        if (image < 0) return;
        int d = test.imageSize();
        for (int j = 0; j < d; j++) target[j] = test.pixel(image, j) / 255f;
        contrast.apply(target, 0, d, grey);
        blit(g, grey, false, x, layout.y(band, 0));
        drawOutputRows(g, band, column, x);
    }

    /** Rows 1… of a column: each run's reconstruction or error map, or a grey cell while it has none; target holds the original. */
    private void drawOutputRows(GraphicsContext g, int band, int column, double x) {
        int d = test.imageSize(), slot = grid.previewSlot(band, column);
        for (int r = 1; r < rows.size(); r++) {
            DigitRows.Row row = rows.get(r);
            Preview p = row.run() < sources.size() ? sources.get(row.run()).preview() : null;
            if (p == null || slot < 0 || slot >= p.count()) {
                g.setFill(Color.rgb(235, 235, 235));
                g.fillRect(x - ox, layout.y(band, r) - oy, layout.cell(), layout.cell());
                continue;
            }
            if (row.kind() == Kind.OUTPUT) {
                contrast.apply(p.pixels(), slot, d, grey);
                blit(g, grey, false, x, layout.y(band, r));
            } else {
                for (int j = 0; j < d; j++) diff[j] = Math.abs(p.pixels()[slot * d + j] - target[j]);
                contrast.apply(diff, 0, d, grey);
                blit(g, grey, true, x, layout.y(band, r));
            }
        }
    }

    /** Writes the image, enlarged, at (x, y) of the panel into the canvas g draws on (which lies at ox, oy). */
    private void blit(GraphicsContext g, float[] v, boolean heat, double x, double y) {
        int s = layout.scale(), cols = test.cols(), w = cols * s, h = test.rows() * s;
        Canvas on = g.getCanvas();
        x -= ox;
        y -= oy;
        if (x < 0 || y < 0 || x + w > on.getWidth() || y + h > on.getHeight()) return;   // panel too small
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
