package aelab.app;

import aelab.data.Dataset;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop window. The hidden system properties aelab.trainLimit and aelab.testLimit train on fewer
 * images (quick demos); 0 or unset means all of them.
 */
public final class AutoencoderLabApp extends Application {
    private MainView view;

    @Override public void start(Stage stage) {
        LabSession session = new LabSession(BackgroundExecutor.daemonThreads(), Dataset::loadBundledMnist,
                Integer.getInteger("aelab.trainLimit", 0), Integer.getInteger("aelab.testLimit", 0));
        view = new MainView(session);
        stage.setScene(createScene(view));
        stage.setTitle("Autoencoder Lab");
        stage.show();
        session.loadData();
    }

    /** The window's scene with its stylesheet; tests build theirs the same way. */
    static Scene createScene(MainView view) {
        Scene scene = new Scene(view, 1400, 900);
        scene.getStylesheets().add(AutoencoderLabApp.class.getResource("app.css").toExternalForm());
        return scene;
    }

    @Override public void stop() {
        if (view != null) view.dispose();
    }
}
