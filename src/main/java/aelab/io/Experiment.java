package aelab.io;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one experiment file holds: the runs shown side by side, and the dataset they were trained on
 * (by name: the images themselves are not saved).
 *
 * @param datasetName as {@link aelab.data.Dataset#name()} gave it, e.g. "MNIST (bundled)"
 * @param created     when the experiment was first saved; kept when it is saved again
 * @param runs        one or more
 */
public record Experiment(String datasetName, Instant created, List<SavedRun> runs) {
    public Experiment {
        Objects.requireNonNull(datasetName, "datasetName");
        Objects.requireNonNull(created, "created");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) throw new IllegalArgumentException("an experiment holds at least one run");
    }

    /** A new experiment, created now. */
    public Experiment(String datasetName, List<SavedRun> runs) {
        this(datasetName, Instant.now(), runs);
    }
}
