package aelab.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import aelab.app.model.Diagnostics.Diagnosis;
import aelab.app.model.Topic;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Diagnoses whose figures change each epoch take the new words in place; other diagnoses get new lines. */
@ExtendWith(ApplicationExtension.class)
class StatusViewTest {
    private StatusView status;

    @Start
    void start(Stage stage) {
        status = new StatusView();
        stage.setScene(new Scene(status, 400, 300));
        stage.show();
    }

    private Node line(FxRobot robot, int i) { return robot.lookup("#warnings").queryAs(javafx.scene.layout.VBox.class).getChildren().get(i); }

    private String words(FxRobot robot, int i) {
        Node n = line(robot, i);
        TextFlow flow = robot.from(n).lookup((Node x) -> x instanceof TextFlow).queryAs(TextFlow.class);
        return ((Text) flow.getChildren().get(0)).getText();
    }

    @Test
    void newFiguresReplaceTheWordsNotTheLine(FxRobot robot) {
        Diagnosis floor1 = new Diagnosis("Test BCE 0.1392 is 0.08116 above the floor", Topic.GREY_PIXELS, false);
        Diagnosis floor2 = new Diagnosis("Test BCE 0.1194 is 0.06136 above the floor", Topic.GREY_PIXELS, false);
        Diagnosis other = new Diagnosis("softmax makes the outputs sum to 1", Topic.SOFTMAX, true);
        robot.interact(() -> status.refresh(List.of(), List.of(floor1)));
        Node first = line(robot, 0);
        robot.interact(() -> status.refresh(List.of(), List.of(floor2)));
        assertSame(first, line(robot, 0), "the same diagnosis keeps its line");
        assertEquals(floor2.text(), words(robot, 0));
        robot.interact(() -> status.refresh(List.of(), List.of(other)));
        assertNotSame(first, line(robot, 0), "another diagnosis gets a line of its own");
        assertEquals("⚠ " + other.text(), words(robot, 0));
        assertEquals(List.of(other), status.diagnoses());
    }
}
