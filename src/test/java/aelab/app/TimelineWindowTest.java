package aelab.app;

import aelab.app.model.DigitLayout;
import aelab.app.model.DigitRows;
import aelab.app.model.Run;
import aelab.app.view.DigitCanvas;
import aelab.engine.Preview;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scrubber on the real window: dragging to the start shows the fresh weights' grey blobs, the
 * arrow keys step, the charts mark the moment, Play replays every snapshot and stops at the last, Live
 * follows the newest preview again.
 */
class TimelineWindowTest extends WindowFixture {
    @Override protected int trainLimit() { return 2000; }   // 20 batches of 100 an epoch

    @Test
    void scrubToTheStartStepOnPlayToTheEndThenGoLive(FxRobot robot) throws Exception {
        Run run = trained(robot, 3);
        // steps 0…8, 10, 12, 14, 17, 20, 24, 29, 35, 40, 42, 50, 60: the schedule and the three epochs’ ends
        assertEquals(21, fx(() -> run.timeline().size()));
        Slider slider = robot.lookup("#timeline-slider").queryAs(Slider.class);
        await("the slider spans every snapshot", () -> slider.getMax() == 20 && !slider.isDisabled());
        double endGrey = outputSpread(robot);

        robot.clickOn(slider);
        robot.type(KeyCode.HOME);
        await("the fresh weights shown", () -> shown().step() == 0);
        assertTrue(Double.isNaN(fx(() -> view.bceChart().cursorPosition())) == false, "the charts mark the moment");
        assertEquals(0.0, fx(() -> view.bceChart().cursorPosition()), 1e-12);
        assertEquals("step 0 · epoch 0 · snapshot 1 of 21", robot.lookup("#timeline-position").queryAs(Label.class).getText());
        // untrained, every output is about the same grey: the spread over a reconstruction is small
        double startGrey = outputSpread(robot);
        assertTrue(startGrey < 0.25 * endGrey, "fresh outputs are flat (" + startGrey + ") where trained ones show digits (" + endGrey + ")");

        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        await("two snapshots on", () -> shown().step() == 2);
        assertEquals(2.0 / 20, fx(() -> view.bceChart().cursorPosition()), 1e-12);
        assertTrue(fx(() -> view.reconstructions().timeline().isPlaying()) == false);

        robot.clickOn("#timeline-play");
        await("playing from the start", () -> view.reconstructions().timeline().isPlaying());
        await("a moment in the middle", () -> shown().step() >= 10 && shown().step() < 60);
        await("played to the end and stopped", () -> !view.reconstructions().timeline().isPlaying() && shown().step() == 60);
        assertEquals("Play", robot.lookup("#timeline-play").queryButton().getText());

        robot.clickOn("#timeline-live");
        await("live again", () -> shown() == run.preview() && Double.isNaN(view.bceChart().cursorPosition()));
        assertTrue(robot.lookup("#timeline-position").queryAs(Label.class).getText().startsWith("live · step 60"));
    }

    @Test
    void theLatentTabShowsTheCodesAfterAnyEpoch(FxRobot robot) throws Exception {
        Run run = trained(robot, 3);
        assertEquals(3, fx(() -> run.timeline().latents().size()));
        robot.clickOn("#tab-latent");
        Slider epoch = robot.lookup("#latent-epoch").queryAs(Slider.class);
        await("three epochs to choose from, the latest shown", () -> epoch.getMax() == 3 && epoch.getValue() == 3
                && !epoch.isDisabled());
        robot.clickOn(epoch);
        robot.type(KeyCode.HOME);
        await("the codes after epoch 1", () -> robot.lookup((javafx.scene.Node n) -> n instanceof Label l
                && l.getText().startsWith("Latent space of run #" + run.id() + " after epoch 1:")).tryQuery().isPresent());
        assertEquals(fx(() -> run.timeline().latents().get(0).count()), fx(() -> view.latent().pointCount()));
        robot.type(KeyCode.END);
        await("the latest again", () -> robot.lookup((javafx.scene.Node n) -> n instanceof Label l
                && l.getText().startsWith("Latent space of run #" + run.id() + " after epoch 3:")).tryQuery().isPresent());
    }

    private Preview shown() { return view.reconstructions().shownPreview(); }

    /**
     * What is drawn: the standard deviation of the grey levels inside the first reconstruction (row 1
     * of band 0, column 0), read back from the canvas as a person would see it.
     */
    private double outputSpread(FxRobot robot) throws Exception {
        DigitCanvas canvas = robot.from(robot.lookup("#reconstructions").queryAs(javafx.scene.Node.class))
                .lookup((javafx.scene.Node n) -> n instanceof DigitCanvas).queryAs(DigitCanvas.class);
        WritableImage image = fx(() -> canvas.snapshot(null, null));
        DigitRows rows = DigitRows.of(1, true, 2);
        DigitLayout l = DigitLayout.fit(Math.floor(canvas.getWidth()), Math.floor(canvas.getHeight()), 10, rows.bands(),
                rows.size(), 28, DigitLayout.LABELS);
        PixelReader px = image.getPixelReader();
        double sum = 0, sq = 0;
        int n = 0;
        int x0 = (int) l.x(0), y0 = (int) l.y(0, 1), side = (int) l.cell();
        for (int y = y0; y < y0 + side; y++)
            for (int x = x0; x < x0 + side; x++) {
                double g = px.getColor(x, y).getBrightness();
                sum += g;
                sq += g * g;
                n++;
            }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }
}
