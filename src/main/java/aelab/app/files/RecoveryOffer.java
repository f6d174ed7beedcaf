package aelab.app.files;

import aelab.app.session.LabSession;
import aelab.app.session.LabSession.State;
import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.ExperimentFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.beans.value.ChangeListener;

/**
 * At start, offers the runs a window left in its recovery copy when it did not close properly (a crash,
 * a kill, a power cut): Recover shows them, unsaved, and deletes the copy once they are shown; No puts
 * the copy aside as {@code .discarded}, and so does a damaged copy, with a one-line notice. Only the
 * newest copy is offered; older ones (several windows crashed) wait for the next start.
 */
public final class RecoveryOffer {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private RecoveryOffer() { }

    /**
     * Looks in the folder and asks. The runs are shown once the session's data has loaded (their
     * reconstructions need it; the question itself is asked at once). Returns the copy offered, or null.
     */
    public static Path offer(Path folder, FileActions actions, Dialogs dialogs) {
        List<Path> copies = RecoveryCopy.find(folder);
        if (copies.isEmpty()) return null;
        Path copy = copies.get(0);
        Experiment e;
        try {
            e = ExperimentFile.read(copy);
        } catch (ExperimentFileException ex) {
            actions.say("The recovery copy of the last session could not be read (" + ex.getMessage() + ")"
                    + aside(copy, actions));
            return copy;
        }
        int n = e.runs().size();
        String at = LocalDateTime.ofInstant(Instant.ofEpochMilli(RecoveryCopy.modified(copy)), ZoneId.systemDefault()).format(HH_MM);
        if (!dialogs.confirm("Recover runs", "Autoencoder Lab did not close properly last time. Recover its " + n
                + (n == 1 ? " run" : " runs") + " (kept at " + at + ")? Cancel keeps the copy aside as a .discarded file.", "Recover")) {
            actions.say("The runs of the last session were not recovered" + aside(copy, actions));
            return copy;
        }
        whenLoaded(actions.session(), () -> {
            if (!actions.recover(copy)) {
                aside(copy, actions);
                return;
            }
            try {
                Files.deleteIfExists(copy);   // only now: the runs are on the charts
            } catch (IOException ex) {
                // left behind, it is offered again next time: nothing lost
            }
        });
        return copy;
    }

    /** Puts the copy aside; the rest of the notice's sentence, saying where it is. */
    private static String aside(Path copy, FileActions actions) {
        try {
            return "; it was kept as " + RecoveryCopy.putAside(copy) + ".";
        } catch (IOException ex) {
            return "; it stays in " + copy + ".";
        }
    }

    /** Runs the action once the session no longer loads its data: at once, or from the drain that takes it in. */
    static void whenLoaded(LabSession session, Runnable action) {
        if (session.state() != State.LOADING) {
            action.run();
            return;
        }
        session.stateProperty().addListener(new ChangeListener<>() {
            @Override public void changed(javafx.beans.value.ObservableValue<? extends State> o, State was, State is) {
                if (is == State.LOADING) return;
                session.stateProperty().removeListener(this);
                action.run();
            }
        });
    }
}
