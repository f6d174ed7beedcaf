package aelab.app;

import aelab.app.files.FileActions;
import aelab.app.model.Shortcut;
import aelab.app.view.HelpView;
import aelab.io.AppVersion;
import aelab.app.session.LabSession;
import aelab.app.session.LabSession.State;
import aelab.io.PythonExport.Framework;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The menu bar at the top of the window, with a line beside it that says how the last file action
 * went. Every item has a tooltip; the frequent ones have shortcuts, shown in the menu, taken from the
 * one description of them ({@link Shortcut}) that the buttons' tooltips and Help › Keyboard shortcuts
 * use too.
 */
final class AppMenu extends HBox {
    private final FileActions actions;
    private final Runnable quit;
    private final MenuBar bar = new MenuBar();
    private final Label notice = new Label();
    private final Menu recent = new Menu("Open recent");
    private final Map<MenuItem, String> tips = new IdentityHashMap<>();
    private final TabPane tabs;
    private Stage help;
    private HelpView helpView;

    AppMenu(FileActions actions, Runnable quit, TabPane tabs) {
        this.actions = actions;
        this.quit = quit;
        this.tabs = tabs;
        setId("app-menu");
        createView();
        initListeners();
    }

    private void createView() {
        Menu file = new Menu("_File");
        file.setId("menu-file");
        recent.setId("menu-recent");
        Menu export = new Menu("Export");
        export.setId("menu-export");
        MenuItem gif = item("export-gif", "Timeline as animated GIF…", null, actions::exportGif,
                "The reconstructions of the runs shown as they learned, a frame per snapshot, looping");
        export.setOnShowing(e -> gif.setDisable(!actions.canExportGif()));   // a timeline grows unobserved: asked when shown
        export.getItems().addAll(
                item("export-charts", "Loss charts as PNG…", null, actions::exportChartsPng,
                        "Both loss charts side by side, as a picture"),
                item("export-reconstructions", "Reconstructions as PNG…", null, actions::exportReconstructionsPng,
                        "The digits, their reconstructions and error maps, as the panel shows them"),
                item("export-csv", "Metric history as CSV…", Shortcut.EXPORT_CSV, actions::exportCsv,
                        "Every mini-batch and epoch of every run on the charts, one row each"),
                gif,
                new SeparatorMenuItem(),
                item("export-keras", "As Python: Keras script…", null, () -> actions.exportPython(Framework.KERAS),
                        "A runnable Keras script that trains the runs on the charts with the same settings"),
                item("export-pytorch", "As Python: PyTorch script…", null, () -> actions.exportPython(Framework.PYTORCH),
                        "A runnable PyTorch script that trains the runs on the charts with the same settings"),
                new SeparatorMenuItem(),
                item("export-safetensors", "Trained weights as safetensors…", null,
                        () -> actions.exportWeights(aelab.io.WeightsExport.Format.SAFETENSORS),
                        "The newest run's weights, named as the exported PyTorch model's layers (0.weight, 0.bias, …): "
                                + "model.load_state_dict(safetensors.torch.load_file(…))"),
                item("export-npz", "Trained weights as NumPy .npz…", null,
                        () -> actions.exportWeights(aelab.io.WeightsExport.Format.NPZ),
                        "The newest run's weights as NumPy arrays, with the PyTorch model's names and shapes (out, in)"));
        MenuItem bundled = item("bundled-mnist", "Use the bundled MNIST", null, actions::useBundledMnist,
                "Go back to the MNIST digits that come with the app; the runs on the charts are removed");
        file.setOnShowing(e -> bundled.setDisable(actions.session().dataset() != null   // already on it: nothing to go back to
                && aelab.data.Dataset.BUNDLED_NAME.equals(actions.session().dataset().name())));
        file.getItems().addAll(
                item("open", "Open experiment…", Shortcut.OPEN, actions::open,
                        "Replace the runs on the charts with those of an experiment file (.aelab)"),
                recent,
                item("save", "Save experiment", Shortcut.SAVE, actions::save,
                        "Save the runs on the charts, their weights and optimizer state. A run in progress is stopped "
                                + "first; Run › Continue training goes on from there"),
                item("save-as", "Save experiment as…", Shortcut.SAVE_AS, actions::saveAs,
                        "Save the runs on the charts to a new file"),
                new SeparatorMenuItem(),
                item("open-dataset", "Open dataset folder…", Shortcut.OPEN_DATASET, actions::openDatasetFolder,
                        "Train on another folder of IDX files in the MNIST layout, e.g. Fashion-MNIST; "
                                + "the runs on the charts are removed"),
                bundled,
                new SeparatorMenuItem(),
                export,
                new SeparatorMenuItem(),
                item("quit", "Quit", Shortcut.QUIT, quit, "Close the window; the settings and window size are remembered"));

        Menu run = new Menu("_Run");
        run.setId("menu-run");
        LabSession s = actions.session();
        MenuItem start = item("run-start", "Start", Shortcut.START, s::start, "Train a new model from fresh weights with these settings");
        MenuItem pause = item("run-pause", "Pause", Shortcut.PAUSE, s::togglePause, "Pause the run after its mini-batch; again to resume");
        MenuItem stop = item("run-stop", "Stop", Shortcut.STOP, s::stop, "End the run after its mini-batch; its curves stay");
        start.disableProperty().bind(s.canStart().not());
        var going = Bindings.createBooleanBinding(() -> s.state() == State.RUNNING || s.state() == State.PAUSED,
                s.stateProperty());
        pause.disableProperty().bind(going.not());
        stop.disableProperty().bind(going.not());
        pause.textProperty().bind(Bindings.when(s.stateProperty().isEqualTo(State.PAUSED)).then("Resume").otherwise("Pause"));
        MenuItem step = item("run-step", "Step one mini-batch", Shortcut.STEP, s::step,
                "Train one mini-batch, then wait, paused; from the settings it starts a new run, paused");
        MenuItem stepEpoch = item("run-step-epoch", "Step to the epoch's end", Shortcut.STEP_EPOCH, s::stepEpoch,
                "Train to the end of this epoch, test set included, then wait, paused");
        step.disableProperty().bind(s.canStep().not());
        stepEpoch.disableProperty().bind(s.canStep().not());
        run.getItems().addAll(start, pause, stop, step, stepEpoch, new SeparatorMenuItem(),
                item("continue", "Continue training", Shortcut.CONTINUE, actions::continueTraining,
                        "Train the newest run on from where it stopped, e.g. after opening a saved experiment: "
                                + "the same curve as if it had never stopped"),
                trainMore(s, actions));

        Menu edit = new Menu("_Edit");
        edit.setId("menu-edit");
        MenuItem undo = item("undo", "Undo", Shortcut.UNDO, s::undo, "Put back the runs the last Reset or Clear old runs removed");
        undo.textProperty().bind(Bindings.when(s.removals().undoableProperty().isEmpty()).then("Undo")
                .otherwise(Bindings.concat("Undo ", s.removals().undoableProperty())));
        undo.disableProperty().bind(s.removals().undoableProperty().isEmpty());
        MenuItem clearOld = item("clear-old", "Clear old runs", null, s::clearOldRuns,
                "Remove every run from the charts but the newest; Undo puts them back");
        edit.getItems().addAll(undo, new SeparatorMenuItem(),
                item("reset", "Reset", null, s::reset,
                        "Stop and remove every run from the charts and Results; Undo puts them back. The settings stay"),
                clearOld);

        bar.getMenus().addAll(file, edit, run, viewMenu(), helpMenu());
        notice.setId("notice");
        notice.getStyleClass().add("hint");
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setMinWidth(0);                      // a long notice is cut short (its tooltip has it all),
        bar.setMinWidth(Region.USE_PREF_SIZE);      // never the menus
        HBox.setHgrow(notice, Priority.ALWAYS);
        HBox.setMargin(notice, new Insets(0, 12, 0, 12));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("app-menu");
        getChildren().addAll(bar, notice);
    }

