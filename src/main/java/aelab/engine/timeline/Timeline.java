package aelab.engine.timeline;

import java.util.List;
import java.util.Objects;

/**
 * What a run looked like as it learned: snapshots of the reconstructions of a fixed set of test images,
 * dense early and sparse later ({@link aelab.engine.SnapshotSchedule}, plus every epoch's end), and
 * the bottleneck codes at each epoch's end. Immutable; a {@link TimelineRecorder} builds it.
 *
 * The originals travel with it (8 bits a pixel, as in the dataset), so a saved timeline can be drawn
 * without the dataset: the GIF export of a file needs nothing else.
 *
 * @param imageRows   rows of each image (28 for MNIST)
 * @param imageCols   columns of each image
 * @param columns     images per row when laid out as the window shows them (one per class: 10)
 * @param indices     the test images followed, in the order the snapshots hold them
 * @param originals   their pixels, 0–255, (indices.length, rows·cols)
 * @param labels      their classes
 * @param codeLabels  classes of the test images whose codes the latent frames hold
 * @param snapshots   in increasing step order
 * @param latents     in increasing epoch order
 */
public record Timeline(int imageRows, int imageCols, int columns, int[] indices, byte[] originals, byte[] labels,
                       byte[] codeLabels, List<Snapshot> snapshots, List<LatentFrame> latents) {
    /** A run without one (a file saved before timelines, or a run that has not started). */
    public static final Timeline EMPTY = new Timeline(0, 0, 0, new int[0], new byte[0], new byte[0], new byte[0],
            List.of(), List.of());

    public Timeline {
        snapshots = List.copyOf(snapshots);
        latents = List.copyOf(latents);
        Objects.requireNonNull(indices, "indices");
        int d = imageRows * imageCols;
        if (imageRows < 0 || imageCols < 0 || columns < 0) throw new IllegalArgumentException("sizes must be ≥ 0");
        if (originals.length != (long) indices.length * d || labels.length != indices.length)
            throw new IllegalArgumentException("the originals must hold " + indices.length + " images of " + d + " pixels, with their labels");
        long last = -1;
        for (Snapshot s : snapshots) {
            if (s.step() <= last) throw new IllegalArgumentException("snapshot steps must increase: " + s.step() + " after " + last);
            if (s.count() != indices.length || s.width() != d)
                throw new IllegalArgumentException("snapshot at step " + s.step() + " holds " + s.count() + " images of "
                        + s.width() + " pixels, not " + indices.length + " of " + d);
            last = s.step();
        }
        int epoch = -1;
        for (LatentFrame f : latents) {
            if (f.epoch() <= epoch) throw new IllegalArgumentException("latent frames' epochs must increase: " + f.epoch() + " after " + epoch);
            if (f.count() != codeLabels.length)
                throw new IllegalArgumentException("latent frame of epoch " + f.epoch() + " holds " + f.count()
                        + " codes, not " + codeLabels.length);
            epoch = f.epoch();
        }
    }

    public boolean isEmpty() { return snapshots.isEmpty(); }

    public int size() { return snapshots.size(); }

    public Snapshot get(int i) { return snapshots.get(i); }

    /** Index of the latest snapshot taken at or before the step, −1 when none is that early. */
    public int indexAt(long step) {
        int lo = 0, hi = snapshots.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (snapshots.get(mid).step() <= step) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The latest snapshot at or before the step, or null. */
    public Snapshot at(long step) {
        int i = indexAt(step);
        return i < 0 ? null : snapshots.get(i);
    }

    /** The codes of the latest epoch ended at or before the given one, or null. */
    public LatentFrame latentAt(int epoch) {
        LatentFrame found = null;
        for (LatentFrame f : latents) if (f.epoch() <= epoch) found = f;
        return found;
    }

    /** The same up to a step: what a checkpoint taken there had seen. */
    public Timeline upTo(long step, int epochsDone) {
        int n = indexAt(step) + 1;
        List<LatentFrame> l = latents.stream().filter(f -> f.epoch() <= epochsDone).toList();
        if (n == snapshots.size() && l.size() == latents.size()) return this;
        return new Timeline(imageRows, imageCols, columns, indices, originals, labels, codeLabels,
                snapshots.subList(0, n), l);
    }

    /** Bytes its arrays take in memory (and, about, in a file). */
    public long bytes() {
        long b = 4L * indices.length + originals.length + labels.length + codeLabels.length;
        for (Snapshot s : snapshots) b += s.bytes() + 24;
        for (LatentFrame f : latents) b += f.bytes();
        return b;
    }
}
