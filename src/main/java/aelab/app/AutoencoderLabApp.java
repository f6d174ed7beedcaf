package aelab.app;

import aelab.app.files.Dialogs;
import aelab.app.files.FileActions;
import aelab.app.files.FxDialogs;
import aelab.app.files.RecoveryCopy;
import aelab.app.files.RecoveryOffer;
import aelab.app.session.BackgroundExecutor;
import aelab.app.session.LabSession;
import aelab.app.model.AppPreferences;
import aelab.data.Dataset;
import aelab.engine.TrainingConfig;

import java.nio.file.Path;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop window. The hidden system properties aelab.trainLimit and aelab.testLimit train on fewer
 * images (quick demos); 0 or unset means all of them. The last settings, the window's place and the
 * recent experiments are remembered in {@link AppPreferences#defaultFile()}.
 */
public final class AutoencoderLabApp extends Application {
    private MainView view;
    private Stage stage;
    private AppPreferences prefs;
    private FileActions actions;
    private RecoveryCopy recovery;
    private WindowPlacement placement;

    @Override public void start(Stage stage) {
        LabSession session = new LabSession(BackgroundExecutor.daemonThreads(), Dataset::loadBundledMnist,
                Integer.getInteger("aelab.trainLimit", 0), Integer.getInteger("aelab.testLimit", 0));
        prefs = AppPreferences.load(AppPreferences.defaultFile());
        session.form().load(prefs.settings(TrainingConfig.defaults()));
        view = new MainView(session);
        this.stage = stage;
        FxDialogs dialogs = new FxDialogs(() -> this.stage);
        actions = withMenu(view, prefs, dialogs);
        if (!prefs.problem().isEmpty()) actions.say("The remembered settings could not be read, so the defaults are used.");
        stage.setScene(createScene(view));
        stage.titleProperty().bind(actions.titleProperty());
        stage.setOnCloseRequest(e -> {   // the close button asks as File › Quit does
            e.consume();
            actions.quit(Platform::exit);
        });
        placement = WindowPlacement.restore(stage, prefs.window());
        stage.show();
        session.loadData();
        // Asked now, while the digits load; the runs are shown once they have loaded. Before our own copy
        // starts: it is named after this process, which is alive, so it is never offered to itself anyway.
        Path folder = RecoveryCopy.folderOf(prefs.file());
        RecoveryOffer.offer(folder, actions, dialogs);
        recovery = withRecoveryCopy(view, actions, folder);
    }

    /** Keeps a recovery copy of the window's runs in the folder, once a frame; the window bench does the same. */
    public static RecoveryCopy withRecoveryCopy(MainView view, FileActions actions, Path folder) {
        RecoveryCopy copy = new RecoveryCopy(view.session(), folder);
        view.everyFrame(() -> {
            String problem = copy.frame();
            if (!problem.isEmpty()) actions.say(problem);
        });
        return copy;
    }

    /** The window's scene with its stylesheet; tests build theirs the same way. */
    public static Scene createScene(MainView view) {
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(AutoencoderLabApp.class.getResource("app.css").toExternalForm());
        return scene;
    }

    /** Puts the menus at the top of the window; tests build theirs the same way. */
    public static FileActions withMenu(MainView view, AppPreferences prefs, Dialogs dialogs) {
        FileActions actions = new FileActions(view.session(), view, prefs, dialogs);
        view.setTop(new AppMenu(actions, () -> actions.quit(Platform::exit), view.tabs()));
        view.everyFrame(actions::refreshTitle);
        return actions;
    }

    @Override public void stop() {
        if (actions != null) {
            if (placement != null) prefs.setWindow(placement.capture());
            actions.savePrefs();
        }
        if (view != null) view.dispose();
        if (recovery != null) recovery.discard();   // a clean quit: nothing to recover next time
    }
}