    private void initListeners() {
        notice.textProperty().bind(actions.noticeProperty());
        actions.session().removals().saidProperty().addListener((o, was, is) -> {
            String undo = ". Edit › Undo (" + Shortcut.UNDO.keys() + ") puts them back.";
            if (!is.isEmpty()) actions.sayWhile(is + undo, () -> !actions.session().removals().undoableProperty().get().isEmpty());
            else if (!actions.session().removals().undoneNote().isEmpty())
                actions.say("Undone. " + actions.session().removals().undoneNote());
            else if (was.equals(notice.getText().replace(undo, ""))) actions.say("Undone.");
        });
        notice.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> notice.getText().isEmpty() ? null : new Tooltip(notice.getText()), notice.textProperty()));
        recent.setOnShowing(e -> fillRecent());
        fillRecent();
        for (Menu m : bar.getMenus()) {
            m.setOnShown(e -> installTips(m));
            for (MenuItem i : m.getItems()) if (i instanceof Menu sub) sub.setOnShown(e -> installTips(sub));
        }
    }

    private void fillRecent() {
        recent.getItems().clear();
        for (Path p : actions.recent()) {
            Path parent = p.getParent();
            MenuItem i = new MenuItem(p.getFileName() + (parent == null ? "" : "  —  " + parent));
            i.setMnemonicParsing(false);   // file names may hold underscores
            i.setOnAction(e -> actions.open(p));
            recent.getItems().add(i);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No experiments yet");
            none.setDisable(true);
            recent.getItems().add(none);
        } else {
            recent.getItems().addAll(new SeparatorMenuItem(), item("clear-recent", "Clear this list", null,
                    actions::clearRecent, "Forget the experiments listed here (the files stay)"));
        }
    }

    /** Menu items are not controls: their tooltips go on the nodes the open menu draws them with. */
    private void installTips(Menu menu) {
        for (MenuItem i : menu.getItems()) {
            String tip = tips.get(i);
            Node node = i.getStyleableNode();
            if (tip != null && node != null) Tooltip.install(node, new Tooltip(tip));
        }
    }

    private MenuItem item(String id, String text, Shortcut shortcut, Runnable action, String tip) {
        MenuItem i = new MenuItem(text);
        i.setId("menu-" + id);
        if (shortcut != null) i.setAccelerator(KeyCombination.keyCombination(shortcut.accelerator()));
        i.setOnAction(e -> action.run());
        tips.put(i, tip);
        return i;
    }

    /** View: the tabs, by number or in turn. */
    private Menu viewMenu() {
        Menu view = new Menu("_View");
        view.setId("menu-view");
        Shortcut[] keys = {Shortcut.TAB_TRAINING, Shortcut.TAB_RESULTS, Shortcut.TAB_LATENT, Shortcut.TAB_EXPLAIN};
        for (int k = 0; k < keys.length && k < tabs.getTabs().size(); k++) {
            int index = k;
            String name = tabs.getTabs().get(k).getText();
            view.getItems().add(item("tab-" + (k + 1), name, keys[k], () -> tabs.getSelectionModel().select(index),
                    "Show the " + name + " tab"));
        }
        int n = tabs.getTabs().size();
        view.getItems().addAll(new SeparatorMenuItem(),
                item("tab-next", "Next tab", Shortcut.NEXT_TAB,
                        () -> tabs.getSelectionModel().select((tabs.getSelectionModel().getSelectedIndex() + 1) % n),
                        "Show the tab to the right (after the last, the first)"),
                item("tab-previous", "Previous tab", Shortcut.PREVIOUS_TAB,
                        () -> tabs.getSelectionModel().select((tabs.getSelectionModel().getSelectedIndex() + n - 1) % n),
                        "Show the tab to the left (before the first, the last)"));
        return view;
    }

    /** Help: the user guide, the keyboard shortcuts and About, in one window of three tabs. */
    private Menu helpMenu() {
        Menu helpMenu = new Menu("_Help");
        helpMenu.setId("menu-help");
        helpMenu.getItems().addAll(
                item("guide", "User guide", Shortcut.GUIDE, () -> showHelp(HelpView.Page.GUIDE),
                        "What each panel shows, and the story of the question and its answer"),
                item("shortcuts", "Keyboard shortcuts", null, () -> showHelp(HelpView.Page.SHORTCUTS),
                        "Every shortcut of the window in one list"),
                new SeparatorMenuItem(),
                item("about", "About Autoencoder Lab", null, () -> showHelp(HelpView.Page.ABOUT),
                        "The version, and the licences of the bundled libraries and of MNIST"));
        return helpMenu;
    }

    /** Opens the help window at a page, beside the main window; one window, brought to the front if open. */
    void showHelp(HelpView.Page page) {
        if (help == null) {
            helpView = new HelpView(AppVersion.VERSION, "Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vendor") + "), JavaFX " + System.getProperty("javafx.version", "?")
                    + "\nSettings and the recovery copy are kept in " + actions.preferencesFile().toAbsolutePath().getParent()
                    + "\nTraining threads: " + aelab.app.session.LabSession.TRAINING_THREADS);
            help = new Stage();
            help.setTitle("Autoencoder Lab — Help");
            help.setScene(new Scene(helpView, 780, 760));
            if (getScene() != null) help.getScene().getStylesheets().addAll(getScene().getStylesheets());
            if (getScene() != null && getScene().getWindow() != null) help.initOwner(getScene().getWindow());
        }
        helpView.show(page);
        help.show();
        help.toFront();
    }

    /** The help window's view once opened, else null; for tests. */
    HelpView helpView() { return helpView; }

    MenuBar bar() { return bar; }

    /** The tooltip text of a menu item, for tests. */
    String tip(MenuItem i) { return tips.get(i); }

    /** "Train N more epochs": N is the Epochs setting, so the item says what it will do. */
    private MenuItem trainMore(LabSession s, FileActions actions) {
        MenuItem more = item("train-more", "Train more epochs", Shortcut.TRAIN_MORE, actions::trainMore,
                "Train the newest run (finished, stopped or reopened) as many epochs more as the Epochs setting says; "
                        + "its curve goes on where it ended");
        more.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = s.form().config() == null ? 0 : s.form().config().epochs();
            return "Train " + n + " more epoch" + (n == 1 ? "" : "s");
        }, s.form().configProperty()));
        return more;
    }
}
