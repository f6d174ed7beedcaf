package aelab.app.model;

import aelab.engine.Setting;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The runs on the charts, oldest first. The newest run (or the newest side-by-side group) is drawn
 * strong, the others faded; each has its own colour for as long as it is shown. Legend labels name the output, loss and scale, plus any
 * other setting in which the runs on the charts differ, so two entries never read the same.
 */
public final class RunHistory {
    /** Distinct colours the window can draw; a run takes the first one no shown run has. */
    public static final int PALETTE_SIZE = 8;

    private final List<Run> runs = new ArrayList<>();
    private List<Run> newest = List.of();
    private int nextId = 1;
    private long version;

    public Run add(TrainingConfig config) {
        Run run = append(config);
        newest = List.of(run);
        version++;
        return run;
    }

    /** Runs trained side by side: all of them are the newest, drawn strong, in distinct colours. */
    public List<Run> addGroup(List<TrainingConfig> configs) {
        List<Run> group = new ArrayList<>();
        for (TrainingConfig c : configs) group.add(append(c));
        newest = List.copyOf(group);
        version++;
        return newest;
    }

    private Run append(TrainingConfig config) {
        boolean[] taken = new boolean[PALETTE_SIZE];
        for (Run r : runs) taken[r.colour()] = true;
        int colour = 0;
        while (colour < PALETTE_SIZE && taken[colour]) colour++;
        if (colour == PALETTE_SIZE) colour = (nextId - 1) % PALETTE_SIZE;   // more runs than colours: reuse in turn
        Run run = new Run(nextId++, config, colour);
        runs.add(run);
        return run;
    }

    /** Removes every run but the newest run or group (those whose reconstructions and status are shown). */
    public void clearOld() {
        if (runs.size() <= newest.size()) return;
        runs.retainAll(newest);
        version++;
    }

    public void clear() {
        if (runs.isEmpty()) return;
        runs.clear();
        newest = List.of();
        version++;
    }

    public List<Run> runs() { return Collections.unmodifiableList(runs); }

    /** The newest run, or null when there is none. */
    public Run latest() { return runs.isEmpty() ? null : runs.get(runs.size() - 1); }

    /** The newest run, or every run of the newest side-by-side group; empty when there is none. */
    public List<Run> newest() { return newest; }

    public boolean isFaded(Run run) { return !newest.contains(run); }

    /** Changes whenever runs are added or removed (not when a run gains points). */
    public long version() { return version; }

    /** "#2 softmax + bce, raw 0–255", with "· lr 0.01" and the like when another run differs there. */
    public String legendLabel(Run run) {
        return "#" + run.id() + " " + settingsLabel(run, runs);
    }

    /**
     * "softmax + bce, raw 0–255", with "· lr 0.01" and the like for each setting with a phrase
     * ({@link Setting#phrase}) whose value differs among the given runs.
     */
    public static String settingsLabel(Run run, List<Run> among) {
        StringBuilder s = new StringBuilder(run.config().label());
        for (Setting<?> setting : Settings.ALL) {
            if (setting.phrase() == null) continue;
            String mine = setting.text(run.config());
            boolean varies = among.stream().map(r -> setting.text(r.config())).anyMatch(v -> !v.equals(mine));
            if (varies) s.append(" · ").append(String.format(setting.phrase(), mine));
        }
        return s.toString();
    }

    @Override public String toString() {
        return Arrays.toString(runs.stream().map(this::legendLabel).toArray());
    }
}
