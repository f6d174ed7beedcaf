package aelab.app;

import aelab.app.model.Contrast;
import aelab.app.model.DigitGrid;
import aelab.app.model.Run;
import aelab.data.ImageSet;
import aelab.engine.Preview;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The fixed test digits, their reconstructions and error maps, with a choice of contrast and a line
 * that describes the digit under the mouse. Redraws only when a new preview arrives, the contrast
 * changes or the panel is resized.
 */
final class ReconstructionView extends BorderPane {
    private final ObjectProperty<Contrast> contrast = new SimpleObjectProperty<>(this, "contrast", Contrast.ABSOLUTE);
    private final DigitCanvas canvas = new DigitCanvas();
    private final Label title = new Label("Reconstructions");
    private final Label hover = new Label();
    private final Tooltip tooltip = new Tooltip();
    private ImageSet test;
    private DigitGrid grid;
    private Preview shown;
    private int[] hovered;

    ReconstructionView() {
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
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, mode);
        header.setAlignment(Pos.CENTER_LEFT);
        setTop(header);
        setCenter(canvas);
        hover.getStyleClass().add("hint");
        hover.setText("Hover over a digit for its label, its BCE and MSE, and the sum of its 784 outputs.");
        setBottom(hover);
        BorderPane.setMargin(canvas, new Insets(4, 0, 4, 0));
        Tooltip.install(canvas, tooltip);
        tooltip.setShowDelay(javafx.util.Duration.millis(150));
    }

    private void initListeners() {
        contrast.addListener(o -> canvas.setContrast(contrast.get()));
        canvas.setOnMouseMoved(e -> describe(canvas.slotAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> describe(null));
    }

    /** FX thread, once per frame. */
    void refresh(ImageSet testImages, DigitGrid digits, Run latest) {
        Preview p = latest == null ? null : latest.preview();
        if (testImages != test || digits != grid) {
            test = testImages;
            grid = digits;
            canvas.setDigits(testImages, digits);
        }
        if (p != shown) {
            shown = p;
            canvas.setPreview(p);
            title.setText(p == null ? "Reconstructions"
                    : "Reconstructions of run #" + latest.id() + " · epoch " + p.epoch() + ", step " + p.step());
            describe(hovered);   // the numbers under the pointer follow the new reconstructions
        }
    }

    private void describe(int[] cell) {
        hovered = cell;
        if (cell == null || grid == null || test == null) {
            tooltip.setText("");
            return;
        }
        int image = grid.cell(cell[0], cell[1]);
        if (image < 0) return;
        String text = "Digit " + test.label(image) + " (test image " + image + ")";
        int slot = grid.previewSlot(cell[0], cell[1]);
        if (shown != null && slot >= 0 && slot < shown.count()) {
            text += String.format(Locale.ROOT, ": BCE %.4f · MSE %.4f · Σ of the 784 outputs %.2f",
                    shown.bce()[slot], shown.mse()[slot], shown.outputSum()[slot]);
        }
        hover.setText(text);
        tooltip.setText(text);
    }

    ObjectProperty<Contrast> contrastProperty() { return contrast; }

    /** The preview being shown, for tests. */
    Preview shownPreview() { return shown; }
}
