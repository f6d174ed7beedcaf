package aelab.app.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A line that changes with every frame is laid out alone; the window around it only when its height must change. */
@ExtendWith(ApplicationExtension.class)
class SteadyBoxTest {
    private Label step;
    private SteadyBox stretched, wrapping;
    private HBox row;
    private VBox column;

    @Start
    void start(Stage stage) {
        step = new Label("live · step 1");
        stretched = new SteadyBox(step);
        wrapping = SteadyBox.ofLabel(new Label("short"));
        Button tall = new Button("Play");
        tall.setMinHeight(40);   // the row is taller than the line: the HBox stretches the box
        row = new HBox(8, tall, stretched);
        column = new VBox(4, row, wrapping);
        column.setPrefWidth(200);
        stage.setScene(new Scene(column, 200, 200));
        stage.show();
    }

    @Test
    void aNewStepInAStretchedBoxLaysOutTheLineAlone(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stretched.getHeight() > step.prefHeight(-1) + 5, "the test needs a box taller than its line");
        for (String text : new String[] {"live · step 2", "live · step 3"}) {
            boolean[] asked = new boolean[1];
            robot.interact(() -> {   // looked at before the next pulse lays out what was asked
                stretched.setText(text);
                asked[0] = row.isNeedsLayout() || column.isNeedsLayout();
            });
            assertFalse(asked[0], "the row was asked for a layout by " + text);
        }
    }

    @Test
    void aLineThatWrapsToTwoAsksForRoom(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double before = wrapping.getHeight();
        robot.interact(() -> wrapping.setText("a figure long enough to need a second line in a box of this width"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(wrapping.getHeight() > before + 5, "wrapped: " + before + " → " + wrapping.getHeight());
    }
}
