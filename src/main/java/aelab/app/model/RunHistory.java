package aelab.app.model;

import aelab.engine.Setting;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The runs on the charts, oldest first. The newest run (or the newest side-by-side group) is drawn
 * strong, the others faded; each has its own colour for as long as it is shown. Legend labels name the output, loss and scale, plus any
 * other setting in which the runs on the charts differ, so two entries never read the same.
 */
public final class RunHistory {
    /** Distinct colours the window can draw; a run takes the first one no shown run has. */
    public static final int PALETTE_SIZE = 10;

    private final List<Run> runs = new ArrayList<>();
    private List<Run> newest = List.of();
    private final IntSupplier highestElsewhere;
    private long version;

    /** Runs numbered from #1 up, one more than the highest shown: after Reset the next run is #1 again. */
    public RunHistory() { this(() -> 0); }

    /**
     * @param highestElsewhere the highest number a run not on the charts still has (a row of the Results
     *                         table, say): new runs are numbered past it too, so no two runs share a number
     */
    public RunHistory(IntSupplier highestElsewhere) { this.highestElsewhere = highestElsewhere; }

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
        int id = Math.max(highestId(runs), highestElsewhere.getAsInt()) + 1;
        Run run = new Run(id, config, freeColour(id));
        runs.add(run);
        return run;
    }

    /** The highest number among the runs, 0 when there are none. */
    public static int highestId(List<Run> runs) {
        return runs.stream().mapToInt(Run::id).max().orElse(0);
    }

    /**
     * Runs that come back (Edit › Undo) keep their numbers unless a run started since took one of them;
     * then they all take new numbers after those present, in their old order, so no two runs share one.
     * Returns a sentence saying so, or "" when the numbers stay.
     */
    public static String renumberIfTaken(List<Run> back, List<Run> present) {
        List<Run> returning = back.stream().filter(r -> !present.contains(r)).distinct()
                .sorted(java.util.Comparator.comparingInt(Run::id)).toList();
        boolean taken = returning.stream().anyMatch(r -> present.stream().anyMatch(p -> p.id() == r.id()));
        if (!taken) return "";
        List<String> was = new ArrayList<>(), now = new ArrayList<>();
        int next = highestId(present) + 1;
        for (Run r : returning) {
            was.add("#" + r.id());
            r.renumber(next++);
            now.add("#" + r.id());
        }
        return returning.size() == 1
                ? "The run put back was " + was.get(0) + " and is " + now.get(0) + " now: a run started since has taken its number."
                : "The runs put back were " + String.join(", ", was) + " and are " + String.join(", ", now)
                        + " now: runs started since have taken their numbers.";
    }

    /**
     * What a removal took off the charts, to be put back by {@link #restore}: the runs as they were
     * (weights, curves, colours) and which of them were the newest.
     */
    public record Removal(List<Run> runs, List<Run> newest) {
        public Removal {
            runs = List.copyOf(runs);
            newest = List.copyOf(newest);
        }
    }

    /**
     * Removes every run but the newest run or group (those whose reconstructions and status are shown);
     * what it removed, or null when there was nothing to remove.
     */
    public Removal clearOld() {
        if (runs.size() <= newest.size()) return null;
        List<Run> gone = new ArrayList<>(runs);
        gone.removeAll(newest);
        runs.retainAll(newest);
        version++;
        return new Removal(gone, List.of());
    }

    /** Removes every run; what it removed, or null when there was none. */
    public Removal clear() {
        if (runs.isEmpty()) return null;
        Removal r = new Removal(runs, newest);
        runs.clear();
        newest = List.of();
        version++;
        return r;
    }

    /**
     * Puts removed runs back among those shown now, in the order of their numbers. A run whose colour
     * a run started since has taken gets the first free one; the newest stay the newest when there are
     * runs now, else the removed newest are again.
     */
    public void restore(Removal removal) {
        for (Run r : removal.runs()) {
            if (runs.contains(r)) continue;
            if (runs.stream().anyMatch(o -> o.colour() == r.colour())) r.recolour(freeColour(r.id()));
            runs.add(r);
        }
        runs.sort(java.util.Comparator.comparingInt(Run::id));
        if (newest.isEmpty()) newest = List.copyOf(removal.newest());
        version++;
    }

    /** The first colour no shown run has; with more runs than colours, the colours in turn. */
    private int freeColour(int id) {
        boolean[] taken = new boolean[PALETTE_SIZE];
        for (Run r : runs) taken[r.colour()] = true;
        for (int c = 0; c < PALETTE_SIZE; c++) if (!taken[c]) return c;
        return (id - 1) % PALETTE_SIZE;
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
