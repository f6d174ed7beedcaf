package aelab.io;

import aelab.engine.OptimizerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class ExperimentFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void everyFieldSurvivesARoundTrip(OptimizerKind kind) throws Exception {
        Experiment e = TinyRuns.experiment(kind);
        Path f = dir.resolve("a.aelab");
        ExperimentFile.write(f, e);
        TinyRuns.assertSame(e, ExperimentFile.read(f));
    }

    @Test
    void theQuickWriteOfTheRecoveryCopyReadsBackTheSameAndIsStoredNotDeflated() throws Exception {
        Experiment e = TinyRuns.experiment(OptimizerKind.ADAM, OptimizerKind.SGD);
        Path quick = dir.resolve("quick.aelab"), packed = dir.resolve("packed.aelab");
        ExperimentFile.writeQuick(quick, e);
        ExperimentFile.write(packed, e);
        TinyRuns.assertSame(e, ExperimentFile.read(quick));
        try (var zip = new java.util.zip.ZipFile(quick.toFile())) {
            zip.stream().filter(z -> !z.isDirectory()).forEach(z ->
                    assertEquals(z.getSize(), z.getCompressedSize(), 16 + z.getSize() / 1000.0, z.getName() + " is not deflated"));
        }
        assertTrue(Files.size(quick) > Files.size(packed), "stored takes more room than deflated");
    }

    @Test
    void severalRunsKeepTheirOrder() throws Exception {
        Experiment e = TinyRuns.experiment(OptimizerKind.SGD, OptimizerKind.ADAM, OptimizerKind.RMSPROP);
        Path f = dir.resolve("three.aelab");
        ExperimentFile.write(f, e);
        Experiment back = ExperimentFile.read(f);
        TinyRuns.assertSame(e, back);
        assertEquals(List.of(OptimizerKind.SGD, OptimizerKind.ADAM, OptimizerKind.RMSPROP),
                back.runs().stream().map(r -> r.config().optimizer()).toList());
    }

    @Test
    void theFileHoldsTheDocumentedEntries() throws Exception {
        Path f = dir.resolve("a.aelab");
        ExperimentFile.write(f, TinyRuns.experiment(OptimizerKind.ADAM));
        Map<String, byte[]> entries = Zips.entries(f);
        assertEquals(List.of("experiment.json", "runs/0/W0.npy", "runs/0/b0.npy", "runs/0/W1.npy", "runs/0/b1.npy",
                        "runs/0/optimizer/m_W0.npy", "runs/0/optimizer/m_b0.npy", "runs/0/optimizer/m_W1.npy", "runs/0/optimizer/m_b1.npy",
                        "runs/0/optimizer/v_W0.npy", "runs/0/optimizer/v_b0.npy", "runs/0/optimizer/v_W1.npy", "runs/0/optimizer/v_b1.npy",
                        "runs/0/batches.bin"),
                List.copyOf(entries.keySet()));
        assertEquals(128 + 4 * 4 * 3, entries.get("runs/0/W0.npy").length, "W0 is a 128-byte .npy header (padded to 64s, as NumPy pads) and 4 × 3 float32");
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (4, 3), }",
                new String(entries.get("runs/0/W0.npy"), 10, 118, StandardCharsets.US_ASCII).trim().replace("\n", ""));
        assertEquals(4 * 56, entries.get("runs/0/batches.bin").length, "4 points of 7 eight-byte columns");
        // the first float32 of W0, little-endian, is the model's W0[0]
        float w00 = TinyRuns.run(OptimizerKind.ADAM).checkpoint().model().params()[0][0];
        byte[] w = java.util.Arrays.copyOfRange(entries.get("runs/0/W0.npy"), 128, 132);
        assertEquals(Float.floatToRawIntBits(w00), (w[0] & 0xFF) | (w[1] & 0xFF) << 8 | (w[2] & 0xFF) << 16 | (w[3] & 0xFF) << 24);
        String json = new String(entries.get("experiment.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"format\": \"aelab-experiment\""), json);
        assertTrue(json.contains("\"version\": 2"), json);
        assertTrue(json.contains("\"seed\": -5000000000"), json);
        assertTrue(json.contains("\"optimizer\": \"adam\""), json);
    }

    /** Format 1 kept raw little-endian .f32 entries: such files, from before .npy, still open, bit for bit. */
    @Test
    void aFileOfFormatVersion1WithRawFloatsStillOpens() throws Exception {
        Path f = dir.resolve("v2.aelab"), old = dir.resolve("v1.aelab");
        Experiment e = TinyRuns.experiment(OptimizerKind.ADAM);
        ExperimentFile.write(f, e);
        java.util.Map<String, byte[]> v1 = new java.util.LinkedHashMap<>();
        for (var entry : Zips.entries(f).entrySet()) {
            String name = entry.getKey();
            byte[] bytes = entry.getValue();
            if (name.endsWith(".npy")) {
                bytes = java.util.Arrays.copyOfRange(bytes, 10 + ((bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8), bytes.length);
                name = name.replace(".npy", ".f32");
            } else if (name.equals("experiment.json")) {
                bytes = new String(bytes, StandardCharsets.UTF_8).replace(".npy\"", ".f32\"").replace("\"version\": 2", "\"version\": 1")
                        .getBytes(StandardCharsets.UTF_8);
            }
            v1.put(name, bytes);
        }
        Zips.write(old, v1);
        TinyRuns.assertSame(e, ExperimentFile.read(old));
    }

    @Test
    void savingTheSameExperimentTwiceGivesTheSameBytes() throws Exception {
        Path a = dir.resolve("a.aelab"), b = dir.resolve("b.aelab");
        ExperimentFile.write(a, TinyRuns.experiment(OptimizerKind.ADAM, OptimizerKind.SGD));
        ExperimentFile.write(b, TinyRuns.experiment(OptimizerKind.ADAM, OptimizerKind.SGD));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void aWriteThatFailsPartWayLeavesTheOldFileByteIdenticalAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("keep.aelab");
        ExperimentFile.write(f, TinyRuns.experiment(OptimizerKind.SGD));
        byte[] before = Files.readAllBytes(f);
        IOException e = assertThrows(IOException.class, () -> ExperimentFile.write(f,
                TinyRuns.experiment(OptimizerKind.ADAM, OptimizerKind.RMSPROP), out -> new DiskFullAfter(out, 700)));
        assertEquals(f + ": no space left on the device", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList(), "no temporary file left behind");
        }
        TinyRuns.assertSame(TinyRuns.experiment(OptimizerKind.SGD), ExperimentFile.read(f));
    }

    @Test
    void aFailedFirstWriteLeavesNoFileAtAll() {
        Path f = dir.resolve("new.aelab");
        assertThrows(IOException.class, () -> ExperimentFile.write(f, TinyRuns.experiment(OptimizerKind.ADAM),
                out -> new DiskFullAfter(out, 10)));
        assertFalse(Files.exists(f));
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void aSuccessfulWriteReplacesTheOldFile() throws Exception {
        Path f = dir.resolve("x.aelab");
        ExperimentFile.write(f, TinyRuns.experiment(OptimizerKind.SGD));
        ExperimentFile.write(f, TinyRuns.experiment(OptimizerKind.RMSPROP));
        assertEquals(OptimizerKind.RMSPROP, ExperimentFile.read(f).runs().get(0).config().optimizer());
    }

    @Test
    void theRecordedAppVersionIsThePomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String project = pom.substring(pom.indexOf("<artifactId>autoencoder-lab</artifactId>"));
        String version = project.substring(project.indexOf("<version>") + 9, project.indexOf("</version>"));
        assertEquals(version, AppVersion.VERSION);
    }

    /** A disk that fills up after n bytes. */
    static final class DiskFullAfter extends FilterOutputStream {
        private long left;

        DiskFullAfter(OutputStream out, long n) {
            super(out);
            left = n;
        }

        @Override public void write(int b) throws IOException {
            if (--left < 0) throw new IOException("No space left on device (simulated)");
            out.write(b);
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) write(b[off + i]);
        }
    }
}
