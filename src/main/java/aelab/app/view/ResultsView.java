package aelab.app.view;

import aelab.app.chart.Palette;
import aelab.app.model.Format;
import aelab.app.model.ResultsTable;
import aelab.app.model.ResultsTable.Row;

import aelab.engine.Setting;

import java.util.ArrayList;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The results table: one row per run since the last reset, solo or side by side, with its latest test
 * figures, and a column for each setting that differs between the runs listed. Every column sorts; the
 * sort stays while the figures update and after runs end. A column is never narrower than its longest
 * word of heading and its widest cell, so nothing ends in "…"; headings wrap, and a narrow window scrolls.
 */
public final class ResultsView extends BorderPane {
    /** Room around a cell's or heading's text: its padding, and the heading's sort arrow. */
    private static final double PAD = 22;
    private final TableView<Row> table = new TableView<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final List<Shown> fixedBefore = new ArrayList<>(), fixedAfter = new ArrayList<>();
    private final List<Shown> columns = new ArrayList<>();
    private List<Setting<?>> differing = List.of();
    private boolean kindFigures;
    private List<Row> shown = List.of();

    /** A column and its cells' text as shown, to size it by. */
    private record Shown(TableColumn<Row, ?> column, Function<Row, String> text) { }

    public ResultsView() {
        setId("results");
        createView();
        initListeners();
    }

