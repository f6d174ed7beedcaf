package aelab.app.view;

import aelab.app.session.LabSession;
import aelab.app.session.LabSession.State;
import aelab.app.model.CompareForm;
import aelab.engine.Activation;
import aelab.engine.Loss;
import aelab.engine.ModelKind;
import aelab.engine.Scale;

import java.util.List;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The left panel's side-by-side section: up to four runs to tick, and one button that starts them together. */
final class CompareView extends VBox {
    private final LabSession session;
    private final CompareForm form;
    private final GridPane rows = new GridPane();
    private final Label problem = new Label();
    private final Button presets = new Button("The three presets");
    private final Button kinds = new Button("The four kinds");
    private final Button start = new Button("Start side by side");

    CompareView(LabSession session) {
        super(6);
        this.session = session;
        this.form = session.compare();
        setId("compare");
        createView();
        initListeners();
    }

    private void createView() {
        Label title = new Label("Side by side");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Train the ticked runs together: same seed, same first weights, same mini-batches. "
                + "Epochs, batch size and the rest come from Training below.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        rows.setHgap(4);
        rows.setVgap(4);
        List<CompareForm.Row> list = form.rows();
        for (int i = 0; i < list.size(); i++) addRow(i, list.get(i));

        problem.setId("compare-problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        presets.setId("compare-presets");
        presets.setTooltip(new Tooltip("Tick the question (softmax + BCE, raw), the answer (sigmoid + BCE, [0,1]) "
                + "and MSE (sigmoid + MSE, [0,1]), and untick the fourth row"));
        kinds.setId("compare-kinds");
        kinds.setTooltip(new Tooltip("Tick the answer's model as a plain, a denoising, a sparse and a variational "
                + "autoencoder (their parameters from Training below)"));
        start.setId("start-side-by-side");
        start.setTooltip(new Tooltip("Train every ticked run at once on all cores, taking turns batch by batch: "
                + "their curves share the charts, their reconstructions sit one above the other"));
        start.setDefaultButton(false);
        for (Button b : List.of(presets, kinds, start)) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        getChildren().addAll(title, hint, rows, problem, new HBox(6, presets, kinds), start);
    }

    private void addRow(int i, CompareForm.Row row) {
        String id = "compare-" + (i + 1);
        CheckBox on = new CheckBox();
        on.setId(id + "-on");
        on.selectedProperty().bindBidirectional(row.onProperty());
        on.setTooltip(new Tooltip("Include run " + (i + 1) + " in the comparison"));
        ComboBox<Activation> output = combo(id + "-output", row.outputProperty(),
                List.of(Activation.SOFTMAX, Activation.SIGMOID, Activation.LINEAR), Activation::toString,
                "Output activation of run " + (i + 1));
        ComboBox<Loss> loss = combo(id + "-loss", row.lossProperty(), List.of(Loss.values()),
                l -> l.toString().toUpperCase(), "Loss of run " + (i + 1));
        ComboBox<Scale> scale = combo(id + "-scale", row.scaleProperty(), List.of(Scale.values()),
                s -> s == Scale.UNIT ? "[0,1]" : "raw", "Input scale of run " + (i + 1)
                        + ": pixels divided by 255, or raw 0–255");
        ComboBox<ModelKind> kind = combo(id + "-kind", row.kindProperty(), List.of(ModelKind.values()), ModelKind::toString,
                "Kind of autoencoder of run " + (i + 1) + ": plain, denoising, sparse or vae");
        for (ComboBox<?> c : List.of(output, loss, scale, kind)) c.disableProperty().bind(on.selectedProperty().not());
        rows.addRow(2 * i, on, output, loss, scale);
        rows.add(kind, 1, 2 * i + 1, 3, 1);   // a line of its own: four choices do not fit the panel's width
        GridPane.setHgrow(output, Priority.ALWAYS);
        GridPane.setHgrow(loss, Priority.ALWAYS);
        GridPane.setHgrow(scale, Priority.ALWAYS);
    }

    private static <T> ComboBox<T> combo(String id, ObjectProperty<T> value, List<T> items, Function<T, String> text,
                                         String tip) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.valueProperty().bindBidirectional(value);
        c.setCellFactory(v -> cell(text));
        c.setButtonCell(cell(text));
        c.setTooltip(new Tooltip(tip));
        c.setMaxWidth(Double.MAX_VALUE);
        c.setMinWidth(60);
        return c;
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private void initListeners() {
        problem.textProperty().bind(form.problem());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        start.disableProperty().bind(session.canStartSideBySide().not());
        presets.disableProperty().bind(Bindings.createBooleanBinding(
                () -> session.state() == State.LOADING, session.stateProperty()));
        presets.setOnAction(e -> form.useThePresets());
        kinds.disableProperty().bind(presets.disableProperty());
        kinds.setOnAction(e -> form.useTheKinds());
        start.setOnAction(e -> session.startSideBySide());
    }
}
