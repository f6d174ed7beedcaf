package aelab.app;

import aelab.app.session.BackgroundExecutor;
import aelab.app.session.LabSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.session.LabSession.State;
import aelab.data.DigitGrid;
import aelab.app.model.Run;
import aelab.app.model.SettingsForm.Field;
import aelab.data.Dataset;
import aelab.data.DatasetException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File › Open dataset folder, without the window: a bad folder changes nothing, a good one replaces the digits. */
class DataSwitchTest {
    private static Dataset mnist;
    @TempDir Path dir;
    private final AtomicReference<Dataset> switched = new AtomicReference<>();
    private final AtomicReference<String> refused = new AtomicReference<>();

    @BeforeAll
    static void load() throws DatasetException {
        mnist = Dataset.loadBundledMnist();
    }

    /** A session with one finished run on the charts. */
    private LabSession withARun() {
        LabSession s = new LabSession(BackgroundExecutor.direct(), () -> mnist, 300, 100);
        s.loadData();
        s.drain();
        s.form().text(Field.EPOCHS).set("1");
        s.start();
        s.drain();
        return s;
    }

    private void switchTo(LabSession s, Path folder) {
        s.switchData(() -> Dataset.loadFolder(folder), switched::set, refused::set);
        s.drain();
    }

    /** An unsigned-byte IDX file: 00 00 08 dims, sizes big-endian, then the bytes. */
    private static byte[] idx(int[] sizes, int fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 8, (byte) sizes.length});
        int n = 1;
        for (int v : sizes) {
            out.writeBytes(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
            n *= v;
        }
        for (int i = 0; i < n; i++) out.write((i * 7 + fill) & 0xFF);
        return out.toByteArray();
    }

    /** Four files of the MNIST layout: 12 training and 10 test images of side × side pixels, labels 0–9. */
    private static Path folder(Path dir, int side) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(new int[] {12, side, side}, 1));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(new int[] {10, side, side}, 2));
        byte[] labels = idx(new int[] {12}, 0), testLabels = idx(new int[] {10}, 0);
        for (int i = 0; i < 12; i++) labels[8 + i] = (byte) (i % 10);
        for (int i = 0; i < 10; i++) testLabels[8 + i] = (byte) i;
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), testLabels);
        return dir;
    }

    @Test
    void aFolderThatIsNotValidIsNamedWithItsProblemAndTheDigitsAndRunsStay() throws IOException {
        LabSession s = withARun();
        List<Run> runs = List.copyOf(s.history().runs());
        DigitGrid grid = s.grid();
        String message = s.dataMessageProperty().get();
        Path bad = folder(dir.resolve("broken"), 28);
        Files.write(bad.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0});   // cut short in its header

        switchTo(s, bad);
        assertTrue(refused.get().contains("train-images-idx3-ubyte"), refused.get());
        assertNull(switched.get());
        assertSame(mnist, s.dataset());
        assertSame(grid, s.grid());
        assertEquals(runs, s.history().runs());
        assertEquals(message, s.dataMessageProperty().get());
        assertEquals(State.IDLE, s.state());
    }

    @Test
    void aFolderWithoutTheFilesSaysWhichOneIsMissing() throws IOException {
        LabSession s = withARun();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        switchTo(s, empty);
        assertTrue(refused.get().contains("no train-images-idx3-ubyte file"), refused.get());
        assertSame(mnist, s.dataset());
    }

    @Test
    void imagesOfAnotherSizeAreRefusedBecauseTheNetworkReads784Pixels() throws IOException {
        LabSession s = withARun();
        switchTo(s, folder(dir.resolve("tiny"), 8));
        assertTrue(refused.get().endsWith("the images are 8 × 8 pixels; this window trains on 784-pixel images (28 × 28)"),
                refused.get());
        assertSame(mnist, s.dataset());
        assertEquals(1, s.history().runs().size());
    }

    @Test
    void aValidFolderReplacesTheDigitsAndRemovesTheRunsTrainedOnTheOldOnes() throws IOException {
        LabSession s = withARun();
        DigitGrid before = s.grid();
        switchTo(s, folder(dir.resolve("my-digits"), 28));
        assertNull(refused.get());
        assertSame(s.dataset(), switched.get());
        assertEquals("my-digits", s.dataset().name());
        assertTrue(s.history().runs().isEmpty());
        assertNotSame(before, s.grid());
        assertEquals(10, s.grid().indices().length, "one test digit of each class");
        assertEquals("my-digits: 12 training and 10 test images", s.dataMessageProperty().get());
        assertEquals(State.IDLE, s.state());
        s.start();   // and it trains on them
        s.drain();
        assertEquals("my-digits", s.history().latest().record().dataset());
    }
}