    private void createView() {
        Label title = new Label("Results");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Every run since the last Reset, alone or side by side, with its figures after its latest "
                + "epoch on the test digits (on the [0,1] scale whatever the loss), and a column for each setting that "
                + "differs between them. BCE above the floor is test BCE minus "
                + "the lowest BCE any model can reach on these digits: it shrinks towards 0 as reconstructions improve. "
                + "Click a column header to sort.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        setTop(new VBox(4, title, hint));
        BorderPane.setMargin(table, new Insets(8, 0, 0, 0));

        table.setId("results-table");
        table.getStyleClass().add("results-table");
        table.setPlaceholder(new Label("No runs yet: press Start, or Start side by side."));
        // columns as wide as their contents; a narrow window scrolls sideways, a wide one widens the settings
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.widthProperty().addListener(o -> fitColumns());
        TableColumn<Row, Integer> id = column("#", Row::id, 50);
        id.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : "#" + item);
                setGraphic(row == null ? null : new Rectangle(10, 10, Palette.fx(row.colour())));
            }
        });
        fixedBefore.add(new Shown(id, r -> "#" + r.id() + "    "));   // the colour square beside the number
        TableColumn<Row, String> settings = column("settings", Row::settings, 180);
        fixedBefore.add(new Shown(settings, Row::settings));
        TableColumn<Row, Integer> epochs = column("epochs", Row::epochs, 70);
        epochs.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(row == null ? null : row.epochText());
            }
        });
        TableColumn<Row, Double> seconds = column("time", Row::seconds, 70);
        Function<Double, String> time = v -> v < 60 ? String.format(Locale.ROOT, "%.1f s", v) : Format.duration(v);
        seconds.setCellFactory(c -> text(time));
        seconds.setStyle("-fx-alignment: CENTER-RIGHT;");
        fixedAfter.add(figure(number("test BCE", Row::testBce), Row::testBce, Format::loss));
        fixedAfter.add(figure(number("test MSE", Row::testMse), Row::testMse, Format::loss));
        fixedAfter.add(figure(number("BCE above the floor", Row::aboveFloor), Row::aboveFloor, Format::loss));
        Function<Double, String> sum = v -> String.format(Locale.ROOT, "%.1f", v);
        fixedAfter.add(figure(sum(sum), Row::outputSum, sum));
        fixedAfter.add(new Shown(epochs, Row::epochText));
        fixedAfter.add(new Shown(seconds, r -> time.apply(r.seconds())));
        fixedAfter.add(new Shown(column("status", Row::status, 80), Row::status));
        showColumns();
        setCenter(table);
    }

    /** The columns in order: number, settings, one per differing setting, then the figures. */
    private void showColumns() {
        columns.clear();
        columns.addAll(fixedBefore);
        for (int i = 0; i < differing.size(); i++) {
            int at = i;
            TableColumn<Row, String> c = column(differing.get(i).name(), r -> r.differing().get(at), 90);
            Setting.Kind kind = differing.get(i).kind();
            if (kind == Setting.Kind.WHOLE || kind == Setting.Kind.LONG || kind == Setting.Kind.DECIMAL)
                c.setStyle("-fx-alignment: CENTER-RIGHT;");
            c.setId("results-setting-" + differing.get(i).key());
            columns.add(new Shown(c, r -> r.differing().get(at)));
        }
        columns.addAll(fixedAfter);
        if (kindFigures) {   // a VAE's KL and ELBO, a denoising run's noisy figures, a sparse code's activity
            TableColumn<Row, String> k = column("its kind's figures", Row::kindFigures, 200);
            k.setId("results-kind-figures");
            columns.add(columns.size() - 1, new Shown(k, Row::kindFigures));
        }
        table.getColumns().setAll(columns.stream().<TableColumn<Row, ?>>map(Shown::column).toList());
        fitColumns();
    }

    /**
     * Each column as wide as its widest cell and its heading, which takes two lines when that makes the
     * column narrower ("BCE above / the floor"): a table of every figure fits 1024 pixels, none cut short.
     */
    private void fitColumns() {
        double total = 0;
        for (Shown c : columns) {
            double cells = 0;
            for (Row r : shown) cells = Math.max(cells, width(c.text().apply(r)));
            String name = c.column().getText().replace('\n', ' '), heading = name;
            int space = -1;
            for (int i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1))
                if (space < 0 || Math.abs(i - name.length() / 2.0) < Math.abs(space - name.length() / 2.0)) space = i;
            if (space > 0 && width(name) > cells)
                heading = name.substring(0, space) + "\n" + name.substring(space + 1);
            if (!heading.equals(c.column().getText())) c.column().setText(heading);
            double head = 0;
            for (String line : heading.split("\n")) head = Math.max(head, width(line));
            double min = Math.ceil(Math.max(head, cells) + PAD);
            c.column().setMinWidth(min);
            c.column().setPrefWidth(min);
            total += min;
        }
        double slack = table.getWidth() - total - 20;   // 20: the vertical scroll bar's room
        TableColumn<Row, ?> settings = fixedBefore.get(1).column();
        if (slack > 0) settings.setPrefWidth(settings.getMinWidth() + slack);
    }

    private static double width(String text) {
        Text t = new Text(text);
        t.setFont(javafx.scene.text.Font.font(12));   // the window's font size (app.css)
        return t.getLayoutBounds().getWidth();
    }

    private static Shown figure(TableColumn<Row, Double> c, Function<Row, Double> value, Function<Double, String> format) {
        return new Shown(c, r -> value.apply(r) == null ? "–" : format.apply(value.apply(r)));
    }

    private static <T> TableColumn<Row, T> column(String name, Function<Row, T> value, double width) {
        TableColumn<Row, T> c = new TableColumn<>(name);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A figure that is empty until the run's first epoch ends; empty cells sort last going up. */
    private static TableColumn<Row, Double> number(String name, Function<Row, Double> value) {
        TableColumn<Row, Double> c = column(name, value, 90);
        c.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        c.setCellFactory(x -> text(v -> Format.loss(v)));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static TableColumn<Row, Double> sum(Function<Double, String> format) {
        TableColumn<Row, Double> c = number("Σ outputs", Row::outputSum);
        c.setCellFactory(x -> text(format));
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
        List<Setting<?>> d = results.differing();
        if (!d.equals(differing) || results.anyKindFigures() != kindFigures) {
            differing = d;
            kindFigures = results.anyKindFigures();
            showColumns();
        } else {
            fitColumns();
        }
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
