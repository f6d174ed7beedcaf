package aelab.data;

import static aelab.data.TinyIdx.gzip;
import static aelab.data.TinyIdx.labels;
import static aelab.data.TinyIdx.mnistFolder;
import static aelab.data.TinyIdx.ubytes;
import static aelab.data.TinyIdx.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFolderTest {
    @TempDir
    Path tmp;

    @Test
    void loadsGzippedFolderNamedAfterTheFolder() throws Exception {
        Dataset d = Dataset.loadFolder(mnistFolder(Files.createDirectory(tmp.resolve("tiny")), 4, 3, true));
        assertEquals("tiny", d.name());
        assertEquals(3, d.train().count());
        assertEquals(2, d.test().count());
        assertEquals(4, d.test().rows());
        assertEquals(3, d.test().cols());
        assertEquals(5, d.train().label(0));
        assertEquals(7, d.test().label(0));
        assertEquals(12 + 11, d.test().pixel(1, 11)); // pixel value = its position in the file
    }

    @Test
    void loadsRawFolder() throws Exception {
        Dataset d = Dataset.loadFolder(mnistFolder(tmp, 2, 2, false));
        assertEquals(2, d.test().label(1));
    }

    @Test
    void acceptsDottedNamesAndMixedCompression() throws Exception {
        write(tmp, "train-images.idx3-ubyte", ubytes(3, 2, 2));
        write(tmp, "train-labels.idx1-ubyte.gz", gzip(labels(1, 2, 3)));
        write(tmp, "t10k-images-idx3-ubyte.gz", gzip(ubytes(1, 2, 2)));
        write(tmp, "t10k-labels-idx1-ubyte", labels(4));
        Dataset d = Dataset.loadFolder(tmp);
        assertEquals(3, d.train().label(2));
        assertEquals(4, d.test().label(0));
    }

    @Test
    void missingFolderIsNamedWithTheFilesExpected() {
        Path nowhere = tmp.resolve("no-such-folder");
        String m = failure(nowhere);
        assertTrue(m.startsWith(nowhere + ": folder not found"), m);
        assertTrue(m.contains("train-images-idx3-ubyte[.gz]") && m.contains("t10k-labels-idx1-ubyte[.gz]"), m);
    }

    @Test
    void fileInsteadOfFolderIsRejected() {
        Path file = write(tmp, "train-images-idx3-ubyte", ubytes(1, 1, 1));
        assertTrue(failure(file).contains("is a file, not a folder"));
    }

    @Test
    void missingFileIsNamedWithTheNamesTried() throws IOException {
        mnistFolder(tmp, 2, 2, true);
        Files.delete(tmp.resolve("t10k-labels-idx1-ubyte.gz"));
        String m = failure(tmp);
        assertTrue(m.startsWith(tmp + ": no t10k-labels-idx1-ubyte file"), m);
        assertTrue(m.contains("t10k-labels-idx1-ubyte.gz") && m.contains("t10k-labels.idx1-ubyte"), m);
    }

    @Test
    void trainAndTestImagesMustBeTheSameSize() {
        mnistFolder(tmp, 28, 28, true);
        write(tmp, "t10k-images-idx3-ubyte.gz", gzip(ubytes(2, 32, 32)));
        String m = failure(tmp);
        assertTrue(m.startsWith("t10k-images-idx3-ubyte.gz: test images are 32 × 32"), m);
        assertTrue(m.contains("train-images-idx3-ubyte.gz holds 28 × 28"), m);
    }

    @Test
    void aBadFileInTheFolderIsNamed() {
        mnistFolder(tmp, 2, 2, false);
        write(tmp, "train-labels-idx1-ubyte", labels(1, 2)); // 2 labels for 3 images
        String m = failure(tmp);
        assertTrue(m.contains("train-labels-idx1-ubyte: holds 2 labels but train-images-idx3-ubyte holds 3"), m);
    }

    private static String failure(Path dir) {
        return assertThrows(DatasetException.class, () -> Dataset.loadFolder(dir)).getMessage();
    }
}
