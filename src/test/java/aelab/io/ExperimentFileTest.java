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
        assertEquals(List.of("experiment.json", "runs/0/W0.f32", "runs/0/b0.f32", "runs/0/W1.f32", "runs/0/b1.f32",
                        "runs/0/optimizer/0.f32", "runs/0/optimizer/1.f32", "runs/0/optimizer/2.f32", "runs/0/optimizer/3.f32",
                        "runs/0/optimizer/4.f32", "runs/0/optimizer/5.f32", "runs/0/optimizer/6.f32", "runs/0/optimizer/7.f32",
                        "runs/0/batches.bin"),
                List.copyOf(entries.keySet()));
        assertEquals(4 * 4 * 3, entries.get("runs/0/W0.f32").length, "W0 is 4 × 3 float32");
        assertEquals(4 * 56, entries.get("runs/0/batches.bin").length, "4 points of 7 eight-byte columns");
        // the first float32 of W0, little-endian, is the model's W0[0]
        float w00 = TinyRuns.run(OptimizerKind.ADAM).checkpoint().model().params()[0][0];
        byte[] w = entries.get("runs/0/W0.f32");
        assertEquals(Float.floatToRawIntBits(w00), (w[0] & 0xFF) | (w[1] & 0xFF) << 8 | (w[2] & 0xFF) << 16 | (w[3] & 0xFF) << 24);
        String json = new String(entries.get("experiment.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"format\": \"aelab-experiment\""), json);
        assertTrue(json.contains("\"version\": 1"), json);
        assertTrue(json.contains("\"seed\": -5000000000"), json);
        assertTrue(json.contains("\"optimizer\": \"adam\""), json);
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
