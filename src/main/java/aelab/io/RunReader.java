package aelab.io;

import aelab.engine.Autoencoder;
import aelab.engine.ModelKind;
import aelab.engine.BatchPoint;
import aelab.engine.Checkpoint;
import aelab.engine.EpochMetrics;
import aelab.engine.MemoryNeed;
import aelab.engine.Optimizer;
import aelab.engine.TrainingConfig;
import aelab.engine.timeline.Timeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one run of experiment.json and its arrays. Shapes are not taken from the file but computed from
 * the settings' layer widths and compared with what the file records, so an array can only be read
 * into the place it was written from; then {@link SavedRun}'s constructor checks that it all fits.
 */
final class RunReader {
    static final long MAX_PARAMETERS = 1L << 28; // 1 GiB of float32 weights, 3 GiB with Adam's state

    private RunReader() { }

    /** @param npy whether the arrays are .npy entries (format 2), else raw float32 (format 1) */
    static SavedRun read(JsonObject r, ZipEntries zip, boolean npy) throws JsonException, ZipEntries.BadEntry, IOException {
        String label = r.string("label");
        TrainingConfig config = SettingsJson.read(r.object("settings"));
        double bceFloor = r.number("bceFloor");
        JsonObject c = r.object("checkpoint");
        int epochsDone = c.integer("epochsDone", 0, config.epochs());
        int batchesDone = c.integer("batchesDone", 0, Integer.MAX_VALUE);
        double partialLossSum = c.number("partialLossSum");
        long steps = c.longValue("steps");

        int[] widths = config.layers();
        long count = MemoryNeed.parameterCount(widths);
        if (count > MAX_PARAMETERS) // checked before allocating: the settings alone could ask for terabytes
            throw new JsonException(r.path("settings") + ".layers: " + config.layerString() + " make " + count
                    + " parameters, more than the " + MAX_PARAMETERS + " this app can hold");
        // Every array's description and entry size is checked before the model is made: a file of a few
        // kilobytes could otherwise name layers that take gigabytes and then hold nothing.
        ModelKind kind = config.kind();
        int paramArrays = aelab.engine.Autoencoder.paramCount(widths, kind), stateArrays = config.optimizer().stateArrays() * paramArrays;
        List<JsonObject> weights = r.objects("weights");
        if (weights.size() != paramArrays)
            throw new JsonException(r.path("weights") + ": " + weights.size() + " arrays, but layers "
                    + config.layerString() + " need " + paramArrays);
        for (int k = 0; k < paramArrays; k++) check(weights.get(k), widths, kind, k, zip, "weights", npy);
        JsonObject o = r.object("optimizer");
        long optimizerSteps = o.longValue("steps");
        List<JsonObject> arrays = o.objects("state");
        if (arrays.size() != stateArrays)
            throw new JsonException(o.path("state") + ": " + arrays.size() + " arrays, but " + config.optimizer()
                    + " keeps " + stateArrays + " for these layers");
        for (int k = 0; k < stateArrays; k++) check(arrays.get(k), widths, kind, k % paramArrays, zip, "optimizer state", npy);

        Autoencoder model = new Autoencoder(widths, config.hidden(), config.output(), kind);
        float[][] params = model.params();
        for (int k = 0; k < params.length; k++)
            read(weights.get(k), zip, params[k], "weights " + ParamNames.of(widths, kind, k), ParamNames.shape(widths, kind, k), npy);
        Optimizer optimizer = config.optimizer().create(model.paramSizes(), config.learningRate());
        float[][] state = optimizer.state(); // live arrays: filling them fills the optimizer
        for (int k = 0; k < state.length; k++)
            read(arrays.get(k), zip, state[k], "optimizer state " + ParamNames.of(widths, kind, k % params.length),
                    ParamNames.shape(widths, kind, k % params.length), npy);
        if (optimizerSteps < 0) throw new JsonException(o.path("steps") + ": must be ≥ 0, found " + optimizerSteps);
        optimizer.setSteps(optimizerSteps);

        List<BatchPoint> batches = batches(r.object("batches"), zip);
        List<EpochMetrics> epochs = new ArrayList<>();
        for (JsonObject e : r.objects("epochs")) epochs.add(SettingsJson.readEpoch(e));
        Timeline timeline = TimelineEntries.read(r, zip);
        try {
            return new SavedRun(config, new Checkpoint(model, optimizer, epochsDone, batchesDone, partialLossSum, steps),
                    bceFloor, batches, epochs, label, timeline);
        } catch (IllegalArgumentException e) {
            throw new JsonException(r.path() + ": " + e.getMessage());
        }
    }

