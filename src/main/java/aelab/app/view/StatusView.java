package aelab.app.view;

import aelab.app.chart.Palette;
import aelab.app.model.Diagnostics.Diagnosis;
import aelab.app.model.Run;
import aelab.app.model.RunStatus;
import aelab.app.model.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Progress of the newest run, its latest losses, how it ended, and diagnoses in plain words, each
 * with a "why?" link into the explainer; for runs side by side, one compact line per run in its colour.
 * Narrow (beside the digits) the diagnoses come below the figures; wide (below the digits) beside them.
 */
public final class StatusView extends VBox {
    private final ProgressBar progress = new ProgressBar(0);
    private final Label position = new Label();
    private final Label pace = new Label();
    private final Label batch = new Label();
    private final Label test = new Label();
    private final Label ending = new Label();
    // The lines that change with every frame of a run, and the bar: each laid out alone (see SteadyBox).
    private final SteadyBox progressBox = new SteadyBox(progress), positionBox = SteadyBox.ofLabel(position),
            paceBox = SteadyBox.ofLabel(pace), batchBox = SteadyBox.ofLabel(batch), testBox = SteadyBox.ofLabel(test);
    private final VBox warnings = new VBox(4);
    private final VBox perRun = new VBox(3);
    private List<String> shownLines = List.of();
    private List<Integer> shownRuns = List.of();
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
        progress.setMinHeight(Region.USE_PREF_SIZE);
        progress.setTooltip(new javafx.scene.control.Tooltip("How much of the newest run is done"));
        position.setId("position");
        pace.setId("pace");
        batch.setId("batch-losses");
        test.setId("test-losses");
        ending.setId("ending");
        warnings.setId("warnings");
        ending.setWrapText(true);
        ending.setMinHeight(Region.USE_PREF_SIZE);   // a wrapped line grows, never ends in "…"
        ending.managedProperty().bind(ending.textProperty().isNotEmpty());   // an empty line takes no room
        for (SteadyBox b : new SteadyBox[] {positionBox, paceBox, batchBox, testBox}) show(b, "");
        ending.getStyleClass().add("ending");
        perRun.setId("run-lines");
        perRun.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(perRun.getChildren()));
        ScrollPane scroll = new ScrollPane(warnings);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("diagnoses");
        scroll.setPrefViewportHeight(100);   // grows into whatever height the digits beside it take
        scroll.setMinViewportHeight(40);
        scroll.setMinWidth(220);
        VBox figures = new VBox(5, progressBox, positionBox, paceBox, batchBox, testBox, perRun, ending);
        figures.setMinWidth(0);
        SideOrBelow body = new SideOrBelow(figures, scroll, 10, 300).secondGrows();
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(title, body);
    }

    /** What a "why?" link does: opens the explainer at the topic. */
    public void setOnWhy(Consumer<Topic> action) { onWhy = action; }

    /** FX thread, once per frame: the runs shown (the newest, or a side-by-side group) and their diagnoses. */
    public void refresh(List<Run> shown, List<Diagnosis> diagnoses) {
        boolean several = shown.size() > 1;
        RunStatus s = several ? RunStatus.NONE : RunStatus.of(shown.isEmpty() ? null : shown.get(0));
        double done = several ? RunStatus.progress(shown) : s.progress();
        if (progress.getProgress() != done) progress.setProgress(done);
        show(positionBox, several ? "" : s.position());
        Run going = several ? shown.stream().filter(r -> !r.isFinished()).findFirst().orElse(null) : null;
        show(paceBox, !several ? s.pace() : going == null ? "" : going.isPaused() ? "Paused — press Resume to go on"
                : going.pace().describe());
        show(batchBox, several ? "" : s.batchLosses());
        show(testBox, several ? "" : s.testLosses());
        show(ending, several ? "" : s.ending());
        List<String> lines = new ArrayList<>();
        if (several) for (Run r : shown) lines.add(RunStatus.line(r));
        if (!lines.equals(shownLines)) {
            // the same runs: their lines take the new figures in place (a new label each frame would cost its CSS)
            boolean sameRuns = lines.size() == shownLines.size() && shownRuns.equals(shown.stream().map(Run::id).toList());
            shownLines = lines;
            if (!sameRuns) {
                shownRuns = shown.stream().map(Run::id).toList();
                perRun.getChildren().clear();
                for (int i = 0; i < lines.size(); i++) {
                    Label l = new Label("", new Rectangle(10, 10, Palette.fx(shown.get(i).colour())));
                    perRun.getChildren().add(SteadyBox.ofLabel(l));
                }
            }
            for (int i = 0; i < lines.size(); i++) ((SteadyBox) perRun.getChildren().get(i)).setText(lines.get(i));
        }
        if (!diagnoses.equals(shownDiagnoses)) showDiagnoses(diagnoses);
    }

    /**
     * The same diagnoses with new figures (once an epoch: "Test BCE 0.1392 is 0.08116 above the floor") take the
     * new text in their lines, each laid out alone; other diagnoses get new lines, which cost their CSS.
     */
    private void showDiagnoses(List<Diagnosis> diagnoses) {
        boolean sameKinds = diagnoses.size() == shownDiagnoses.size();
        for (int i = 0; sameKinds && i < diagnoses.size(); i++)
            sameKinds = diagnoses.get(i).topic() == shownDiagnoses.get(i).topic()
                    && diagnoses.get(i).warning() == shownDiagnoses.get(i).warning();
        shownDiagnoses = List.copyOf(diagnoses);
        if (!sameKinds) {
            warnings.getChildren().clear();
            for (Diagnosis d : shownDiagnoses) warnings.getChildren().add(new SteadyBox(line(d)));
            return;
        }
        for (int i = 0; i < diagnoses.size(); i++) {
            SteadyBox box = (SteadyBox) warnings.getChildren().get(i);
            Text text = (Text) ((TextFlow) box.content()).getChildren().get(0);
            String said = said(diagnoses.get(i));
            if (said.equals(text.getText())) continue;
            text.setText(said);
            box.changed();   // laid out alone, unless the new figures take another line
        }
    }

    /**
     * A line's new text; an empty line takes no room. Set by hand, not bound to the text: a binding is told of
     * every new text, and telling the box's parent that its managed child "changed" lays out the window.
     */
    private static void show(SteadyBox box, String text) {
        box.setText(text);
        boolean shown = !text.isEmpty();
        if (box.isManaged() != shown) {
            box.setManaged(shown);
            box.setVisible(shown);
        }
    }

    /** Sets a label's text only when it differs: even an equal new string would cost a layout pass. */
    private static void show(Label label, String text) {
        if (!text.equals(label.getText())) label.setText(text);
    }

    private TextFlow line(Diagnosis d) {
        TextFlow flow = new TextFlow(new Text(said(d)));
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

    private static String said(Diagnosis d) { return (d.warning() ? "⚠ " : "") + d.text(); }

    /** The diagnoses shown, for tests. */
    List<Diagnosis> diagnoses() { return shownDiagnoses; }
}
