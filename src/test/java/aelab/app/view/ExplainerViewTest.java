package aelab.app.view;

import aelab.app.AutoencoderLabApp;
import aelab.app.WindowFixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.Topic;
import aelab.engine.Entropy;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ExplainerViewTest {
    private ExplainerView view;

    @Start
    void start(Stage stage) {
        view = new ExplainerView();
        Scene scene = new Scene(view, 1300, 800);
        scene.getStylesheets().add(AutoencoderLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theMarkedMinimumFollowsTheSliderAndIsTheEntropy(FxRobot robot) throws Exception {
        robot.interact(() -> view.target().setValue(0.3));
        assertArrayEquals(new double[] {0.3, Entropy.of(0.3)}, view.markedMinimum(), 1e-12);
        assertTrue(view.readoutText().contains("H(y) = 0.611 > 0"), view.readoutText());
        robot.clickOn("#target-white1");
        assertArrayEquals(new double[] {1, 0}, view.markedMinimum(), 0);
        assertTrue(view.readoutText().contains("BCE can reach 0"), view.readoutText());
        WindowFixture.save(view, "explainer.png");
    }

    @Test
    void pastOneThereIsNoMinimumToMark(FxRobot robot) {
        robot.clickOn("#target-past1");
        assertNull(view.markedMinimum());
        assertTrue(view.readoutText().startsWith("y = 1.50 is outside [0,1]"), view.readoutText());
    }

    @Test
    void aTopicOpensItsTextAndSetsItsTellingTarget(FxRobot robot) {
        robot.interact(() -> view.show(Topic.SOFTMAX));
        assertEquals(Topic.SOFTMAX, view.expanded());
        assertEquals(1.0, view.target().getValue(), 0);
        robot.interact(() -> view.show(Topic.DEAD_RELU));   // no telling target: the slider stays
        assertEquals(Topic.DEAD_RELU, view.expanded());
        assertEquals(1.0, view.target().getValue(), 0);
    }
}
