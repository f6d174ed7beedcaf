package aelab.io;

import aelab.engine.OptimizerKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every way an experiment file can be wrong gives one line naming the file, the problem and what to do. */
class ExperimentFileDamageTest {
    @TempDir
    Path dir;
    Path file;
    final Experiment good = TinyRuns.experiment(OptimizerKind.ADAM);

    @BeforeEach
    void writeAGoodFile() throws IOException {
        file = dir.resolve("good.aelab");
        ExperimentFile.write(file, good);
    }

    String failure(Path f) {
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(f));
        String m = e.getMessage();
        assertTrue(m.startsWith(f + ": "), m);
        assertEquals(1, m.lines().count(), m);
        assertEquals(f, e.file());
        return m;
    }

    void assertFails(String expected) {
        String m = failure(file);
        assertTrue(m.contains(expected), () -> "expected \"" + expected + "\" in: " + m);
    }

    @Test
    void aMissingFileIsNamed() {
        assertEquals(dir.resolve("nope.aelab") + ": file not found; check the name and the folder", failure(dir.resolve("nope.aelab")));
    }

    @Test
    void aFolderIsNotAnExperiment() {
        assertEquals(dir + ": is a folder, not an experiment file; choose a file saved by Autoencoder Lab (.aelab)", failure(dir));
    }

    @Test
    void aTextFileOrAnEmptyFileIsNotAZip() throws IOException {
        Files.writeString(file, "epoch,train_loss\n1,0.5\n");
        assertFails("not an Autoencoder Lab experiment (it is not a zip archive); open a file saved by Autoencoder Lab (.aelab)");
        Files.write(file, new byte[0]);
        assertFails("it is not a zip archive");
    }

    @Test
    void aFileCutShortAtAnyLengthIsRefused() throws IOException {
        byte[] whole = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.aelab");
        for (int n = 0; n < whole.length; n++) {
            Files.write(cut, Arrays.copyOf(whole, n));
            String m = failure(cut);
            if (n >= 4) assertTrue(m.contains("damaged or incomplete"), n + " bytes: " + m);
            assertFalse(m.matches(".*\\([A-Za-z]*Exception\\).*"), n + " bytes: a class name is no reason: " + m);
        }
    }

    @Test
    void hugeLayersWithTinyArraysAreRefusedBeforeAnythingLargeIsAllocated() throws IOException {
        // 4-16000-16000-4 is 256 million parameters, under the reader's limit: 1 GiB of weights and 2 GiB of
        // Adam's state, which a crafted file of a few kilobytes would make the reader allocate
        Zips.editJson(file, s -> s.replace("\"layers\": [4, 3, 4]", "\"layers\": [4, 16000, 16000, 4]"));
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        String m = failure(file);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(m.contains("damaged: runs[0].weights"), m);
        assertTrue(allocated < 64L << 20, "allocated " + allocated + " bytes to read a " + Files.size(file) + "-byte file");
    }

    @Test
    void anEntryClaimingMoreThanItsCompressedBytesCanHoldIsRefusedBeforeReading() throws IOException {
        // the central directory says experiment.json unpacks to 60 MiB, under the 64 MiB allowed; its deflated
        // bytes (about a kilobyte) cannot hold that: deflate packs at most 1032 bytes into one
        byte[] zip = Files.readAllBytes(file);
        byte[] name = ExperimentFile.METADATA.getBytes(StandardCharsets.US_ASCII);
        int at = -1;
        for (int i = 0; i + 46 + name.length <= zip.length && at < 0; i++)
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2
                    && Arrays.equals(Arrays.copyOfRange(zip, i + 46, i + 46 + name.length), name)) at = i;
        assertTrue(at >= 0, "found the central directory record of " + ExperimentFile.METADATA);
        ByteBuffer.wrap(zip, at + 24, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(60 << 20); // uncompressed size
        Files.write(file, zip);
        assertFails("damaged: experiment.json claims 62914560 bytes, more than its");
    }

    @Test
    void everyFlippedByteIsCaughtOrHarmless() throws IOException {
        byte[] whole = Files.readAllBytes(file);
        Path bad = dir.resolve("flipped.aelab");
        int caught = 0;
        for (int i = 0; i < whole.length; i++) {
            byte[] b = whole.clone();
            b[i] ^= (byte) 0x5A;
            Files.write(bad, b);
            try {
                // a flip in a field the reader does not use (a local header's time, say) changes nothing
                TinyRuns.assertSame(good, ExperimentFile.read(bad));
            } catch (ExperimentFileException e) {
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                assertFalse(e.getMessage().matches(".*\\([A-Za-z]*Exception\\).*"), "a class name is no reason: " + e.getMessage());
                caught++;
            }
        }
        // a zip repeats much of each entry's header in places ZipFile never reads (local headers, data
        // descriptors, times, attributes): about a third of the bytes of so small a file
        assertTrue(caught > whole.length / 2, "only " + caught + " of " + whole.length + " flips were noticed");
    }

    @Test
    void aChangedByteInsideAStoredArrayFailsTheChecksum() throws IOException {
        Map<String, byte[]> entries = Zips.entries(file);
        Zips.writeStored(file, entries);
        assertDoesNotThrow(() -> ExperimentFile.read(file), "uncompressed entries are read too");
        byte[] raw = Files.readAllBytes(file), w1 = entries.get("runs/0/W1.npy");
        int at = indexOf(raw, w1);
        raw[at + 5] ^= 1;
        Files.write(file, raw);
        assertFails("damaged: runs/0/W1.npy fails its checksum (CRC-32): its bytes were changed; open another copy");
    }

    @Test
    void aZipWithoutExperimentJsonIsForeign() throws IOException {
        Zips.write(file, Map.of("word/document.xml", "<w/>".getBytes(StandardCharsets.UTF_8)));
        assertFails("a zip archive without experiment.json, so not an Autoencoder Lab experiment");
    }

    @Test
    void anotherFormatNameIsForeign() throws IOException {
        Zips.editJson(file, s -> s.replace("\"aelab-experiment\"", "\"notebook\""));
        assertFails("not an Autoencoder Lab experiment: its experiment.json says format \"notebook\", not \"aelab-experiment\"; open a file saved by Autoencoder Lab (.aelab)");
        Zips.write(file, Map.of("experiment.json", "{}".getBytes(StandardCharsets.UTF_8)));
        assertFails("says format null");
    }

    @Test
    void aNewerMajorVersionAsksForAnUpdate() throws IOException {
        Zips.editJson(file, s -> s.replace("\"version\": 2,", "\"version\": 3,").replace("\"appVersion\": \"0.1.0\"", "\"appVersion\": \"3.0\""));
        assertFails("saved in experiment format version 3 by Autoencoder Lab 3.0, but this app reads version 2; update Autoencoder Lab to open it");
    }

    @Test
    void aNewerMinorVersionWithFieldsWeDoNotKnowIsRead() throws Exception {
        Zips.editJson(file, s -> s.replace("\"minorVersion\": 0,", "\"minorVersion\": 4, \"notes\": [\"later\"],")
                .replace("\"bceFloor\"", "\"annotations\": {\"x\": 1}, \"bceFloor\""));
        TinyRuns.assertSame(good, ExperimentFile.read(file));
    }

    @Test
    void invalidJsonSaysWhere() throws IOException {
        Zips.editJson(file, s -> s.replace("\"dataset\":", "\"dataset\":,"));
        assertFails("damaged: experiment.json is not valid JSON (line 7, column 13: unexpected character ',', expected a value)");
    }

    @Test
    void aMissingEntryIsNamed() throws IOException {
        Zips.replace(file, "runs/0/W1.npy", null);
        assertFails("damaged: the entry runs/0/W1.npy (weights W1 [3, 4] as .npy) is missing; open another copy of the file, or train the runs again");
    }

    @Test
    void anArrayOfTheWrongSizeIsRefused() throws IOException {
        Zips.replace(file, "runs/0/b0.npy", new byte[8]);
        assertFails("runs/0/b0.npy holds 8 bytes, but weights b0 [3] as .npy needs 22 to");
        writeAGoodFile();
        Zips.replace(file, "runs/0/b0.npy", Npy.write(new float[4], new int[] {4}));
        assertFails("runs/0/b0.npy has shape [4], not [3]");
        writeAGoodFile();
        Zips.replace(file, "runs/0/batches.bin", new byte[3 * 56]);
        assertFails("runs/0/batches.bin holds 168 bytes, but 4 batch points needs 224");
    }

    @Test
    void aShapeThatDoesNotFitTheLayersIsRefused() throws IOException {
        Zips.editJson(file, s -> s.replaceFirst("\"shape\": \\[4, 3\\]", "\"shape\": [3, 4]"));
        assertFails("runs[0].weights[0].shape: [3, 4], but layers 4-3-4 make W0 [4, 3]");
        writeAGoodFile();
        Zips.editJson(file, s -> s.replace("\"layers\": [4, 3, 4]", "\"layers\": [4, 5, 4]"));
        assertFails("runs[0].weights[0].shape: [4, 3], but layers 4-5-4 make W0 [4, 5]");
    }

    @Test
    void nonFiniteWeightsOrOptimizerStateAreRefused() throws IOException {
        Zips.replace(file, "runs/0/W1.npy", Npy.write(LittleEndian.floats(floats(12, 2, Float.NaN)), new int[] {3, 4}));
        assertFails("damaged: runs/0/W1.npy: value 2 of weights W1 is NaN; they must all be finite");
        writeAGoodFile();
        Zips.replace(file, "runs/0/optimizer/v_b0.npy", Npy.write(LittleEndian.floats(floats(3, 0, Float.POSITIVE_INFINITY)), new int[] {3}));
        assertFails("runs/0/optimizer/v_b0.npy: value 0 of optimizer state b0 is Infinity");
    }

    @Test
    void unknownNamesListTheKnownOnes() throws IOException {
        Zips.editJson(file, s -> s.replace("\"loss\": \"bce\"", "\"loss\": \"hinge\""));
        assertFails("damaged: runs[0].settings.loss: unknown value \"hinge\" (known: bce, mse, mae)");
        writeAGoodFile();
        Zips.editJson(file, s -> s.replace("\"optimizer\": \"adam\"", "\"optimizer\": \"lion\""));
        assertFails("runs[0].settings.optimizer: unknown value \"lion\" (known: adam, sgd, rmsprop)");
    }

    @Test
    void missingOrMistypedFieldsAreNamedByTheirPath() throws IOException {
        Zips.editJson(file, s -> s.replace("\"bceFloor\": 0.0795,", ""));
        assertFails("damaged: runs[0].bceFloor: missing");
        writeAGoodFile();
        Zips.editJson(file, s -> s.replace("\"epochs\": 3,", "\"epochs\": \"3\","));
        assertFails("runs[0].settings.epochs: expected a whole number, found \"3\"");
        writeAGoodFile();
        Zips.editJson(file, s -> s.replace("\"created\": \"2025-03-01T10:15:30.123456Z\"", "\"created\": \"yesterday\""));
        assertFails("created: \"yesterday\" is not a time");
    }

    @Test
    void settingsTheEngineWouldRefuseAreRefused() throws IOException {
        Zips.editJson(file, s -> s.replace("\"output\": \"sigmoid\"", "\"output\": \"relu\""));
        assertFails("runs[0].settings: settings: output activation: use softmax, sigmoid or linear");
        writeAGoodFile();
        Zips.editJson(file, s -> s.replace("\"learningRate\": 0.0015", "\"learningRate\": 0"));
        assertFails("learning rate: must be greater than 0");
    }

    @Test
    void optimizerStateOfAnotherOptimizerIsRefused() throws IOException {
        Zips.editJson(file, s -> s.replace("\"optimizer\": \"adam\"", "\"optimizer\": \"sgd\""));
        assertFails("runs[0].optimizer.state: 8 arrays, but sgd keeps 4 for these layers");
    }

    @Test
    void aPositionThatDoesNotFitTheHistoryIsRefused() throws IOException {
        Zips.editJson(file, s -> s.replace("\"epochsDone\": 1", "\"epochsDone\": 5"));
        assertFails("runs[0].checkpoint.epochsDone: must be between 0 and 3, found 5");
        writeAGoodFile();
        Zips.editJson(file, s -> s.replaceFirst("\"steps\": 4", "\"steps\": 3"));
        assertFails("runs[0]: batch point 3 (step 4): beyond the checkpoint's 3 steps");
        writeAGoodFile();
        Zips.editJson(file, s -> s.replace("\"epoch\": 1,", "\"epoch\": 2,"));
        assertFails("runs[0]: epoch 2 out of order (after 0, at most 1 done)");
    }

    @Test
    void batchPointsOutOfOrderAreRefused() throws IOException {
        byte[] b = Zips.entries(file).get("runs/0/batches.bin");
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong((2 * 4 + 1) * 8, 1); // step column, point 1: 2 → 1
        Zips.replace(file, "runs/0/batches.bin", b);
        assertFails("runs[0]: batch point 1 (step 1): steps must increase, the one before is 1");
        buf.putLong((2 * 4 + 1) * 8, 2);
        buf.putLong(0, 1L << 40); // epoch column, point 0
        Zips.replace(file, "runs/0/batches.bin", b);
        assertFails("runs/0/batches.bin: batch point 0: epoch 1099511627776 or batch 1 is out of range");
    }

    @Test
    void aNonFiniteLossInTheHistoryIsRefused() throws IOException {
        byte[] b = Zips.entries(file).get("runs/0/batches.bin");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putDouble((3 * 4 + 2) * 8, Double.NaN); // loss column, point 2
        Zips.replace(file, "runs/0/batches.bin", b);
        assertFails("damaged: runs[0]: batch point 2 (step 3): losses must be finite");
    }

    @Test
    void anExperimentWithoutRunsIsRefused() throws IOException {
        Zips.editJson(file, s -> s.substring(0, s.indexOf("\"runs\": [")) + "\"runs\": []\n}\n");
        assertFails("damaged: runs: an experiment holds at least one run");
    }

    @Test
    void hugeLayersAreRefusedBeforeAnythingIsAllocated() throws IOException {
        Zips.editJson(file, s -> s.replace("\"layers\": [4, 3, 4]", "\"layers\": [4, 100000, 100000, 4]"));
        // (4·10⁵ + 10⁵) + (10¹⁰ + 10⁵) + (4·10⁵ + 4) = 10 001 000 004 weights and biases
        assertFails("runs[0].settings.layers: 4-100000-100000-4 make 10001000004 parameters, more than the 268435456 this app can hold");
    }

    static byte[] floats(int n, int at, float v) {
        float[] a = new float[n];
        a[at] = v;
        return LittleEndian.floats(a);
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        throw new AssertionError("not found");
    }
}
