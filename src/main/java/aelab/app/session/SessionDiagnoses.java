package aelab.app.session;

import aelab.app.model.Diagnostics;
import aelab.app.model.Diagnostics.Diagnosis;
import aelab.app.model.Run;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.List;

/** What the warnings and status panels of a {@link LabSession} show, from its runs and its next settings. */
final class SessionDiagnoses {
    private SessionDiagnoses() { }

    /** The running run's warnings, or those of the settings for the next run (null: none valid). */
    static List<String> warnings(Run current, TrainingConfig next) {
        if (current != null) return current.warnings();
        return next == null ? List.of() : next.warnings();
    }

    /**
     * Every run shown strong (named when there are several), and while idle the settings of the next run
     * when no shown run has them.
     */
    static List<Diagnosis> of(List<Run> shown, TrainingConfig next, boolean idle) {
        List<Diagnosis> list = new ArrayList<>();
        for (Run r : shown) {
            String who = shown.size() > 1 ? "#" + r.id() + " " : "";
            for (Diagnosis d : Diagnostics.of(r)) list.add(new Diagnosis(who + d.text(), d.topic(), d.warning()));
        }
        Diagnosis floor = Diagnostics.aboveFloor(shown);
        if (floor != null) list.add(floor);
        if (idle && next != null && shown.stream().noneMatch(r -> r.config().equals(next))) {
            String who = shown.isEmpty() ? "" : "Next run: ";
            for (Diagnosis d : Diagnostics.ofSettings(next)) list.add(new Diagnosis(who + d.text(), d.topic(), d.warning()));
        }
        return list;
    }

    /** A change of output, loss or scale during a side-by-side run: why it did nothing now. */
    static String notAppliedSideBySide() {
        return "The runs side by side take their output, loss and scale from their rows under Side by side, so this "
                + "choice waits for the next Start. To compare it now, Stop, tick it in a row there and start them again.";
    }

    /** A change of a shared setting during a side-by-side run that cannot start a new group: why. */
    static String cannotRestartSideBySide(String problem) {
        return "This setting waits for the next Start: the side-by-side rows cannot start again as they are. " + problem;
    }

    /** A change of a shared setting during a side-by-side run started a new group: "#1–#3 … #4–#6". */
    static String restartedSideBySide(List<Run> before, List<Run> now) {
        return "Runs " + span(now) + " started side by side with the new settings; " + span(before)
                + " stopped and stay on the charts, faded.";
    }

    private static String span(List<Run> runs) {
        return runs.isEmpty() ? "" : runs.size() == 1 ? "#" + runs.get(0).id()
                : "#" + runs.get(0).id() + "–#" + runs.get(runs.size() - 1).id();
    }
}
