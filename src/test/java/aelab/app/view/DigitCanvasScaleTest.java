package aelab.app.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aelab.data.Dataset;
import aelab.data.DigitGrid;
import aelab.data.ImageSet;

import java.util.concurrent.Callable;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * HiDPI: the digits are drawn in the screen's own pixels. A window rendered at twice its units (a desktop
 * at 200 %, GDK_SCALE=2) gets a frame of twice the canvas's width and height, and the digits' scale
 * counts those device pixels.
 */
@ExtendWith(ApplicationExtension.class)
class DigitCanvasScaleTest {
    private DigitCanvas canvas;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        ImageSet test = Dataset.loadBundledMnist().test();
        canvas = new DigitCanvas();
        canvas.setDigits(test, DigitGrid.shown(test));
        stage.setScene(new Scene(new StackPane(canvas), 683, 400));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @Test
    void theFrameFollowsTheWindowsRenderScale() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        int[] one = fx(canvas::frameSize);
        assertArrayEquals(new int[] {683, 400}, one, "at 1: one frame pixel per unit");
        fx(() -> {
            stage.setRenderScaleX(2);
            stage.setRenderScaleY(2);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            canvas.layout();
            return null;
        });
        assertArrayEquals(new int[] {1366, 800}, fx(canvas::frameSize), "at 2: two frame pixels per unit each way");
    }

    @Test
    void atTwiceTheScaleAnImagePixelIsAWholeSquareOfDevicePixels() throws Exception {
        fx(() -> {
            stage.setRenderScaleX(2);
            stage.setRenderScaleY(2);
            canvas.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // 683 units: 2 units (4 device pixels) an image pixel, as at 1×, but each a 4 × 4 square of screen pixels.
        // (A snapshot cannot show it here: the headless screens are at 1, so JavaFX keeps the canvas at 1.)
        WritableImage snap = fx(canvas::frameForTests);
        assertEquals(1366, (int) snap.getWidth());
        var layout = fx(canvas::layoutForTests);
        int x0 = layout.device(layout.x(0)), y0 = layout.device(layout.y(0, 0)), s = layout.scale();
        assertEquals(4, s);
        var pixels = snap.getPixelReader();
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int by = 0; by < 28; by++)
            for (int bx = 0; bx < 28; bx++) {
                int c = pixels.getArgb(x0 + bx * s, y0 + by * s);
                colours.add(c);
                for (int dy = 0; dy < s; dy++)
                    for (int dx = 0; dx < s; dx++)
                        assertEquals(c, pixels.getArgb(x0 + bx * s + dx, y0 + by * s + dy),
                                "image pixel (" + bx + ", " + by + ") is one colour");
            }
        org.junit.jupiter.api.Assertions.assertTrue(colours.size() > 10, "a digit, not an empty cell: " + colours.size());
    }
}
