package aelab.app.view;

import aelab.app.chart.Palette;
import aelab.app.model.Format;
import aelab.app.model.ResultsTable;
import aelab.app.model.ResultsTable.Row;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The results table: one row per run since the last reset, solo or side by side, with its latest test
 * figures. Every column sorts; the sort stays while the figures update and after runs end.
 */
public final class ResultsView extends BorderPane {
    private final TableView<Row> table = new TableView<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private List<Row> shown = List.of();

    public ResultsView() {
        setId("results");
        createView();
        initListeners();
    }

    private void createView() {
        Label title = new Label("Results");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Every run since the last Reset, alone or side by side, with its figures after its latest "
                + "epoch on the test digits (on the [0,1] scale whatever the loss). BCE above the floor is test BCE minus "
                + "the lowest BCE any model can reach on these digits: it shrinks towards 0 as reconstructions improve. "
                + "Click a column header to sort.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        setTop(new VBox(4, title, hint));
        BorderPane.setMargin(table, new Insets(8, 0, 0, 0));

        table.setId("results-table");
        table.setPlaceholder(new Label("No runs yet: press Start, or Start side by side."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, Integer> id = column("#", Row::id, 50);
        id.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : "#" + item);
                setGraphic(row == null ? null : new Rectangle(10, 10, Palette.fx(row.colour())));
            }
        });
        TableColumn<Row, String> settings = column("settings", Row::settings, 280);
        TableColumn<Row, Integer> epochs = column("epochs", Row::epochs, 80);
        epochs.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : row.epochText());
            }
        });
        TableColumn<Row, Double> seconds = column("time", Row::seconds, 80);
        seconds.setCellFactory(c -> text(v -> v < 60 ? String.format(Locale.ROOT, "%.1f s", v) : Format.duration(v)));
        seconds.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().setAll(List.of(id, settings, number("test BCE", Row::testBce), number("test MSE", Row::testMse),
                number("BCE above the floor", Row::aboveFloor), sum(), epochs, seconds, column("status", Row::status, 90)));
        setCenter(table);
    }

    private static <T> TableColumn<Row, T> column(String name, Function<Row, T> value, double width) {
        TableColumn<Row, T> c = new TableColumn<>(name);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A figure that is empty until the run's first epoch ends; empty cells sort last going up. */
    private static TableColumn<Row, Double> number(String name, Function<Row, Double> value) {
        TableColumn<Row, Double> c = column(name, value, name.length() > 12 ? 160 : 110);
        c.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        c.setCellFactory(x -> text(v -> Format.loss(v)));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static TableColumn<Row, Double> sum() {
        TableColumn<Row, Double> c = number("Σ outputs", Row::outputSum);
        c.setCellFactory(x -> text(v -> String.format(Locale.ROOT, "%.1f", v)));
        return c;
    }

    private static <T> TableCell<Row, T> text(Function<T, String> format) {
        return new TableCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "–" : format.apply(item));
            }
        };
    }

    private void initListeners() {
        SortedList<Row> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }

    /**
     * FX thread, once per frame while the table is in view. Only rows whose figures changed are replaced
     * (during a run, its own row each frame), so the table lays out and styles those cells alone.
     */
    public void refresh(ResultsTable results) {
        List<Row> now = results.rows();
        if (now.equals(shown)) return;
        shown = now;
        if (now.size() != rows.size()) {
            rows.setAll(now);
            return;
        }
        for (int i = 0; i < now.size(); i++) if (!now.get(i).equals(rows.get(i))) rows.set(i, now.get(i));
    }

    /** Rows in the table, for tests. */
    public int rowCount() { return table.getItems().size(); }

    public TableView<Row> table() { return table; }
}
