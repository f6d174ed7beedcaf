package aelab.app.view;

import aelab.app.model.Contrast;
import aelab.data.DigitGrid;
import aelab.app.model.DigitLayout;
import aelab.app.model.DigitRows;
import aelab.app.model.DigitRows.Kind;
import aelab.data.ImageSet;
import aelab.engine.Corruption;
import aelab.engine.ModelKind;
import aelab.engine.Noise;
import aelab.engine.Preview;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.stage.Window;

/**
 * Paints the digit grid: the originals, then each run's reconstructions (and error maps) below them.
 * Each image is enlarged by a whole factor here, pixel by pixel, into a frame of the screen's own
 * pixels (twice the window's units on a HiDPI screen at 200 %), which is drawn unsmoothed onto the
 * canvas one frame pixel to one screen pixel: every pixel is a sharp square. (Pixels written into the
 * canvas itself are in window units, which JavaFX enlarges, smoothing them, on a HiDPI screen.)
 */
public final class DigitCanvas extends Region {
    /** One run's reconstructions with the name, settings and colour of its rows; preview may be null (not yet). */
    /** A run's rows: its preview, its name and details in the row names, its colour; its kind and noise pick its extra rows. */
    public record Source(Preview preview, String name, List<String> details, Color colour, ModelKind kind, Noise noise) {
        public Source(Preview preview, String name, List<String> details, Color colour) {
            this(preview, name, details, colour, ModelKind.PLAIN, null);
        }
    }

    private final Canvas canvas = new Canvas();
    private Contrast contrast = Contrast.ABSOLUTE;
    private ImageSet test;
    private DigitGrid grid;
    private List<Source> sources = List.of();
    private boolean errors = true;
    private String[] bandNames;
    private DigitRows rows = DigitRows.of(1, true, 1);
    private DigitLayout layout;
    private int[] frame = new int[0];     // (frameHeight, frameWidth): the digits in device pixels
    private WritableImage frameImage;
    private double outputScale = 1;
    private float[] grey, diff, target;
    private long wholeDraws, outputDraws;
    // Over each band's rows after its originals: a new preview is shown there, so JavaFX repaints these rows alone.
    private final List<OutputLayer> layers = new java.util.ArrayList<>();

