package aelab.io;

import aelab.engine.Checkpoint;
import aelab.engine.EpochMetrics;
import aelab.engine.Optimizer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an {@link Experiment} as a zip: experiment.json first (so a listing or a streaming reader meets
 * the description before the data), then each run's arrays. Every entry carries the experiment's
 * creation time, so saving the same experiment twice gives the same bytes.
 */
final class ExperimentWriter {
    private record Entry(String name, Supplier<byte[]> bytes) { }

    private final List<Entry> entries = new ArrayList<>();

    private ExperimentWriter() { }

    static void write(OutputStream out, Experiment e) throws IOException {
        write(out, e, java.util.zip.Deflater.DEFAULT_COMPRESSION);
    }

    /** The same at a deflate level (1 fastest … 9 smallest; the weights are floats, which barely pack anyway). */
    static void write(OutputStream out, Experiment e, int level) throws IOException {
        ExperimentWriter w = new ExperimentWriter();
        byte[] json = Json.write(w.root(e)).getBytes(StandardCharsets.UTF_8);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(level);
        long time = e.created().toEpochMilli();
        put(zip, ExperimentFile.METADATA, json, time);
        for (Entry entry : w.entries) put(zip, entry.name(), entry.bytes().get(), time);
        zip.finish(); // not close(): the stream belongs to AtomicFiles, which still has to sync it
        zip.flush();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, long time) throws IOException {
        ZipEntry z = new ZipEntry(name);
        z.setTime(time);
        zip.putNextEntry(z);
        zip.write(bytes);
        zip.closeEntry();
    }

    private Map<String, Object> root(Experiment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", ExperimentFile.FORMAT);
        m.put("version", (long) ExperimentFile.VERSION);
        m.put("minorVersion", (long) ExperimentFile.MINOR_VERSION);
        m.put("appVersion", AppVersion.VERSION);
        m.put("created", e.created().toString());
        m.put("dataset", e.datasetName());
        List<Object> runs = new ArrayList<>();
        for (int i = 0; i < e.runs().size(); i++) runs.add(run(e.runs().get(i), "runs/" + i + "/"));
        m.put("runs", runs);
        return m;
    }

    private Map<String, Object> run(SavedRun r, String dir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", r.label());
        m.put("settings", SettingsJson.write(r.config()));
        m.put("bceFloor", r.bceFloor());
        Checkpoint cp = r.checkpoint();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("epochsDone", (long) cp.epochsDone());
        c.put("batchesDone", (long) cp.batchesDone());
        c.put("partialLossSum", cp.partialLossSum());
        c.put("steps", cp.steps());
        m.put("checkpoint", c);

        int[] widths = r.config().layers();
        kind = r.config().kind();
        float[][] params = cp.model().params();
        List<Object> weights = new ArrayList<>();
        for (int k = 0; k < params.length; k++)
            weights.add(array(ParamNames.of(widths, kind, k), widths, k, dir + ParamNames.of(widths, kind, k) + ".npy", params[k]));
        m.put("weights", weights);

        Optimizer o = cp.optimizer();
        float[][] state = o.state();
        List<Object> arrays = new ArrayList<>();
        for (int k = 0; k < state.length; k++) {
            int p = k % params.length; // state arrays come in groups, each in params() order
            String group = ParamNames.stateGroup(r.config().optimizer(), k / params.length);
            arrays.add(array(ParamNames.of(widths, kind, p), widths, p, dir + "optimizer/" + group + "_" + ParamNames.of(widths, kind, p) + ".npy", state[k]));
        }
        Map<String, Object> opt = new LinkedHashMap<>();
        opt.put("steps", o.steps());
        opt.put("state", arrays);
        m.put("optimizer", opt);

        Map<String, Object> b = new LinkedHashMap<>();
        b.put("count", (long) r.batches().size());
        b.put("columns", new ArrayList<Object>(BatchColumns.COLUMNS));
        b.put("entry", dir + "batches.bin");
        entries.add(new Entry(dir + "batches.bin", () -> BatchColumns.write(r.batches())));
        m.put("batches", b);

        List<Object> epochs = new ArrayList<>();
        for (EpochMetrics e : r.epochs()) epochs.add(SettingsJson.write(e));
        m.put("epochs", epochs);
        if (!r.timeline().isEmpty())
            m.put("timeline", TimelineEntries.write(r.timeline(), dir, (name, bytes) -> entries.add(new Entry(name, bytes))));
        return m;
    }

    private aelab.engine.ModelKind kind; // of the run being described

    /** The JSON description of one float32 array, and its .npy entry queued for writing. */
    private Map<String, Object> array(String param, int[] widths, int k, String entry, float[] values) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("param", param);
        List<Object> shape = new ArrayList<>();
        int[] dims = ParamNames.shape(widths, kind, k);
        for (int n : dims) shape.add((long) n);
        a.put("shape", shape);
        a.put("entry", entry);
        entries.add(new Entry(entry, () -> Npy.write(values, dims)));
        return a;
    }
}
