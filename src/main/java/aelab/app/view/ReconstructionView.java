package aelab.app.view;

import aelab.app.chart.Palette;
import aelab.app.model.Contrast;
import aelab.app.model.DigitLayout;
import aelab.data.ClassNames;
import aelab.data.DigitGrid;
import aelab.app.model.DigitRows;
import aelab.app.model.Run;
import aelab.app.model.Scrubber;
import aelab.data.ImageSet;
import aelab.engine.Preview;
import aelab.engine.Scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.input.KeyCode;

/**
 * The fixed test digits with, below them, the reconstructions (and error maps) of the newest run, or
 * of every run trained side by side, one row each; a choice of contrast and a line that describes the
 * digit under the mouse. Error maps are on demand: on by default for one run, off for several (whose rows
 * would otherwise be small), each remembered. Redraws only when a new preview arrives, a choice changes or
 * the panel is resized.
 */
public final class ReconstructionView extends BorderPane {
    /** The width ten MNIST digits take at twice their size beside their row names: what the panel wants. */
    public static final double WIDE = atScale(2);
    private final ObjectProperty<Contrast> contrast = new SimpleObjectProperty<>(this, "contrast", Contrast.ABSOLUTE);
    private final CheckBox errorMaps = new CheckBox("error maps");
    private final DigitCanvas canvas = new DigitCanvas();
    private final Label title = new Label("Reconstructions");
    private final SteadyBox titleBox = SteadyBox.ofLabel(title);
    private final Label hover = new Label();
    private static final String HOVER_HINT = "Hover over an image for its label, its BCE and MSE, and the sum of its outputs.";
    private ClassNames classes = ClassNames.UNKNOWN;
    private final Tooltip tooltip = new Tooltip();
    private final Scrubber scrubber = new Scrubber();
    private final TimelineBar timeline = new TimelineBar(scrubber);
    private Runnable onMoved = () -> { };
    private ImageSet test;
    private DigitGrid grid;
    private List<Run> runs = List.of();
    private List<Preview> shown = List.of();
    private int[] hovered;
    private boolean errorsAlone = true, errorsSideBySide;

    public ReconstructionView() {
        setId("reconstructions");
        createView();
        initListeners();
    }

