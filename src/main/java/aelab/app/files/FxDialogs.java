package aelab.app.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The window's dialogs: the platform's file and folder choosers, and alerts owned by the window. */
public final class FxDialogs implements Dialogs {
    private static final double WIDTH = 520;
    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) { this.owner = owner; }

    @Override public Path openFile(String title, Kind kind, Path folder) {
        FileChooser c = chooser(title, kind, folder);
        File f = c.showOpenDialog(owner.get());
        return f == null ? null : f.toPath();
    }

    @Override public Path saveFile(String title, Kind kind, Path folder, String suggestedName) {
        FileChooser c = chooser(title, kind, folder);
        c.setInitialFileName(suggestedName);
        File f = c.showSaveDialog(owner.get());
        return f == null ? null : kind.withExtension(f.toPath());
    }

    @Override public Path folder(String title, Path folder) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (folder != null && Files.isDirectory(folder)) c.setInitialDirectory(folder.toFile());
        File f = c.showDialog(owner.get());
        return f == null ? null : f.toPath();
    }

    @Override public boolean confirm(String title, String message, String yes) {
        ButtonType ok = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message);
        a.getButtonTypes().setAll(ok, ButtonType.CANCEL);
        return a.showAndWait().orElse(ButtonType.CANCEL) == ok;
    }

    @Override public SaveFirst askToSave(String title, String message) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES),
                discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message);
        a.getButtonTypes().setAll(save, discard, ButtonType.CANCEL);
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? SaveFirst.SAVE : answer == discard ? SaveFirst.DISCARD : SaveFirst.CANCEL;
    }

    /** Not modal-and-waiting: errors also come from the frame pump, where a nested event loop is not allowed. */
    @Override public void error(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).show();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type);
        a.initOwner(owner.get());
        a.setTitle(title);
        a.setHeaderText(title);
        Label text = new Label(message);   // wraps long paths instead of cutting them off
        text.setWrapText(true);
        text.setPrefWidth(WIDTH);
        text.setMinHeight(Region.USE_PREF_SIZE);
        a.getDialogPane().setContent(text);
        a.getDialogPane().setPrefWidth(WIDTH + 40);
        return a;
    }

    private static FileChooser chooser(String title, Kind kind, Path folder) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.description, "*" + kind.extension));
        if (folder != null && Files.isDirectory(folder)) c.setInitialDirectory(folder.toFile());
        return c;
    }
}
