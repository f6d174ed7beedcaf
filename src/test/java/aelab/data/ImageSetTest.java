package aelab.data;

import static aelab.data.TinyIdx.idx;
import static aelab.data.TinyIdx.labels;
import static aelab.data.TinyIdx.ubytes;
import static aelab.data.TinyIdx.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSetTest {
    @TempDir
    Path dir;

    @Test
    void pixelIndexesImagesRowMajor() throws DatasetException {
        ImageSet set = pair(ubytes(3, 2, 4), labels(9, 8, 7)); // pixel value = its position in the file
        assertEquals(8, set.imageSize());
        assertEquals(0, set.pixel(0, 0));
        assertEquals(13, set.pixel(1, 5)); // image 1 starts at 8; 8 + 5
        assertEquals(23, set.pixel(2, 7));
        assertEquals(7, set.label(2));
    }

    @Test
    void countsLabelsUpToTheLargest() throws DatasetException {
        ImageSet set = pair(ubytes(5, 1, 1), labels(3, 0, 3, 1, 3));
        assertArrayEquals(new int[] {1, 1, 0, 3}, set.labelCounts());
    }

    @Test
    void meanPixelIsOnTheZeroOneScale() throws DatasetException {
        byte[] pixels = {0, (byte) 255, (byte) 255, 0, (byte) 51, 0};
        ImageSet set = pair(idx(8, new int[] {2, 1, 3}, pixels), labels(0, 1));
        // (255 + 255 + 51) / (255 · 6) = 561 / 1530 = 0.3667
        assertEquals(561.0 / 1530.0, set.meanPixel(), 1e-12);
    }

    @Test
    void rejectsLabelsThatDoNotMatchTheImageCount() {
        IdxArray images = new IdxArray("train-images-idx3-ubyte.gz", new int[] {3, 1, 1}, new byte[3]);
        IdxArray labels = new IdxArray("train-labels-idx1-ubyte.gz", new int[] {2}, new byte[2]);
        DatasetException e = assertThrows(DatasetException.class, () -> ImageSet.of(images, labels));
        String m = e.getMessage();
        assertTrue(m.startsWith("train-labels-idx1-ubyte.gz: holds 2 labels"), m);
        assertTrue(m.contains("train-images-idx3-ubyte.gz holds 3 images"), m);
    }

    @Test
    void constructorRejectsArraysThatDoNotFitTheSizes() {
        assertThrows(IllegalArgumentException.class, () -> new ImageSet(2, 2, 2, new byte[7], new byte[2]));
        assertThrows(IllegalArgumentException.class, () -> new ImageSet(2, 2, 2, new byte[8], new byte[3]));
    }

    private ImageSet pair(byte[] images, byte[] labels) throws DatasetException {
        return ImageSet.of(IdxReader.read(write(dir, "i-idx3-ubyte", images), 3),
                IdxReader.read(write(dir, "l-idx1-ubyte", labels), 1));
    }
}
