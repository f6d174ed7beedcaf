package aelab.io.gif;

import aelab.engine.timeline.Snapshot;
import aelab.engine.timeline.Timeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The timelines of runs trained side by side as one animated GIF, a frame per snapshot step: a header,
 * the followed test digits, then a row of each run's reconstructions as they stood at that step (its
 * latest snapshot at or before it: side-by-side runs share the batch size, so their steps line up), and
 * a caption with the step, the epoch and the mean BCE of the digits. Frames last {@value #DELAY_MILLIS}
 * ms, the last {@value #LAST_DELAY_MILLIS} ms, and the GIF loops.
 *
 * Up to two runs show all the followed digits (two of each class, a band of ten each); three or more
 * show the first band only, which keeps a frame about the size of a screen and the file small.
 */
public final class TimelineGif {
    public static final int DELAY_MILLIS = 250, LAST_DELAY_MILLIS = 2000;
    /** Each image pixel is a SCALE × SCALE block. */
    public static final int SCALE = 2;

    /** One run: what its row is labelled ("run 1 · sigmoid + bce, [0,1]") and its timeline. */
    public record Source(String name, Timeline timeline) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(timeline, "timeline");
        }
    }

    private final String header;
    private final List<Source> runs;
    private final long[] steps;
    private final FrameLayout layout;
    private final float[] originals;

    private TimelineGif(String header, List<Source> runs) {
        this.header = header;
        this.runs = runs;
        TreeSet<Long> all = new TreeSet<>();
        for (Source s : runs) for (Snapshot x : s.timeline().snapshots()) all.add(x.step());
        steps = all.stream().mapToLong(Long::longValue).toArray();
        Timeline t = runs.get(0).timeline();
        int n = t.indices().length, bands = (n + t.columns() - 1) / t.columns();
        if (runs.size() > 2) bands = 1;
        int images = Math.min(n, bands * t.columns());
        layout = new FrameLayout(t.imageRows(), t.imageCols(), t.columns(), bands, images, runs.size() + 1, SCALE);
        int d = t.imageRows() * t.imageCols();
        originals = new float[images * d];
        for (int j = 0; j < originals.length; j++) originals[j] = (t.originals()[j] & 0xFF) / 255f;
    }

    /**
     * The GIF of these runs, headed by the one run's name or "N runs side by side". Runs whose timeline
     * is empty are left out; with none left, or runs that followed other digits, the one-line reason is
     * an IllegalArgumentException.
     */
    public static TimelineGif of(List<Source> runs) {
        List<Source> kept = runs.stream().filter(s -> !s.timeline().isEmpty()).toList();
        if (kept.isEmpty()) throw new IllegalArgumentException(runs.size() == 1 ? "the run has no timeline"
                : "none of the " + runs.size() + " runs has a timeline");
        Timeline first = kept.get(0).timeline();
        for (Source s : kept) {
            Timeline t = s.timeline();
            if (!Arrays.equals(t.indices(), first.indices()) || t.imageRows() != first.imageRows()
                    || t.imageCols() != first.imageCols() || t.columns() != first.columns())
                throw new IllegalArgumentException(s.name() + " follows other test digits than " + kept.get(0).name()
                        + ": their timelines cannot share a frame");
        }
        String header = kept.size() == 1 ? kept.get(0).name() : kept.size() + " runs side by side";
        return new TimelineGif(header, kept);
    }

    public int frames() { return steps.length; }

    public long firstStep() { return steps[0]; }

    public long lastStep() { return steps[steps.length - 1]; }

    /** The runs drawn, in order (those with a timeline). */
    public List<Source> runs() { return runs; }

    /** Where the digits are drawn: group 0 the originals, group 1 + r run r. */
    public FrameLayout layout() { return layout; }

    /** Frame k as drawn, in the GIF's palette. */
    public BufferedImage frame(int k) {
        long step = steps[k];
        List<FramePainter.Row> rows = new ArrayList<>();
        rows.add(new FramePainter.Row("original", "", originals, -1));
        Snapshot shown = null;
        for (int r = 0; r < runs.size(); r++) {
            Timeline t = runs.get(r).timeline();
            Snapshot s = t.at(step);
            if (s != null && (shown == null || s.step() > shown.step())) shown = s;
            String note = s == null || runs.size() == 1 ? "" : String.format(Locale.ROOT, "BCE %.4f", meanBce(s));
            rows.add(new FramePainter.Row(runs.size() == 1 ? "reconstructed" : runs.get(r).name(), note, s == null ? null : pixels(s, t), runs.size() == 1 ? -1 : r));
        }
        String caption = "step " + step + " · " + (shown.epochEnd() ? "end of epoch " : "epoch ") + shown.epoch()
                + (runs.size() == 1 ? String.format(Locale.ROOT, " · test-digit BCE %.4f", meanBce(shown)) : "");
        double progress = lastStep() == firstStep() ? 1 : (step - firstStep()) / (double) (lastStep() - firstStep());
        return new FramePainter(layout).paint(header, rows, caption, progress);
    }

    private float[] pixels(Snapshot s, Timeline t) {
        float[] all = s.toPreview(t.indices()).pixels();
        return all.length == originals.length ? all : Arrays.copyOf(all, originals.length);
    }

    /** Mean over the followed digits of each one's BCE. */
    static double meanBce(Snapshot s) {
        return Arrays.stream(s.bce()).average().orElse(Double.NaN);
    }

    /** Writes the GIF to out (left open), drawing one frame at a time. */
    public void write(OutputStream out) throws IOException {
        try (AnimatedGifWriter gif = new AnimatedGifWriter(out, layout.width(), layout.height(), GifPalette.MODEL)) {
            for (int k = 0; k < steps.length; k++) gif.add(frame(k), k == steps.length - 1 ? LAST_DELAY_MILLIS : DELAY_MILLIS);
            gif.finish();
        }
    }
}