    public DigitCanvas() {
        getChildren().add(canvas);
        setMinSize(200, 120);
        // Opaque, so that JavaFX repaints a redrawn panel from here up, not from the split pane's layered background below it.
        setBackground(new Background(new BackgroundFill(Color.WHITE, null, null)));
        // a window moved to a screen of another scale (or a scale set by hand) redraws at the new one
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) scene.windowProperty().addListener((p, before, window) -> watch(window));
            if (scene != null) watch(scene.getWindow());
        });
    }

    private void watch(Window window) {
        if (window != null) window.renderScaleXProperty().addListener(o -> requestLayout());
    }

    /** The scale the window is drawn at: device pixels per unit, 1 off screen. */
    private double renderScale() {
        Window w = getScene() == null ? null : getScene().getWindow();
        return w == null ? 1 : Math.max(1, w.getRenderScaleX());
    }

    /** Width and height of the frame the digits are drawn in, in device pixels; for tests. */
    int[] frameSize() {
        return frameImage == null ? new int[2] : new int[] {(int) frameImage.getWidth(), (int) frameImage.getHeight()};
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
     * reconstruction and error rows are drawn again into the frame: the originals stay.
     */
    public void setSources(List<Source> s) {
        boolean resize = s.size() != sources.size(), onlyPreviews = !resize && layout != null && frameImage != null;
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
        double w = Math.floor(getWidth()), h = Math.floor(getHeight()), scale = renderScale();
        if (canvas.getWidth() != w || canvas.getHeight() != h || scale != outputScale) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            outputScale = scale;
            draw();
        }
    }

    @Override protected double computePrefWidth(double height) { return 700; }

    /** Tall enough for the rows at twice the digits' size: more rows take more room, fewer leave it to the charts. */
    @Override protected double computePrefHeight(double width) {
        DigitRows r = DigitRows.of(kinds(), errors, grid == null ? 2 : grid.bands());
        int side = test == null ? 28 : test.rows(), columns = grid == null ? 10 : grid.columns();
        return new DigitLayout(columns, r.bands(), r.size(), side, 2, DigitLayout.LABELS, 0, 0).height() + 8;
    }

    /** x of the column, y of its original and of its first reconstruction row, in the band; for tests. */
    int[] cellCorners(int band, int column) {
        return new int[] {(int) layout.x(column), (int) layout.y(band, 0), (int) layout.y(band, 1)};
    }

    /** Times the whole panel was drawn, and times only its reconstruction rows were; for tests. */
    long wholeDraws() { return wholeDraws; }

    long outputDraws() { return outputDraws; }

    /** The last frame of device pixels, for tests. */
    WritableImage frameForTests() { return frameImage; }

    /** Where the digits were drawn last, for tests. */
    DigitLayout layoutForTests() { return layout; }

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

    private List<ModelKind> kinds() { return sources.stream().map(Source::kind).toList(); }

    /** How many rows are drawn; for tests. */
    int rowCount() { return rows.size(); }

    /** What is drawn in row r: the originals, or a run's output or error. */
    DigitRows.Row row(int r) { return rows.get(r); }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (test == null || grid == null || canvas.getWidth() < 10) {
            layout = null;
            for (OutputLayer l : layers) l.place(0, 0, 0, 0, 1);
            return;
        }
        g.setImageSmoothing(false);   // the frame is drawn pixel for pixel: nothing to smooth, nothing blurred
        wholeDraws++;
        rows = DigitRows.of(kinds(), errors, grid.bands());
        layout = DigitLayout.fit(canvas.getWidth(), canvas.getHeight(), grid.columns(), rows.bands(), rows.size(),
                test.rows(), DigitLayout.LABELS, outputScale);
        int fw = layout.device(canvas.getWidth()), fh = layout.device(canvas.getHeight());
        // a new image each draw: the renderer thread may still be reading the last one
        frameImage = new WritableImage(fw, fh);
        if (frame.length != fw * fh) frame = new int[fw * fh];
        java.util.Arrays.fill(frame, 0xFFFFFFFF);
        for (int b = 0; b < rows.bands(); b++)
            for (int c = 0; c < grid.columns(); c++) drawColumn(b, c);
        show(g);
        placeOutputs();
    }

    /** A layer for new previews over each band's rows after its originals, hidden until a preview comes. */
    private void placeOutputs() {
        int last = rows.size() - 1, fw = (int) frameImage.getWidth(), fh = (int) frameImage.getHeight();
        while (layers.size() < rows.bands()) {
            OutputLayer l = new OutputLayer();
            layers.add(l);
            getChildren().add(l);
        }
        int x0 = Math.max(0, layout.device(Math.floor(layout.x(0))));
        int x1 = Math.min(fw, layout.device(Math.ceil(layout.x(grid.columns() - 1) + layout.cell())));
        for (int b = 0; b < layers.size(); b++) {
            if (b >= rows.bands() || last < 1) {
                layers.get(b).place(0, 0, 0, 0, 1);
                continue;
            }
            int y0 = Math.max(0, layout.device(Math.floor(layout.y(b, 1))));
            int y1 = Math.min(fh, layout.device(Math.ceil(layout.y(b, last) + layout.cell())));
            layers.get(b).place(x0, y0, x1 - x0, y1 - y0, outputScale);
        }
    }

    /** The frame onto the canvas, and the row names over it. */
    private void show(GraphicsContext g) {
        int fw = (int) frameImage.getWidth(), fh = (int) frameImage.getHeight();
        frameImage.getPixelWriter().setPixels(0, 0, fw, fh, PixelFormat.getIntArgbInstance(), frame, 0, fw);
        g.drawImage(frameImage, 0, 0, canvas.getWidth(), canvas.getHeight());
        for (int b = 0; b < rows.bands(); b++) drawRowNames(g, b);
    }

    /** The rows after the originals, every column of every band: what a new preview changes. */
    private void drawOutputs() {
        if (test == null || grid == null || layout == null || frameImage == null) return;
        int d = test.imageSize(), side = test.rows() * layout.scale();
        for (int b = 0; b < rows.bands(); b++)
            for (int c = 0; c < grid.columns(); c++) {
                int image = grid.cell(b, c);
                if (image < 0) continue;
                for (int j = 0; j < d; j++) target[j] = test.pixel(image, j) / 255f;
                for (int r = 1; r < rows.size(); r++)
                    fill(layout.device(layout.x(c)), layout.device(layout.y(b, r)), side, 0xFFEBEBEB);
                drawOutputRows(b, c, layout.x(c));
            }
        // Only the frame's rows under the layers go to the screen, device pixel for device pixel.
        int fw = (int) frameImage.getWidth();
        for (OutputLayer l : layers) l.show(frame, fw);
        outputDraws++;
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

    private void drawColumn(int band, int column) {
        int image = grid.cell(band, column);
        double x = layout.x(column);
        int side = test.rows() * layout.scale();
        for (int r = 0; r < rows.size(); r++) fill(layout.device(x), layout.device(layout.y(band, r)), side, 0xFFEBEBEB);
        if (image < 0) return;
        int d = test.imageSize();
        for (int j = 0; j < d; j++) target[j] = test.pixel(image, j) / 255f;
        contrast.apply(target, 0, d, grey);
        blit(grey, false, x, layout.y(band, 0));
        drawOutputRows(band, column, x);
    }

    /** Rows 1… of a column: each run's reconstruction or error map (cells left grey while it has none); target holds the original. */
    private void drawOutputRows(int band, int column, double x) {
        int d = test.imageSize(), slot = grid.previewSlot(band, column);
        for (int r = 1; r < rows.size(); r++) {
            DigitRows.Row row = rows.get(r);
            Preview p = row.run() < sources.size() ? sources.get(row.run()).preview() : null;
            if (p == null || slot < 0 || slot >= p.count()) continue;
            if (grid.cell(band, column) < 0) continue;
            if (row.kind() == Kind.OUTPUT) {
                contrast.apply(p.pixels(), slot, d, grey);
                blit(grey, false, x, layout.y(band, r));
            } else if (row.kind() == Kind.NOISY) {
                Noise noise = sources.get(row.run()).noise();
                if (noise == null) continue;
                contrast.apply(Corruption.testInput(noise, test.pixels(), grid.cell(band, column), d), 0, d, grey);
                blit(grey, false, x, layout.y(band, r));
            } else if (row.kind() == Kind.SAMPLES) {
                int sample = band * grid.columns() + column;   // the draws fill the row, whatever the digits above
                if (sample >= p.sampleCount()) continue;
                contrast.apply(p.samples(), sample, d, grey);
                blit(grey, false, x, layout.y(band, r));
            } else if (row.kind() == Kind.CODE) {
                if (p.codes() == null) continue;
                aelab.app.model.CodePicture.draw(p.codes(), slot, p.codes().length / p.count(), test.rows(), test.cols(), grey);
                blit(grey, true, x, layout.y(band, r));
            } else {
                for (int j = 0; j < d; j++) diff[j] = Math.abs(p.pixels()[slot * d + j] - target[j]);
                contrast.apply(diff, 0, d, grey);
                blit(grey, true, x, layout.y(band, r));
            }
        }
    }

    /** A square of one colour in the frame, clipped to it. */
    private void fill(int x, int y, int side, int colour) {
        int fw = (int) frameImage.getWidth(), fh = (int) frameImage.getHeight();
        for (int py = Math.max(0, y); py < Math.min(fh, y + side); py++)
            java.util.Arrays.fill(frame, py * fw + Math.max(0, x), py * fw + Math.min(fw, x + side), colour);
    }

    /**
     * One image enlarged by the layout's whole scale into the frame, at (x, y) in window units: each image
     * line's colours once, then written s times s wide and repeated s lines down.
     */
    private void blit(float[] v, boolean heat, double x, double y) {
        int s = layout.scale(), cols = test.cols(), w = cols * s, h = test.rows() * s;
        int fw = (int) frameImage.getWidth(), fh = (int) frameImage.getHeight();
        int dx = layout.device(x), dy = layout.device(y);
        if (dx < 0 || dy < 0 || dx + w > fw || dy + h > fh) return;   // panel too small
        for (int iy = 0; iy < test.rows(); iy++) {
            int at = (dy + iy * s) * fw + dx;
            for (int ix = 0; ix < cols; ix++) {
                float value = v[iy * cols + ix];
                java.util.Arrays.fill(frame, at + ix * s, at + ix * s + s, heat ? heat(value) : grey(value));
            }
            for (int k = 1; k < s; k++) System.arraycopy(frame, at, frame, at + k * fw, w);
        }
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
