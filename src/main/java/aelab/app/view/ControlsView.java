package aelab.app.view;

import aelab.app.session.LabSession;
import aelab.app.session.LabSession.State;
import aelab.app.model.Preset;
import aelab.app.model.Shortcut;
import aelab.app.model.SettingsForm.Field;
import aelab.app.model.SettingsForm;
import aelab.engine.Activation;
import aelab.engine.Loss;
import aelab.engine.ModelKind;
import aelab.engine.OptimizerKind;
import aelab.engine.Scale;
import aelab.engine.Settings;

import java.util.List;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The left panel: run buttons, presets, the three choices the question is about, and the other settings. */
public final class ControlsView extends VBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final LabSession session;
    private final SettingsForm form;
    private final Label data = new Label();
    private final Button start = button("start", "Start", Shortcut.START.tip("Train a new model from fresh weights with these settings"));
    private final Button pause = button("pause", "Pause", Shortcut.PAUSE.tip("Pause the run after its current mini-batch; press again to resume"));
    private final Button stop = button("stop", "Stop", Shortcut.STOP.tip("End the run after its current mini-batch; its curves stay on the charts"));
    private final Button reset = button("reset", "Reset",
            "Stop and remove every run from the charts and Results; Edit › Undo (" + Shortcut.UNDO.keys() + ") puts them back. The settings stay");
    private final Button stepBatch = button("step", "Step batch",
            Shortcut.STEP.tip("Train one mini-batch, then wait, paused; from the settings it starts a new run, paused"));
    private final Button stepEpoch = button("step-epoch", "Step epoch",
            Shortcut.STEP_EPOCH.tip("Train to the end of this epoch, test set included, then wait, paused"));
    private final javafx.beans.property.ObjectProperty<aelab.app.model.Speed> speed =
            new javafx.beans.property.SimpleObjectProperty<>(aelab.app.model.Speed.FULL);
    private final GridPane fields = new GridPane();
    private final VBox header = new VBox(10);
    private final Label otherError = new Label();
    private final Tooltip note = new Tooltip();
    private final javafx.animation.PauseTransition noteTimer = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(8));
    private int row;

    public ControlsView(LabSession session) {
        super(10);
        this.session = session;
        this.form = session.form();
        setId("controls");
        createView();
        initListeners();
    }

    private void createView() {
        data.setId("data-message");
        data.setWrapText(true);
        HBox buttons = new HBox(6, start, pause, stop, reset);
        HBox steps = new HBox(6, stepBatch, stepEpoch);
        for (Button b : List.of(start, pause, stop, reset, stepBatch, stepEpoch)) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }

        HBox presets = new HBox(6), kindPresets = new HBox(6);
        for (Preset p : Preset.values()) {
            Button b = button("preset-" + p.name().toLowerCase().replace('_', '-'), p.title(), p.description());
            b.setOnAction(e -> session.applyPreset(p));
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
            (p.isKind() ? kindPresets : presets).getChildren().add(b);
        }

        Choice<Activation> output = new Choice<>("output", form.outputProperty(),
                List.of(Activation.SOFTMAX, Activation.SIGMOID, Activation.LINEAR), Activation::toString, ControlsView::explain);
        Choice<Loss> loss = new Choice<>("loss", form.lossProperty(), List.of(Loss.values()),
                l -> l.toString().toUpperCase(), ControlsView::explain);
        Choice<Scale> scale = new Choice<>("scale", form.scaleProperty(), List.of(Scale.values()),
                s -> s == Scale.UNIT ? "[0,1]" : "raw 0–255", ControlsView::explain);
        Choice<ModelKind> kind = new Choice<>("kind", form.kindProperty(), List.of(ModelKind.values()),
                ModelKind::toString, k -> ((ModelKind) k).description() + ".");
        GridPane kindParameters = new GridPane();
        kindParameters.setHgap(8);
        kindParameters.getColumnConstraints().addAll(new ColumnConstraints(90), new ColumnConstraints());
        kindParameters.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);

        fields.setHgap(8);
        fields.setVgap(2);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(90);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().addAll(names, inputs);
        addField(Field.EPOCHS);
        addField(Field.BATCH_SIZE);
        addField(Field.LEARNING_RATE);
        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.setId("optimizer");
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.valueProperty().bindBidirectional(form.optimizerProperty());
        optimizer.setTooltip(new Tooltip(Settings.OPTIMIZER.tooltip()));
        optimizer.setMaxWidth(Double.MAX_VALUE);
        addRow("Optimizer", optimizer, null);
        addField(Field.LAYERS);
        addField(Field.SEED);
        for (Field f : List.of(Field.NOISE, Field.L1, Field.BETA)) {
            // beside the kind, and shown only for the kind that reads it
            var shown = Bindings.createBooleanBinding(() -> Settings.parametersOf(form.kindProperty().get())
                    .contains(f.setting()), form.kindProperty());
            for (javafx.scene.Node n : addField(f, kindParameters)) {
                if (n.visibleProperty().isBound()) {   // the error label: shown while it has something to say
                    var says = ((Label) n).textProperty().isNotEmpty();
                    n.visibleProperty().unbind();
                    n.visibleProperty().bind(shown.and(says));
                } else {
                    n.visibleProperty().bind(shown);
                }
                n.managedProperty().unbind();
                n.managedProperty().bind(n.visibleProperty());
            }
        }
        otherError.getStyleClass().add("field-error");
        otherError.setWrapText(true);

        Label speedLabel = new Label("Speed");
        speedLabel.setTooltip(new Tooltip("Full speed, or a watching pace in mini-batches a second, so the first epoch "
                + "can be followed live: the digits form in the first few hundred mini-batches. It acts on the run going too"));
        HBox speedRow = new HBox(8, speedLabel, new Choice<>("speed", speed, List.of(aelab.app.model.Speed.values()),
                aelab.app.model.Speed::toString, aelab.app.model.Speed::tooltip));
        speedRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(speedRow.getChildren().get(1), Priority.ALWAYS);
        header.getChildren().setAll(data, buttons, steps, speedRow);
        header.setId("run-buttons");
        getChildren().addAll(section("Presets"), presets, kindPresets, new CompareView(session),
                section("Kind of autoencoder"), kind, kindParameters,
                section("Output activation"), output,
                section("Loss"), loss,
                section("Input scale"), scale,
                section("Training"), fields, otherError);
    }

    /**
     * The data line, the run buttons and the speed: the part that stays in view above the settings, which
     * scroll under it (a long panel would otherwise take Start and Stop out of sight).
     */
    public VBox header() { return header; }

    private void initListeners() {
        data.textProperty().bind(session.dataMessageProperty());
        start.disableProperty().bind(session.canStart().not());
        var going = Bindings.createBooleanBinding(
                () -> session.state() == State.RUNNING || session.state() == State.PAUSED, session.stateProperty());
        pause.disableProperty().bind(going.not());
        stop.disableProperty().bind(going.not());
        reset.disableProperty().bind(session.stateProperty().isEqualTo(State.LOADING));
        pause.textProperty().bind(Bindings.when(session.stateProperty().isEqualTo(State.PAUSED))
                .then("Resume").otherwise("Pause"));
        otherError.textProperty().bind(form.otherError());
        otherError.managedProperty().bind(otherError.textProperty().isNotEmpty());
        start.setOnAction(e -> session.start());
        pause.setOnAction(e -> session.togglePause());
        stop.setOnAction(e -> session.stop());
        reset.setOnAction(e -> session.reset());
        stepBatch.disableProperty().bind(session.canStep().not());
        stepEpoch.disableProperty().bind(session.canStep().not());
        stepBatch.setOnAction(e -> session.step());
        speed.addListener((o, was, is) -> session.setSpeed(is));
        stepEpoch.setOnAction(e -> session.stepEpoch());
        note.setId("choice-note");
        note.setWrapText(true);
        note.setMaxWidth(360);
        noteTimer.setOnFinished(e -> note.hide());
        session.choiceNoteProperty().addListener((o, was, is) -> tellWhereClicked(is));
        // Stop and Pause are disabled when a run ends, and JavaFX then moves the focus to the next button,
        // Reset, where Space would remove every run: Start takes the focus instead. Reset is not reached
        // by Tab at all (Edit › Reset has it), so no key press lands on it by accident.
        reset.setFocusTraversable(false);
        // Once the digits are in, Start has the focus (JavaFX would give it to the first preset button,
        // where Space changes the settings), unless the user is typing meanwhile.
        session.stateProperty().addListener((o, was, is) -> {
            if (was == State.LOADING && is == State.IDLE) Platform.runLater(() -> {
                if (getScene() != null && !(getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl)
                        && !start.isDisabled()) start.requestFocus();
            });
        });
        // JavaFX clears the focus of a node turned off, then, in the next pulse, traverses on from it
        // (to a preset button). Start takes the focus after that pulse's layout, when the traversal is over.
        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) scene.focusOwnerProperty().addListener((p, before, now) -> {
                if ((before == stop || before == pause) && before.isDisabled()) focusStartAfterThisPulse(scene);
            });
        });
    }

    /**
     * What a change of settings did during a side-by-side run, or why it did nothing, said beside the
     * control it was made with (the one with the focus), for a few seconds.
     */
    private void tellWhereClicked(String text) {
        note.hide();
        if (text.isEmpty() || getScene() == null || getScene().getWindow() == null) return;
        javafx.scene.Node at = getScene().getFocusOwner();
        for (javafx.scene.Node n = at; ; n = n.getParent()) {
            if (n == this) break;
            if (n == null) { at = start; break; }   // the focus is elsewhere (a menu): beside the run buttons
        }
        note.setText(text);
        javafx.geometry.Bounds b = at.localToScreen(at.getBoundsInLocal());
        if (b == null) return;
        note.show(at, b.getMinX(), b.getMaxY() + 4);
        noteTimer.playFromStart();
    }

    /** The note beside the control, while shown; for tests. */
    public Tooltip note() { return note; }

    private void focusStartAfterThisPulse(javafx.scene.Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (!start.isDisabled()) start.requestFocus();
            else requestFocus();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private void addField(Field f) {
        addField(f, fields);
    }

    /** A typed field with its label and error line, in rows of its own at the end of grid; returns the three. */
    private List<javafx.scene.Node> addField(Field f, GridPane grid) {
        String name = f.setting().title(), tip = f.setting().tooltip();
        TextField text = new TextField();
        text.setId(f.name().toLowerCase().replace('_', '-'));
        text.textProperty().bindBidirectional(form.text(f));
        text.setTooltip(new Tooltip(tip + ". Changing it during a run starts a new run when you press Enter or leave the field."));
        text.setPrefColumnCount(8);
        text.setOnAction(e -> session.settingsCommitted());
        text.focusedProperty().addListener((o, was, is) -> {
            if (!is) session.settingsCommitted();
        });
        Label error = new Label();
        error.setId(text.getId() + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(form.error(f));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        form.error(f).addListener((o, a, b) -> text.pseudoClassStateChanged(INVALID, !b.isEmpty()));
        text.pseudoClassStateChanged(INVALID, !form.error(f).get().isEmpty());
        return List.of(addRow(name, text, error, grid), text, error);
    }

    private void addRow(String name, Control input, Label error) {
        addRow(name, input, error, fields);
    }

    private Label addRow(String name, Control input, Label error, GridPane grid) {
        Label label = new Label(name);
        label.setLabelFor(input);
        int at = grid == fields ? row : grid.getChildren().size();   // other grids: rows in order of their nodes
        grid.addRow(at++, label, input);
        if (error != null) grid.add(error, 1, at++);
        if (grid == fields) row = at;
        return label;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private static String explain(Object choice) {
        return switch (choice.toString()) {
            case "softmax" -> "Outputs are positive and add up to 1 over the whole image, like the probabilities of one "
                    + "class. Pixel intensities don't add up to 1, so the picture comes out faint.";
            case "sigmoid" -> "Each output lies between 0 and 1 on its own, like a pixel's intensity: the match for BCE.";
            case "linear" -> "Outputs are any real number, unbounded: a match for MSE; BCE has no meaning outside [0,1].";
            case "bce" -> "Binary cross-entropy per pixel. On grey pixels it cannot reach 0: its floor is the "
                    + "pixels' own entropy (the dashed line).";
            case "mse" -> "Mean squared error per pixel: the mean of (output − pixel)²; 0 for a perfect copy.";
            case "mae" -> "Mean absolute error per pixel: the mean of |output − pixel|.";
            case "unit" -> "Pixels divided by 255: inputs and targets lie in [0,1], where BCE makes sense.";
            case "raw" -> "Pixels as stored, 0 to 255: targets far outside [0,1], as in the original question.";
            default -> choice.toString();
        };
    }
}
