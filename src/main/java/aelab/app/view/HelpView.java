package aelab.app.view;

import aelab.app.model.Shortcut;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Help › User guide, Keyboard shortcuts and About, as three tabs: the guide is a resource text
 * ({@code help/guide.txt}), the shortcuts are listed from {@link Shortcut} (the same description the
 * menus and tooltips use), and About gives the version, the bundled libraries and the data's licences
 * ({@code help/about.txt}).
 */
public final class HelpView extends BorderPane {
    /** The tabs, in order. */
    public enum Page { GUIDE, SHORTCUTS, ABOUT }

    private final TabPane tabs = new TabPane();
    private final String version;

    private final String system;

    /** @param system what this copy runs on and keeps where, a line or two for About */
    public HelpView(String version, String system) {
        this.version = version;
        this.system = system;
        setId("help");
        createView();
    }

    private void createView() {
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("help-guide", "User guide", guide(resource("help/guide.txt"))),
                tab("help-shortcuts", "Keyboard shortcuts", shortcuts()),
                tab("help-about", "About", text("help-about-text", "Autoencoder Lab " + version + "\n\n"
                        + resource("help/about.txt") + "\n\nTHIS COPY\n" + system)));
        setCenter(tabs);
    }

    private static Tab tab(String id, String name, javafx.scene.Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Tab t = new Tab(name, scroll);
        t.setId(id);
        return t;
    }

    private static Label text(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setPadding(new Insets(12));
        l.setStyle("-fx-font-size: 13px;");
        return l;
    }

    /**
     * The guide as paragraphs: its first line is the title, a line in capitals a heading, a line starting
     * with "•" an item of a list; the whole text stays in one label too (hidden), for tests and screen readers.
     */
    private static VBox guide(String text) {
        VBox box = new VBox(6);
        box.setPadding(new Insets(12));
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            Label l = new Label(line);
            l.setWrapText(true);
            if (i == 0) l.setStyle("-fx-font-size: 17px; -fx-font-weight: bold;");
            else if (line.equals(line.toUpperCase(java.util.Locale.ROOT))) {
                l.setText(line.charAt(0) + line.substring(1).toLowerCase(java.util.Locale.ROOT));
                l.setStyle("-fx-font-size: 14px; -fx-font-weight: bold; -fx-padding: 8 0 0 0;");
            } else {
                l.setStyle("-fx-font-size: 13px;" + (line.startsWith("•") ? " -fx-padding: 0 0 0 12;" : ""));
            }
            box.getChildren().add(l);
        }
        Label whole = text("help-guide-text", text);
        whole.setVisible(false);
        whole.setManaged(false);
        box.getChildren().add(whole);
        return box;
    }

    /** Every shortcut, grouped by the menu it is in, keys beside what they do. */
    private static VBox shortcuts() {
        GridPane grid = new GridPane();
        grid.setId("help-shortcut-list");
        grid.setHgap(18);
        grid.setVgap(4);
        int row = 0;
        String menu = "";
        for (Shortcut s : Shortcut.values()) {
            if (!s.menu().equals(menu)) {
                menu = s.menu();
                Label title = new Label(menu.equals("Digits") ? "On the digits" : menu + " menu");
                title.setStyle("-fx-font-weight: bold; -fx-padding: " + (row == 0 ? 0 : 8) + " 0 2 0;");
                grid.add(title, 0, row++, 2, 1);
            }
            Label keys = new Label(s.keys());
            keys.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
            grid.addRow(row++, keys, new Label(s.what()));
        }
        Label more = new Label("Every button and menu item says what it does in its tooltip; hover over it.");
        more.getStyleClass().add("hint");
        VBox box = new VBox(10, grid, more);
        box.setPadding(new Insets(12));
        return box;
    }

    static String resource(String name) {
        try (InputStream in = HelpView.class.getResourceAsStream("/aelab/app/" + name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the app's resources; rebuild it");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shows a page. */
    public void show(Page page) {
        tabs.getSelectionModel().select(page.ordinal());
    }

    /** The page in view; for tests. */
    public Page shown() {
        return Page.values()[tabs.getSelectionModel().getSelectedIndex()];
    }
}
