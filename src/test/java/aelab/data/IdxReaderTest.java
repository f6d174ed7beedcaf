package aelab.data;

import static aelab.data.TinyIdx.gzip;
import static aelab.data.TinyIdx.idx;
import static aelab.data.TinyIdx.labels;
import static aelab.data.TinyIdx.ubytes;
import static aelab.data.TinyIdx.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRawFileWithItsShapeAndBytes() throws DatasetException {
        Path file = write(dir, "a-idx3-ubyte", ubytes(2, 3, 4));
        IdxArray a = IdxReader.read(file, 3);
        assertArrayEquals(new int[] {2, 3, 4}, a.shape());
        assertEquals(24, a.data().length);
        assertEquals(23, a.data()[23]);
        assertEquals("a-idx3-ubyte", a.name());
    }

    @Test
    void keepsBytesAbove127Unsigned() throws DatasetException {
        Path file = write(dir, "l-idx1-ubyte", labels(0, 200, 255));
        ImageSet set = ImageSet.of(IdxReader.read(write(dir, "i-idx3-ubyte", ubytes(3, 1, 1)), 3),
                IdxReader.read(file, 1));
        assertEquals(200, set.label(1));
        assertEquals(255, set.label(2));
    }

    @Test
    void gzippedFileReadsTheSameAsRaw() throws DatasetException {
        IdxArray raw = IdxReader.read(write(dir, "r-idx3-ubyte", ubytes(5, 7, 3)), 3);
        IdxArray gz = IdxReader.read(write(dir, "g-idx3-ubyte.gz", gzip(ubytes(5, 7, 3))), 3);
        assertArrayEquals(raw.shape(), gz.shape());
        assertArrayEquals(raw.data(), gz.data());
    }

    @Test
    void recognisesGzipByItsMagicBytesNotItsName() throws DatasetException {
        IdxArray gzNoSuffix = IdxReader.read(write(dir, "g-idx1-ubyte", gzip(labels(1, 2, 3))), 1);
        IdxArray rawWithGzSuffix = IdxReader.read(write(dir, "r-idx1-ubyte.gz", labels(1, 2, 3)), 1);
        assertArrayEquals(new byte[] {1, 2, 3}, gzNoSuffix.data());
        assertArrayEquals(new byte[] {1, 2, 3}, rawWithGzSuffix.data());
    }

    @Test
    void readsFilesLargerThanTheFirstChunkItAllocates() throws DatasetException {
        // 3 × 1700 × 1700 = 8.67 MB > the reader's 8 MiB first chunk, so the array has to grow.
        IdxArray a = IdxReader.read(write(dir, "big-idx3-ubyte.gz", gzip(ubytes(3, 1700, 1700))), 3);
        int last = 3 * 1700 * 1700 - 1;
        assertEquals((byte) last, a.data()[last]);
    }

    @Test
    void rejectsFileThatIsNotIdx() {
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0};
        assertFails(write(dir, "zip-idx3-ubyte", zip), 3, "not an IDX file", "50 4B 03 04");
    }

    @Test
    void rejectsElementTypesOtherThanUnsignedByte() {
        byte[] floats = idx(0x0D, new int[] {1}, new byte[4]);
        assertFails(write(dir, "f-idx1-ubyte", floats), 1, "element type 0x0D", "32-bit float", "unsigned byte");
    }

    @Test
    void rejectsWrongNumberOfDimensions() {
        assertFails(write(dir, "labels-idx1-ubyte", labels(1, 2)), 3, "has 1 dimension, expected 3");
        assertFails(write(dir, "images-idx3-ubyte", ubytes(1, 2, 2)), 1, "has 3 dimensions, expected 1");
    }

    @Test
    void rejectsZeroAndNegativeSizes() {
        assertFails(write(dir, "zero-idx3-ubyte", idx(8, new int[] {0, 28, 28}, new byte[0])), 3,
                "dimension 1 has size 0", "must be positive");
        assertFails(write(dir, "neg-idx3-ubyte", idx(8, new int[] {2, -1, 28}, new byte[0])), 3,
                "dimension 2 has size -1");
    }

    @Test
    void rejectsHeaderClaimingMoreThanAnArrayHolds() {
        assertFails(write(dir, "huge-idx3-ubyte", idx(8, new int[] {65536, 65536, 1}, new byte[0])), 3,
                "header is corrupt");
    }

    @Test
    void rejectsEmptyAndTruncatedHeaders() {
        assertFails(write(dir, "empty-idx3-ubyte", new byte[0]), 3, "empty");
        assertFails(write(dir, "two-idx3-ubyte", new byte[] {0, 0}), 3, "truncated header", "found 2");
        byte[] nine = Arrays.copyOf(ubytes(2, 3, 4), 9);
        assertFails(write(dir, "nine-idx3-ubyte", nine), 3, "truncated header — expected 16 bytes, found 9");
    }

    @Test
    void rejectsTruncatedDataSayingHowMuchWasExpectedAndFound() {
        byte[] cut = Arrays.copyOf(ubytes(2, 3, 4), 16 + 10);
        assertFails(write(dir, "t10k-images-idx3-ubyte", cut), 3,
                "truncated — expected 24 bytes of pixel data, found 10");
        byte[] labels = Arrays.copyOf(labels(1, 2, 3), 8 + 1);
        assertFails(write(dir, "t10k-labels-idx1-ubyte", labels), 1, "expected 3 bytes of label data, found 1");
    }

    @Test
    void rejectsTruncatedGzip() {
        byte[] gz = gzip(noise(10, 28, 28)); // noise does not compress, so half the file is half the pixels
        byte[] half = Arrays.copyOf(gz, gz.length / 2);
        assertFails(write(dir, "half-idx3-ubyte.gz", half), 3, "truncated", "expected 7840 bytes of pixel data");
        byte[] noChecksum = Arrays.copyOf(gz, gz.length - 8);
        assertFails(write(dir, "nocrc-idx3-ubyte.gz", noChecksum), 3, "gzip stream is truncated");
    }

    @Test
    void rejectsCorruptGzip() {
        byte[] gz = gzip(noise(10, 28, 28));
        byte[] badData = gz.clone();
        badData[gz.length / 2] ^= 0x55; // noise is stored uncompressed, so only the CRC notices
        assertFails(write(dir, "crc-idx3-ubyte.gz", badData), 3, "corrupt gzip data");
        byte[] badMethod = gz.clone();
        badMethod[2] = 7; // gzip header byte 2 is the compression method, 8 = deflate
        assertFails(write(dir, "method-idx3-ubyte.gz", badMethod), 3, "corrupt gzip data");
    }

    @Test
    void rejectsBytesAfterTheData() {
        byte[] raw = ubytes(2, 3, 4);
        byte[] longer = Arrays.copyOf(raw, raw.length + 3);
        assertFails(write(dir, "long-idx3-ubyte", longer), 3, "3 unexpected bytes after the 24 bytes");
        assertFails(write(dir, "long-idx3-ubyte.gz", gzip(longer)), 3, "3 unexpected bytes");
    }

    @Test
    void rejectsMissingFile() {
        assertFails(dir.resolve("nowhere-idx3-ubyte"), 3, "file not found");
    }

    /** Valid images whose pixels are seeded random bytes. */
    private static byte[] noise(int count, int rows, int cols) {
        byte[] pixels = new byte[count * rows * cols];
        new Random(42).nextBytes(pixels);
        return idx(8, new int[] {count, rows, cols}, pixels);
    }

    /** The read fails with a message that starts with the file name and contains every fragment. */
    private static void assertFails(Path file, int dimensions, String... fragments) {
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(file, dimensions));
        String name = file.getFileName().toString();
        assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
        assertEquals(name, e.source());
        assertTrue(e.getMessage().indexOf('\n') < 0, "one line: " + e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "expected «" + fragment + "» in: " + e.getMessage());
        }
    }
}
