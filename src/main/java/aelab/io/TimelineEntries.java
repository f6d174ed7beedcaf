package aelab.io;

import aelab.engine.timeline.LatentFrame;
import aelab.engine.timeline.Snapshot;
import aelab.engine.timeline.Timeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A run's {@link Timeline} in an experiment file (minor version 1): its description in the run's
 * {@code "timeline"} object, its arrays in three entries under {@code runs/<i>/timeline/}:
 *
 *   originals.u8   (images, rows·cols) uint8, the followed test images as in the dataset
 *   snapshots.bin  per snapshot in step order: levels uint8 (images·pixels), then per image lo, hi as
 *                  float32 and bce, mse, outputSum as float64; little-endian
 *   codes.f32      per latent frame in epoch order: (codes, 2) float32, little-endian
 *
 * A run without the object (a file from before timelines) reads as {@link Timeline#EMPTY}.
 */
final class TimelineEntries {
    private TimelineEntries() { }

    static final String SNAPSHOT_LAYOUT = "levels:uint8[images*pixels] lo:float32[images] hi:float32[images] "
            + "bce:float64[images] mse:float64[images] outputSum:float64[images]";

    /** Bytes one snapshot takes in snapshots.bin. */
    static long snapshotBytes(long images, long pixels) { return images * pixels + images * (4 + 4 + 8 + 8 + 8); }

    static Map<String, Object> write(Timeline t, String dir, BiConsumer<String, Supplier<byte[]>> entries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imageRows", (long) t.imageRows());
        m.put("imageCols", (long) t.imageCols());
        m.put("columns", (long) t.columns());
        m.put("indices", longs(t.indices()));
        m.put("labels", longs(t.labels()));
        String originals = dir + "timeline/originals.u8";
        m.put("originals", originals);
        entries.accept(originals, t::originals);

        Map<String, Object> s = new LinkedHashMap<>();
        List<Object> steps = new ArrayList<>(), epochs = new ArrayList<>(), ends = new ArrayList<>();
        for (Snapshot x : t.snapshots()) {
            steps.add(x.step());
            epochs.add((long) x.epoch());
            ends.add(x.epochEnd() ? 1L : 0L);
        }
        s.put("count", (long) t.size());
        s.put("steps", steps);
        s.put("epochs", epochs);
        s.put("epochEnd", ends);
        s.put("layout", SNAPSHOT_LAYOUT);
        String snapshots = dir + "timeline/snapshots.bin";
        s.put("entry", snapshots);
        entries.accept(snapshots, () -> snapshotBytes(t));
        m.put("snapshots", s);

        Map<String, Object> c = new LinkedHashMap<>();
        c.put("labels", longs(t.codeLabels()));
        List<Object> frames = new ArrayList<>();
        for (LatentFrame f : t.latents()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("epoch", (long) f.epoch());
            one.put("explained", List.of(f.explained()[0], f.explained()[1]));
            frames.add(one);
        }
        c.put("frames", frames);
        String codes = dir + "timeline/codes.f32";
        c.put("entry", codes);
        entries.accept(codes, () -> {
            float[] all = new float[t.latents().stream().mapToInt(f -> f.codes().length).sum()];
            int at = 0;
            for (LatentFrame f : t.latents()) {
                System.arraycopy(f.codes(), 0, all, at, f.codes().length);
                at += f.codes().length;
            }
            return LittleEndian.floats(all);
        });
        m.put("codes", c);
        return m;
    }

    private static byte[] snapshotBytes(Timeline t) {
        int n = t.indices().length, d = t.imageRows() * t.imageCols();
        ByteBuffer b = ByteBuffer.allocate((int) (t.size() * snapshotBytes(n, d))).order(ByteOrder.LITTLE_ENDIAN);
        for (Snapshot s : t.snapshots()) {
            b.put(s.levels());
            for (float v : s.lo()) b.putFloat(v);
            for (float v : s.hi()) b.putFloat(v);
            for (double v : s.bce()) b.putDouble(v);
            for (double v : s.mse()) b.putDouble(v);
            for (double v : s.outputSum()) b.putDouble(v);
        }
        return b.array();
    }

    static Timeline read(JsonObject r, ZipEntries zip) throws JsonException, ZipEntries.BadEntry, IOException {
        if (!r.has("timeline")) return Timeline.EMPTY;
        JsonObject t = r.object("timeline");
        int rows = t.integer("imageRows", 1, 4096), cols = t.integer("imageCols", 1, 4096);
        int columns = t.integer("columns", 1, 4096);
        int d = rows * cols;
        int[] indices = t.ints("indices", 0, Integer.MAX_VALUE);
        byte[] labels = bytes(t.ints("labels", 0, 255));
        if (labels.length != indices.length)
            throw new JsonException(t.path("labels") + ": " + labels.length + " labels for " + indices.length + " images");
        if ((long) indices.length * d > 64L << 20) throw new JsonException(t.path("indices") + ": too many images to follow");
        byte[] originals = zip.read(t.string("originals"), (long) indices.length * d, "the timeline's originals");

        JsonObject s = t.object("snapshots");
        int count = s.integer("count", 0, 100_000);
        long per = snapshotBytes(indices.length, d);
        if (count * per > Integer.MAX_VALUE - 8) throw new JsonException(s.path("count") + ": " + count + " snapshots are too many");
        List<Object> steps = s.array("steps");
        int[] epochs = s.ints("epochs", 0, Integer.MAX_VALUE), ends = s.ints("epochEnd", 0, 1);
        if (steps.size() != count || epochs.length != count || ends.length != count)
            throw new JsonException(s.path() + ": steps, epochs and epochEnd must each have count (" + count + ") values");
        ByteBuffer b = ByteBuffer.wrap(zip.read(s.string("entry"), count * per, count + " timeline snapshots"))
                .order(ByteOrder.LITTLE_ENDIAN);
        List<Snapshot> snapshots = new ArrayList<>();
        int n = indices.length;
        for (int k = 0; k < count; k++) {
            if (!(steps.get(k) instanceof Long step) || step < 0)
                throw new JsonException(s.path("steps") + "[" + k + "]: a step is a whole number ≥ 0, not " + JsonObject.describe(steps.get(k)));
            byte[] levels = new byte[n * d];
            b.get(levels);
            float[] lo = new float[n], hi = new float[n];
            double[] bce = new double[n], mse = new double[n], sum = new double[n];
            for (int i = 0; i < n; i++) lo[i] = b.getFloat();
            for (int i = 0; i < n; i++) hi[i] = b.getFloat();
            for (int i = 0; i < n; i++) bce[i] = b.getDouble();
            for (int i = 0; i < n; i++) mse[i] = b.getDouble();
            for (int i = 0; i < n; i++) sum[i] = b.getDouble();
            snapshots.add(new Snapshot(step, epochs[k], ends[k] == 1, d, levels, lo, hi, bce, mse, sum));
        }

        JsonObject c = t.object("codes");
        byte[] codeLabels = bytes(c.ints("labels", 0, 255));
        List<JsonObject> frames = c.objects("frames");
        long values = 2L * codeLabels.length * frames.size();
        if (values > 64L << 20) throw new JsonException(c.path("frames") + ": too many codes");
        float[] codes = LittleEndian.floats(zip.read(c.string("entry"), 4 * values, "the timeline's codes"));
        List<LatentFrame> latents = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            JsonObject f = frames.get(k);
            List<Object> e = f.array("explained");
            if (e.size() != 2 || !(e.get(0) instanceof Number a) || !(e.get(1) instanceof Number z))
                throw new JsonException(f.path("explained") + ": two shares of the variance");
            float[] one = new float[2 * codeLabels.length];
            System.arraycopy(codes, k * one.length, one, 0, one.length);
            for (float v : one) if (!Float.isFinite(v)) throw new JsonException(f.path() + ": codes must be finite");
            latents.add(new LatentFrame(f.integer("epoch", 1, Integer.MAX_VALUE), one,
                    new double[] {a.doubleValue(), z.doubleValue()}));
        }
        try {
            return new Timeline(rows, cols, columns, indices, originals, labels, codeLabels, snapshots, latents);
        } catch (IllegalArgumentException e) {
            throw new JsonException(t.path() + ": " + e.getMessage());
        }
    }

    private static List<Object> longs(int[] a) {
        List<Object> l = new ArrayList<>();
        for (int v : a) l.add((long) v);
        return l;
    }

    private static List<Object> longs(byte[] a) {
        List<Object> l = new ArrayList<>();
        for (byte v : a) l.add((long) (v & 0xFF));
        return l;
    }

    private static byte[] bytes(int[] a) {
        byte[] b = new byte[a.length];
        for (int i = 0; i < a.length; i++) b[i] = (byte) a[i];
        return b;
    }
}
