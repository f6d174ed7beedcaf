package aelab.app;

import aelab.app.model.RunStatus;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** Progress of the newest run, its latest losses, how it ended, and warnings in plain words. */
final class StatusView extends VBox {
    private final ProgressBar progress = new ProgressBar(0);
    private final Label position = new Label();
    private final Label pace = new Label();
    private final Label batch = new Label();
    private final Label test = new Label();
    private final Label ending = new Label();
    private final VBox warnings = new VBox(4);
    private List<String> shownWarnings = List.of();

    StatusView() {
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
        getChildren().addAll(title, progress, position, pace, batch, test, ending, warnings);
    }

    /** FX thread, once per frame. */
    void refresh(RunStatus s, List<String> warningTexts) {
        progress.setProgress(s.progress());
        position.setText(s.position());
        pace.setText(s.pace());
        batch.setText(s.batchLosses());
        test.setText(s.testLosses());
        ending.setText(s.ending());
        if (!warningTexts.equals(shownWarnings)) {
            shownWarnings = List.copyOf(warningTexts);
            warnings.getChildren().clear();
            for (String w : shownWarnings) {
                Label l = new Label("⚠ " + w);
                l.setWrapText(true);
                l.getStyleClass().add("warning");
                warnings.getChildren().add(l);
            }
        }
    }
}
