package aelab.io;

import aelab.engine.Autoencoder;
import aelab.engine.ModelKind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A trained model's weights under the names of the exported PyTorch model, whose {@code nn.Sequential}
 * holds a Linear layer at every even index (the activations between them):
 *
 *   "0.weight" (128, 784), "0.bias" (128), "2.weight" (64, 128), …   — layer l is "{2l}.weight"
 *
 * A VAE's module holds {@code encoder} (an nn.Sequential of the layers before the code), the heads
 * {@code mu} and {@code logvar}, and {@code decoder} (the layers after it), so its names are
 *   "encoder.0.weight", …, "mu.weight" (k, n), "logvar.weight" (k, n), "decoder.0.weight", …
 * so {@code model.load_state_dict(...)} takes them as they are. PyTorch's weight is (out, in), the
 * transpose of the app's W (in, out). Two containers:
 *
 *   npz          a zip of NumPy .npy entries "0.weight.npy", …: numpy.load gives the arrays by name
 *   safetensors  8-byte little-endian header length, a JSON header naming each tensor's dtype, shape
 *                and byte range, padded with spaces to a multiple of 8, then the float32 values
 *                ("F32", little-endian, C order) — safetensors.torch.load_file reads it
 */
public final class WeightsExport {
    public enum Format {
        NPZ("npz", ".npz"), SAFETENSORS("safetensors", ".safetensors");

        private final String label, extension;

        Format(String label, String extension) {
            this.label = label;
            this.extension = extension;
        }

        public String extension() { return extension; }

        public static Format parse(String s) {
            for (Format f : values()) if (f.label.equalsIgnoreCase(s.trim())) return f;
            throw new IllegalArgumentException("unknown format '" + s + "' (npz, safetensors)");
        }

        @Override public String toString() { return label; }
    }

    /** One named tensor, C order. */
    record Tensor(String name, int[] shape, float[] values) { }

    private WeightsExport() { }

    /** The model's parameters as the PyTorch model names and shapes them, in order. */
    static List<Tensor> tensors(Autoencoder model) {
        int[] w = model.widths();
        float[][] p = model.params();
        List<Tensor> t = new ArrayList<>();
        int c = model.bottleneckLayer();
        boolean vae = model.kind() == ModelKind.VAE;
        for (int l = 0; l + 1 < w.length; l++) {
            String name = !vae ? String.valueOf(2 * l) : l < c - 1 ? "encoder." + 2 * l : l == c - 1 ? "mu" : "decoder." + 2 * (l - c);
            add(t, name, p[2 * l], p[2 * l + 1], w[l], w[l + 1]);
            if (vae && l == c - 1) add(t, "logvar", p[p.length - 2], p[p.length - 1], w[l], w[l + 1]);
        }
        return t;
    }

    private static void add(List<Tensor> t, String name, float[] weights, float[] bias, int in, int out) {
        float[] transposed = new float[in * out];
        for (int i = 0; i < in; i++)
            for (int j = 0; j < out; j++) transposed[j * in + i] = weights[i * out + j];   // W[i][j] → weight[j][i]
        t.add(new Tensor(name + ".weight", new int[] {out, in}, transposed));
        t.add(new Tensor(name + ".bias", new int[] {out}, bias.clone()));
    }

    /** Writes the model's weights atomically; metadata (e.g. the run's label) goes into safetensors' header. */
    public static void write(Path file, Autoencoder model, Format format, Map<String, String> metadata) throws IOException {
        List<Tensor> tensors = tensors(model);
        AtomicFiles.write(file, out -> {
            if (format == Format.NPZ) npz(out, tensors);
            else safetensors(out, tensors, metadata);
        });
    }

    private static void npz(OutputStream out, List<Tensor> tensors) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (Tensor t : tensors) {
            ZipEntry e = new ZipEntry(t.name() + ".npy");
            e.setTime(0);
            zip.putNextEntry(e);
            zip.write(Npy.write(t.values(), t.shape()));
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    static void safetensors(OutputStream out, List<Tensor> tensors, Map<String, String> metadata) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) header.put("__metadata__", new LinkedHashMap<String, Object>(metadata));
        long offset = 0;
        for (Tensor t : tensors) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("dtype", "F32");
            List<Object> shape = new ArrayList<>();
            for (int n : t.shape()) shape.add((long) n);
            d.put("shape", shape);
            long bytes = 4L * t.values().length;
            d.put("data_offsets", List.of(offset, offset + bytes));
            header.put(t.name(), d);
            offset += bytes;
        }
        byte[] json = Json.write(header).replace("\n", "").getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) head.put((byte) ' ');
        out.write(head.array());
        for (Tensor t : tensors) {
            ByteBuffer b = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : t.values()) b.putFloat(v);
            out.write(b.array());
        }
        out.flush();
    }

    /** What the safetensors header says of a run besides its tensors: its label, layers, activations, epochs. */
    public static Map<String, String> metadata(aelab.engine.TrainingConfig c, int epochsDone) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "pt");
        m.put("label", c.label());
        m.put("layers", c.layerString());
        m.put("hidden", c.hidden().toString());
        m.put("output", c.output().toString());
        m.put("epochs_done", String.valueOf(epochsDone));
        return m;
    }

    /** "run.aelab" → "run.safetensors" (or "run-2.safetensors" for the second of several runs). */
    public static String defaultName(String experimentFile, Format format, int run, int runs) {
        String stem = experimentFile.toLowerCase(Locale.ROOT).endsWith(ExperimentFile.EXTENSION)
                ? experimentFile.substring(0, experimentFile.length() - ExperimentFile.EXTENSION.length()) : experimentFile;
        return stem + (runs > 1 ? "-" + run : "") + format.extension();
    }
}
