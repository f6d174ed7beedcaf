package aelab.engine.timeline;

import aelab.data.ImageSet;
import aelab.engine.EpochInsights;
import aelab.engine.Preview;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a run's {@link Timeline} from what its trainer sends: {@link #add(Preview, boolean)} for each
 * snapshot, {@link #add(EpochInsights)} after each epoch. One thread at a time; {@link #timeline()}
 * hands out an immutable copy, the same one until something is added.
 *
 * A run trained on from an earlier checkpoint (after a divergence went back to its last good
 * weights) sends steps it had sent before: what was kept from there on is dropped first.
 */
public final class TimelineRecorder {
    private final int rows, cols, columns;
    private final int[] indices;
    private final byte[] originals, labels;
    private byte[] codeLabels = new byte[0];
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<LatentFrame> latents = new ArrayList<>();
    private Timeline built;

    /** Follows the given test images, laid out {@code columns} a row. */
    public TimelineRecorder(ImageSet test, int[] testIndices, int columns) {
        rows = test.rows();
        cols = test.cols();
        this.columns = columns;
        indices = testIndices.clone();
        int d = test.imageSize();
        originals = new byte[indices.length * d];
        labels = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(test.pixels(), indices[i] * d, originals, i * d, d);
            labels[i] = test.labels()[indices[i]];
        }
    }

    /** Goes on from a saved timeline (a reopened run trained further). */
    public TimelineRecorder(Timeline from) {
        rows = from.imageRows();
        cols = from.imageCols();
        columns = from.columns();
        indices = from.indices();
        originals = from.originals();
        labels = from.labels();
        codeLabels = from.codeLabels();
        snapshots.addAll(from.snapshots());
        latents.addAll(from.latents());
        built = from;
    }

    /** Keeps a snapshot; at a step already kept, the later one (an epoch's end) takes its place. */
    public void add(Preview p, boolean epochEnd) {
        if (p.count() != indices.length) return;   // not of the images followed
        while (!snapshots.isEmpty() && snapshots.get(snapshots.size() - 1).step() >= p.step())
            snapshots.remove(snapshots.size() - 1);
        snapshots.add(Snapshot.of(p, epochEnd));
        built = null;
    }

    /** Keeps the epoch's codes. */
    public void add(EpochInsights i) {
        if (i.codeCount() == 0) return;
        if (latents.isEmpty() || i.codeCount() != codeLabels.length) {
            latents.clear();   // a first frame, or other test images: only frames of the same images sit together
            codeLabels = i.codeLabels().clone();
        }
        while (!latents.isEmpty() && latents.get(latents.size() - 1).epoch() >= i.epoch()) latents.remove(latents.size() - 1);
        latents.add(LatentFrame.of(i));
        built = null;
    }

    public Timeline timeline() {
        if (built == null)
            built = new Timeline(rows, cols, columns, indices, originals, labels, codeLabels, snapshots, latents);
        return built;
    }
}