    /** Checks that {@code a} describes parameter array k's shape, and that its entry holds that many floats. */
    private static void check(JsonObject a, int[] widths, ModelKind kind, int k, ZipEntries zip, String what, boolean npy)
            throws JsonException, ZipEntries.BadEntry {
        String param = a.string("param");
        if (!param.equals(ParamNames.of(widths, kind, k)))
            throw new JsonException(a.path("param") + ": \"" + param + "\" where " + ParamNames.of(widths, kind, k) + " belongs");
        int[] shape = a.ints("shape", 0, Integer.MAX_VALUE), want = ParamNames.shape(widths, kind, k);
        if (!Arrays.equals(shape, want))
            throw new JsonException(a.path("shape") + ": " + Arrays.toString(shape) + ", but layers "
                    + layerString(widths) + " make " + param + " " + Arrays.toString(want));
        long n = 1;
        for (int d : want) n *= d;
        String described = what + " " + param + " " + Arrays.toString(want);
        if (npy) zip.checkSizeWithin(a.string("entry"), 4 * n + 10, 4 * n + 12 + Npy.MAX_HEADER, described + " as .npy");
        else zip.checkSize(a.string("entry"), 4 * n, described);
    }

    /** Fills {@code into} from the float32 entry that {@code a} describes, already {@link #check checked}. */
    private static void read(JsonObject a, ZipEntries zip, float[] into, String what, int[] shape, boolean npy)
            throws JsonException, ZipEntries.BadEntry, IOException {
        String entry = a.string("entry");
        float[] v;
        if (npy) {
            try {
                v = Npy.read(zip.readChecked(entry, what), shape, entry);
            } catch (IllegalArgumentException e) {
                throw new ZipEntries.BadEntry(e.getMessage());
            }
        } else {
            v = LittleEndian.floats(zip.read(entry, 4L * into.length, what));
        }
        for (int i = 0; i < v.length; i++)
            if (!Float.isFinite(v[i]))
                throw new ZipEntries.BadEntry(entry + ": value " + i + " of " + what + " is " + v[i]
                        + "; they must all be finite");
        System.arraycopy(v, 0, into, 0, v.length);
    }

    private static List<BatchPoint> batches(JsonObject b, ZipEntries zip) throws JsonException, ZipEntries.BadEntry, IOException {
        List<Object> columns = b.array("columns");
        if (!columns.equals(BatchColumns.COLUMNS))
            throw new JsonException(b.path("columns") + ": expected " + BatchColumns.COLUMNS + ", found " + columns);
        int count = b.integer("count", 0, (Integer.MAX_VALUE - 8) / BatchColumns.BYTES_PER_POINT);
        String entry = b.string("entry");
        byte[] bytes = zip.read(entry, (long) count * BatchColumns.BYTES_PER_POINT, count + " batch points");
        try {
            return BatchColumns.read(bytes, count);
        } catch (IllegalArgumentException e) {
            throw new ZipEntries.BadEntry(entry + ": " + e.getMessage());
        }
    }

    private static String layerString(int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < widths.length; i++) s.append(i == 0 ? "" : "-").append(widths[i]);
        return s.toString();
    }
}
