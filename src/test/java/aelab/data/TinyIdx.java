package aelab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Builds tiny IDX files byte by byte, so each test states exactly what the reader sees. */
final class TinyIdx {
    private TinyIdx() {
    }

    /** Header {@code 00 00 type dims}, the sizes as big-endian int32, then {@code data}. */
    static byte[] idx(int type, int[] sizes, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(type);
        out.write(sizes.length);
        for (int s : sizes) {
            out.write(s >>> 24);
            out.write(s >>> 16);
            out.write(s >>> 8);
            out.write(s);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** A well-formed unsigned-byte file whose elements are 0, 1, 2, … (mod 256). */
    static byte[] ubytes(int... sizes) {
        int n = Arrays.stream(sizes).reduce(1, (a, b) -> a * b);
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) i;
        }
        return idx(IdxReader.UNSIGNED_BYTE, sizes, data);
    }

    /** A labels file holding exactly these labels. */
    static byte[] labels(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return idx(IdxReader.UNSIGNED_BYTE, new int[] {values.length}, data);
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A complete dataset folder: 3 training and 2 test images of rows × cols, raw or gzipped. */
    static Path mnistFolder(Path dir, int rows, int cols, boolean gzipped) {
        String gz = gzipped ? ".gz" : "";
        write(dir, "train-images-idx3-ubyte" + gz, maybeGzip(ubytes(3, rows, cols), gzipped));
        write(dir, "train-labels-idx1-ubyte" + gz, maybeGzip(labels(5, 0, 4), gzipped));
        write(dir, "t10k-images-idx3-ubyte" + gz, maybeGzip(ubytes(2, rows, cols), gzipped));
        write(dir, "t10k-labels-idx1-ubyte" + gz, maybeGzip(labels(7, 2), gzipped));
        return dir;
    }

    private static byte[] maybeGzip(byte[] raw, boolean gzipped) {
        return gzipped ? gzip(raw) : raw;
    }
}