    private void createView() {
        title.getStyleClass().add("section-title");
        Choice<Contrast> mode = new Choice<>("contrast", contrast, List.of(Contrast.values()), Contrast::toString,
                c -> c == Contrast.ABSOLUTE
                        ? "Grey levels as the network outputs them: 0 is black, 1 is white"
                        : "Each image's darkest pixel black and brightest white: shows the shape of a faint "
                          + "reconstruction (softmax spreads a total of 1 over 784 pixels)");
        errorMaps.setId("error-maps");
        errorMaps.setSelected(true);
        errorMaps.setTooltip(new Tooltip("Show under each reconstruction where it differs from the original: "
                + "dark is close, bright is far off"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, titleBox, spacer, errorMaps, mode);
        // a narrow window wraps the title, never shortens it or the controls; its step changes every frame
        // without laying out the window (SteadyBox)
        HBox.setHgrow(titleBox, Priority.SOMETIMES);
        errorMaps.setMinWidth(Region.USE_PREF_SIZE);
        mode.setMinWidth(Region.USE_PREF_SIZE);
        header.setAlignment(Pos.CENTER_LEFT);
        setTop(header);
        setCenter(canvas);
        canvas.setMinWidth(atScale(1));   // every column whole, if small: never a digit cut off
        fitMinHeight();
        hover.setId("digit-hover");
        hover.getStyleClass().add("hint");
        hover.setWrapText(true);
        hover.setText(HOVER_HINT);
        setBottom(new VBox(4, timeline, hover));
        BorderPane.setMargin(canvas, new Insets(4, 0, 4, 0));
        Tooltip.install(canvas, tooltip);
        tooltip.setShowDelay(javafx.util.Duration.millis(150));
    }

    /** Never shorter than the rows shown at 1×: a short window makes the digits small, never cuts a row off. */
    private void fitMinHeight() {
        DigitRows r = DigitRows.of(runs.stream().map(x -> x.config().kind()).toList(), errorMaps.isSelected(), grid == null ? 2 : grid.bands());
        int side = test == null ? 28 : test.rows(), columns = grid == null ? 10 : grid.columns();
        double least = new DigitLayout(columns, r.bands(), r.size(), side, 1, DigitLayout.LABELS, 0, 0).height() + 2;
        // Region.setMinHeight asks the parent for a layout even when the value is the same, and this runs every frame
        if (canvas.getMinHeight() != least) canvas.setMinHeight(least);
    }

    /** The rows and bands of digits shown, as "3×2": what the room the panel wants depends on. */
    public String rowsShown() {
        DigitRows r = DigitRows.of(runs.size(), errorMaps.isSelected(), grid == null ? 2 : grid.bands());
        return r.size() + "×" + r.bands();
    }

    /**
     * The height this panel needs at this width for its digits at {@code scale} units a pixel, or
     * infinity when that scale does not fit the width: what the window gives it when there is room.
     */
    public double heightAt(double width, int scale) {
        DigitRows r = DigitRows.of(runs.stream().map(x -> x.config().kind()).toList(), errorMaps.isSelected(), grid == null ? 2 : grid.bands());
        int side = test == null ? 28 : test.rows(), columns = grid == null ? 10 : grid.columns();
        DigitLayout l = new DigitLayout(columns, r.bands(), r.size(), side, scale, DigitLayout.LABELS, 0, 0);
        if (l.width() > width) return Double.POSITIVE_INFINITY;
        Insets margin = BorderPane.getMargin(canvas);
        // as laid out when taller: a wrapped title's preferred height is not always asked at its real width
        double chrome = Math.max(getTop().prefHeight(width), getTop().getLayoutBounds().getHeight())
                + Math.max(getBottom().prefHeight(width), getBottom().getLayoutBounds().getHeight());
        return chrome + l.height() + 4 + (margin == null ? 0 : margin.getTop() + margin.getBottom());
    }

    private static double atScale(int scale) {
        return new DigitLayout(10, 1, DigitLayout.ROWS, 28, scale, DigitLayout.LABELS, 0, 0).width();
    }

    private void initListeners() {
        contrast.addListener(o -> canvas.setContrast(contrast.get()));
        errorMaps.selectedProperty().addListener(o -> {
            if (runs.size() > 1) errorsSideBySide = errorMaps.isSelected();
            else errorsAlone = errorMaps.isSelected();
            canvas.setErrors(errorMaps.isSelected());
            fitMinHeight();
        });
        canvas.setOnMouseMoved(e -> describe(canvas.slotAt(e.getX(), e.getY())));
        timeline.setOnMoved(() -> {
            show(runs);
            onMoved.run();
        });
        // the arrow keys step through the snapshots from the digits too (click them to give them the keys)
        canvas.setFocusTraversable(false);
        canvas.setOnMouseClicked(e -> canvas.requestFocus());
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
                timeline.step(e.getCode() == KeyCode.LEFT ? -1 : 1);
                e.consume();
            }
        });
        canvas.setOnMouseExited(e -> describe(null));
    }

    /**
     * FX thread, once per frame: the runs to show, oldest first (the newest run, or a side-by-side group).
     * Whether the digits drawn changed.
     */
    public boolean refresh(ImageSet testImages, DigitGrid digits, List<Run> newest) {
        List<Preview> before = shown;
        boolean data = testImages != test || digits != grid;
        if (testImages != test || digits != grid) {
            test = testImages;
            grid = digits;
            classes = testImages == null ? ClassNames.UNKNOWN : ClassNames.of(testImages);
            canvas.setDigits(testImages, digits);
        }
        boolean others = !newest.isEmpty() && newest.stream().noneMatch(runs::contains);
        scrubber.update(newest);
        if (others) timeline.followLive();   // new runs (Start, Open): follow them from where they are
        show(newest);
        return data || shown != before;
    }

    /** Draws what the scrubber says each run shows, when it differs from what is drawn. */
    private void show(List<Run> newest) {
        List<Preview> previews = newest.stream().map(scrubber::previewOf).toList();
        timeline.refresh(previews.isEmpty() ? null : previews.get(previews.size() - 1));
        if (newest.equals(runs) && samePreviews(previews)) return;
        boolean modeChanged = newest.size() > 1 != runs.size() > 1;
        runs = List.copyOf(newest);
        if (modeChanged) errorMaps.setSelected(runs.size() > 1 ? errorsSideBySide : errorsAlone);
        shown = previews;
        List<DigitCanvas.Source> sources = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            String scale = r.config().scale() == Scale.UNIT ? "[0,1]" : "raw 0–255";
            List<String> details = new ArrayList<>();
            String parameter = switch (r.config().kind()) {   // short: the row names' column is narrow
                case PLAIN -> "";
                case DENOISING -> r.config().noise().toString();
                case SPARSE -> "λ " + aelab.engine.Settings.L1.text(r.config());
                case VAE -> "β " + aelab.engine.Settings.BETA.text(r.config());
            };
            if (!parameter.isEmpty()) details.add(parameter);
            details.addAll(List.of(r.config().output() + " + " + r.config().loss(), scale));
            sources.add(new DigitCanvas.Source(previews.get(i), "#" + r.id(), List.copyOf(details), Palette.fx(r.colour()),
                    r.config().kind(), r.config().noise()));
        }
        canvas.setSources(sources);
        fitMinHeight();
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        Preview p = last == null ? null : previews.get(previews.size() - 1);
        String whose = runs.size() == 1 ? "run #" + last.id()
                : "runs " + String.join(", ", runs.stream().map(r -> "#" + r.id()).toList());
        // the step is said once, under the digits (TimelineBar): here it would be one more line repainted every frame
        titleBox.setText(p == null ? "Reconstructions" : "Reconstructions of " + whose + " · epoch " + p.epoch());
        describe(hovered);   // the numbers under the pointer follow the new reconstructions
    }

    private boolean samePreviews(List<Preview> previews) {
        if (previews.size() != shown.size()) return false;
        for (int i = 0; i < previews.size(); i++) if (previews.get(i) != shown.get(i)) return false;
        return true;
    }

    private void describe(int[] cell) {
        hovered = cell;
        if (cell == null || grid == null || test == null) {
            tooltip.setText("");
            hover.setText(HOVER_HINT);   // never the figures of a digit or run no longer under the pointer
            return;
        }
        int image = grid.cell(cell[0], cell[1]);
        if (image < 0) {
            describe(null);
            return;
        }
        DigitRows.Row row = canvas.row(cell[2]);
        String said = switch (row.kind()) {
            case SAMPLES -> "A VAE's picture of a random code z ~ N(0, I), decoded: a digit no test image gave";
            case NOISY -> "The noisy input the denoising run gets for " + classes.title(test.label(image)).toLowerCase(Locale.ROOT)
                    + " (test image " + image + "), a fixed draw of " + runs.get(row.run()).config().noise().describe();
            case CODE -> "The sparse run's code of test image " + image + ": one block per code unit, bright where |code| is large";
            default -> null;
        };
        if (said != null && row.run() < runs.size()) {
            hover.setText(said);
            tooltip.setText(said);
            return;
        }
        StringBuilder text = new StringBuilder(classes.title(test.label(image)) + " (test image " + image + ")");
        int slot = grid.previewSlot(cell[0], cell[1]);
        for (int i = 0; i < runs.size(); i++) {
            Preview p = i < shown.size() ? shown.get(i) : null;
            if (p == null || slot < 0 || slot >= p.count() || (row.run() >= 0 && row.run() != i)) continue;
            text.append(runs.size() == 1 ? ": " : "; #" + runs.get(i).id() + ": ");
            text.append(String.format(Locale.ROOT, "BCE %.4f · MSE %.4f · Σ of the 784 outputs %.2f",
                    p.bce()[slot], p.mse()[slot], p.outputSum()[slot]));
        }
        hover.setText(text.toString());
        tooltip.setText(text.toString());
    }

    public ObjectProperty<Contrast> contrastProperty() { return contrast; }

    /** The line under the digits that says what is under the pointer; for tests. */
    public String hoverText() { return hover.getText(); }

    /** Says what is at a cell (column, row, drawn row) of the digits, as the pointer there does; null: nothing. For tests. */
    public void hoverOver(int[] cell) { describe(cell); }

    /** Called after the scrubber moved (drag, arrow keys, Play, Live), once the digits are redrawn. */
    public void setOnMoved(Runnable r) { onMoved = r; }

    /** Where the scrubber stands in epochs (the charts' x), or NaN while following training live. */
    public double scrubbedPosition() { return scrubber.position(); }

    /** The scrubber's bar, for tests and for the window's shortcuts. */
    public TimelineBar timeline() { return timeline; }

    /** The newest run's preview being shown, for tests. */
    public Preview shownPreview() { return shown.isEmpty() ? null : shown.get(shown.size() - 1); }

    /** Every shown run's preview being drawn, oldest run first; for tests. */
    public List<Preview> shownPreviews() { return shown; }

    /** Device pixels a digit's pixel takes (0 before the first draw), for tests. */
    public int digitScale() { return canvas.layoutForTests() == null ? 0 : canvas.layoutForTests().scale(); }

    /** Rows of reconstructions drawn (one per run shown once it has sent some), for tests. */
    public int outputRows() { return canvas.filledOutputRows(); }

    /** What each row of the digit panel shows (originals, a run's noisy inputs, outputs, …); for tests. */
    public List<aelab.app.model.DigitRows.Kind> rowKinds() {
        List<aelab.app.model.DigitRows.Kind> k = new ArrayList<>();
        for (int r = 0; canvas.layoutForTests() != null && r < canvas.rowCount(); r++) k.add(canvas.row(r).kind());
        return k;
    }
}
