package aelab.app.model;

import aelab.engine.Preview;
import aelab.engine.timeline.Snapshot;
import aelab.engine.timeline.Timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the reconstruction panel stands in the runs' timelines: live (following training) or at one
 * of the moments a shown run kept a snapshot. The moments are the union of the runs' snapshot
 * positions in epochs (step / batches per epoch, the charts' x), so side-by-side runs, and runs with
 * other batch sizes, show their states at the same point of training. Each run then shows its latest
 * snapshot at or before that point:
 *
 *   shown(run) = run.timeline().at(⌊position · batchesPerEpoch(run) + ε⌋)
 *
 * The slider steps through moments, not epochs: the dense early snapshots, where the digits form, get
 * as much of its length as the sparse later ones.
 */
public final class Scrubber {
    private static final double EPS = 1e-9;
    private List<Run> runs = List.of();
    private final Map<Run, Timeline> seen = new IdentityHashMap<>();
    private double[] moments = new double[0];
    private int index = -1;                 // −1: live
    private double heldPosition = Double.NaN;
    private record Decoded(Snapshot snapshot, Preview preview) { }
    private final Map<Run, Decoded> decoded = new IdentityHashMap<>();   // each run's snapshot shown, decoded once

    /** Follows these runs (the panel's); true when the moments changed. Keeps the position where it was. */
    public boolean update(List<Run> shown) {
        boolean changed = !shown.equals(runs);
        if (!changed) for (Run r : shown) changed |= seen.get(r) != r.timeline();
        if (!changed) return false;
        runs = List.copyOf(shown);
        seen.clear();
        decoded.keySet().retainAll(runs);
        List<Double> all = new ArrayList<>();
        for (Run r : runs) {
            Timeline t = r.timeline();
            seen.put(r, t);
            int per = batchesPerEpoch(r);
            for (Snapshot s : t.snapshots()) all.add(s.step() / (double) per);
        }
        moments = all.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        if (index >= 0) index = Math.max(0, nearest(heldPosition));
        return true;
    }

    private int nearest(double position) {
        if (moments.length == 0) return -1;
        int i = Arrays.binarySearch(moments, position);
        return i >= 0 ? i : Math.max(0, Math.min(moments.length - 1, -i - 2));
    }

    private static int batchesPerEpoch(Run r) {
        return r.info() == null ? 1 : Math.max(1, r.info().batchesPerEpoch());
    }

    public boolean isLive() { return index < 0; }

    /** Moments to step through. */
    public int size() { return moments.length; }

    /** The moment shown, 0 … size() − 1; the last one while live. */
    public int index() { return index < 0 ? moments.length - 1 : index; }

    /** Shows moment i (clamped); it stays shown while training goes on. */
    public void show(int i) {
        if (moments.length == 0) return;
        index = Math.max(0, Math.min(moments.length - 1, i));
        heldPosition = moments[index];
    }

    /** One moment later (from live: the one before the last, then on); false at the last one. */
    public boolean next() {
        if (index < 0 || index >= moments.length - 1) return false;
        show(index + 1);
        return true;
    }

    public boolean previous() {
        if (moments.length == 0) return false;
        int from = index();
        if (from <= 0) return false;
        show(from - 1);
        return true;
    }

    /** Back to following training: each run shows its latest preview. */
    public void goLive() {
        index = -1;
        heldPosition = Double.NaN;
    }

    /** The position shown in epochs, or NaN while live. */
    public double position() { return index < 0 ? Double.NaN : moments[index]; }

    /** The moment's position in epochs (for labels), NaN when there is none. */
    public double positionOf(int i) { return i < 0 || i >= moments.length ? Double.NaN : moments[i]; }

    /** What the run shows here: its latest preview while live, else its snapshot at the position (null if none yet). */
    public Preview previewOf(Run r) {
        if (index < 0) return r.preview();
        Timeline t = r.timeline();
        Snapshot s = t.at((long) Math.floor(moments[index] * batchesPerEpoch(r) + EPS));
        if (s == null) return null;
        Decoded d = decoded.get(r);
        if (d == null || d.snapshot() != s) {   // decode once per snapshot shown, so the panel sees the same preview again
            d = new Decoded(s, s.toPreview(t.indices()));
            decoded.put(r, d);
        }
        return d.preview();
    }
}
