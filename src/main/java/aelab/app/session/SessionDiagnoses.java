package aelab.app.session;

import aelab.app.model.Diagnostics;
import aelab.app.model.Diagnostics.Diagnosis;
import aelab.app.model.Run;
import aelab.data.ClassNames;
import aelab.data.Dataset;
import aelab.data.ImageSet;
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
     * when no shown run has them; a pixel sum is said of the data loaded (runs trained on others get
     * {@link #OTHER_IMAGES}).
     */
    static List<Diagnosis> of(List<Run> shown, TrainingConfig next, boolean idle, Dataset data, PixelSum sums) {
        List<Diagnosis> list = new ArrayList<>();
        String sum = sums.of(data);
        for (Run r : shown) {
            String who = shown.size() > 1 ? "#" + r.id() + " " : "";
            boolean ours = data != null && data.name().equals(r.record().dataset());   // else trained on other images
            for (Diagnosis d : Diagnostics.of(r, ours ? sum : OTHER_IMAGES))
                list.add(new Diagnosis(who + d.text(), d.topic(), d.warning()));
        }
        Diagnosis floor = Diagnostics.aboveFloor(shown);
        if (floor != null) list.add(floor);
        if (idle && next != null && shown.stream().noneMatch(r -> r.config().equals(next))) {
            String who = shown.isEmpty() ? "" : "Next run: ";
            for (Diagnosis d : Diagnostics.ofSettings(next, sum)) list.add(new Diagnosis(who + d.text(), d.topic(), d.warning()));
        }
        return list;
    }

    /** Said of a run trained on other images than those loaded now, whose pixel sum is not at hand. */
    static final String OTHER_IMAGES = "the pixels of an image sum to far more than 1";

    /** The pixel sum of a dataset's test images in words, counted once per dataset: one per session. */
    static final class PixelSum {
        private Dataset summed;
        private String words;

        /** "an MNIST digit's pixels sum to about 104", from the mean over the dataset's test images. */
        String of(Dataset data) {
            if (data == null) return OTHER_IMAGES;
            if (data != summed) {
                ImageSet test = data.test();
                words = Diagnostics.pixelSum(ClassNames.of(test), test.meanPixel() * test.imageSize());
                summed = data;
            }
            return words;
        }
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
