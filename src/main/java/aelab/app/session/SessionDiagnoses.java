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
}
