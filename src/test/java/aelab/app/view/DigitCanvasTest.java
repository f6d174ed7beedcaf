package aelab.app.view;

import aelab.data.DigitGrid;
import aelab.data.ImageSet;
import aelab.engine.Preview;

import java.util.Arrays;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new preview redraws only the reconstruction rows, and they show it; anything else redraws the panel. */
@ExtendWith(ApplicationExtension.class)
class DigitCanvasTest {
    private DigitCanvas canvas;
    // Ten 28 × 28 digits, one per class, all black: a reconstruction's grey level is plain to see.
    private final ImageSet test = new ImageSet(10, 28, 28, new byte[10 * 784], new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    private final DigitGrid grid = DigitGrid.firstOfEachClass(test, 10, 1);

    @Start
    void start(Stage stage) {
        canvas = new DigitCanvas();
        stage.setScene(new Scene(canvas, 700, 300));
        stage.show();
    }

    /** Every digit reconstructed as the same grey. */
    private Preview grey(float level, long step) {
        int n = grid.indices().length;
        float[] pixels = new float[n * 784];
        Arrays.fill(pixels, level);
        return new Preview(step, 1, grid.indices(), 28, pixels, new double[n], new double[n], new double[n]);
    }

    private DigitCanvas.Source source(Preview p) {
        return new DigitCanvas.Source(p, "#1", List.of("sigmoid + bce"), Color.BLUE);
    }

    @Test
    void aNewPreviewRedrawsTheReconstructionRowsOnly(FxRobot robot) {
        robot.interact(() -> {
            canvas.setDigits(test, grid);
            canvas.setSources(List.of(source(grey(0.2f, 1))));
        });
        long whole = canvas.wholeDraws(), rows = canvas.outputDraws();
        robot.interact(() -> canvas.setSources(List.of(source(grey(0.8f, 2)))));
        assertEquals(whole, canvas.wholeDraws(), "the originals and names stay");
        assertEquals(rows + 1, canvas.outputDraws());
        WritableImage shot = snapshot(robot);
        int[] cell = canvasCell(robot);
        // the reconstruction row shows the new grey (0.8 · 255 = 204), the original row stays black
        Color output = shot.getPixelReader().getColor(cell[0] + 5, cell[2] + 5);
        Color original = shot.getPixelReader().getColor(cell[0] + 5, cell[1] + 5);
        assertEquals(0.8, output.getRed(), 0.01, "the new reconstruction is drawn");
        assertEquals(0.0, original.getRed(), 0.01, "the original is still there");

        robot.interact(() -> canvas.setSources(List.of(new DigitCanvas.Source(grey(0.5f, 3), "#2", List.of(), Color.RED))));
        assertEquals(whole + 1, canvas.wholeDraws(), "another run: its name and colour, so the panel is drawn whole");
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = canvas.snapshot(null, null));
        return out[0];
    }

    /** x of the first column, y of its original and of its reconstruction, from the canvas's layout. */
    private int[] canvasCell(FxRobot robot) {
        int[][] out = new int[1][];
        robot.interact(() -> out[0] = canvas.cellCorners(0, 0));
        assertTrue(out[0][2] > out[0][1], "the reconstruction row below the originals");
        return out[0];
    }
}
