package aelab.app.view;

import aelab.app.model.Diagnostics.Diagnosis;
import aelab.app.model.RunStatus;
import aelab.app.model.Topic;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Progress of the newest run, its latest losses, how it ended, and diagnoses in plain words, each
 * with a "why?" link into the explainer.
 */
public final class StatusView extends VBox {
    private final ProgressBar progress = new ProgressBar(0);
    private final Label position = new Label();
    private final Label pace = new Label();
    private final Label batch = new Label();
    private final Label test = new Label();
    private final Label ending = new Label();
    private final VBox warnings = new VBox(4);
    private List<Diagnosis> shownDiagnoses = List.of();
    private Consumer<Topic> onWhy = t -> { };

    public StatusView() {
        super(5);
        setId("status");
        createView();
    }

    private void createView() {
        Label title = new Label("Status");
        title.getStyleClass().add("section-title");
        progress.setId("progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setTooltip(new javafx.scene.control.Tooltip("How much of the newest run is done"));
        position.setId("position");
        pace.setId("pace");
        batch.setId("batch-losses");
        test.setId("test-losses");
        ending.setId("ending");
        warnings.setId("warnings");
        for (Label l : new Label[] {position, pace, batch, test, ending}) {
            l.setWrapText(true);
            l.managedProperty().bind(l.textProperty().isNotEmpty());   // an empty line takes no room
        }
        ending.getStyleClass().add("ending");
        ScrollPane scroll = new ScrollPane(warnings);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("diagnoses");
        scroll.setPrefViewportHeight(100);   // grows into whatever height the digits beside it take
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, progress, position, pace, batch, test, ending, scroll);
    }

    /** What a "why?" link does: opens the explainer at the topic. */
    public void setOnWhy(Consumer<Topic> action) { onWhy = action; }

    /** FX thread, once per frame. */
    public void refresh(RunStatus s, List<Diagnosis> diagnoses) {
        if (progress.getProgress() != s.progress()) progress.setProgress(s.progress());
        show(position, s.position());
        show(pace, s.pace());
        show(batch, s.batchLosses());
        show(test, s.testLosses());
        show(ending, s.ending());
        if (!diagnoses.equals(shownDiagnoses)) {
            shownDiagnoses = List.copyOf(diagnoses);
            warnings.getChildren().clear();
            for (Diagnosis d : shownDiagnoses) warnings.getChildren().add(line(d));
        }
    }

    /** Sets a label's text only when it differs: even an equal new string would cost a layout pass. */
    private static void show(Label label, String text) {
        if (!text.equals(label.getText())) label.setText(text);
    }

    private TextFlow line(Diagnosis d) {
        TextFlow flow = new TextFlow(new Text((d.warning() ? "⚠ " : "") + d.text()));
        flow.getStyleClass().add(d.warning() ? "warning" : "information");
        if (d.topic() != null) {
            Hyperlink why = new Hyperlink("why?");
            why.setId("why-" + d.topic().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            why.setOnAction(e -> onWhy.accept(d.topic()));
            why.setPadding(new javafx.geometry.Insets(0, 0, 0, 4));
            flow.getChildren().add(why);
        }
        return flow;
    }

    /** The diagnoses shown, for tests. */
    List<Diagnosis> diagnoses() { return shownDiagnoses; }
}
