package aelab.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST (LeCun et al.): a magic number {@code 00 00 type dims},
 * then one big-endian int32 size per dimension, then the elements in row-major order.
 * A gzipped file is recognised by its first two bytes ({@code 1f 8b}), not its name, so a
 * misnamed file still loads. Everything the header claims is checked against what the file holds.
 */
public final class IdxReader {

    /** IDX element type of unsigned bytes, the only one MNIST-style images and labels use. */
    public static final int UNSIGNED_BYTE = 0x08;
    public static final int IMAGE_DIMENSIONS = 3; // count, rows, cols
    public static final int LABEL_DIMENSIONS = 1; // count

    // Big buffers: through the JDK's 512-byte default, inflating MNIST takes several times longer.
    private static final int BUFFER = 1 << 16;
    // A corrupt header can claim gigabytes; grow the array as bytes arrive instead of trusting it.
    private static final int FIRST_CHUNK = 1 << 23;
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8; // the largest Java array
    private static final String REDOWNLOAD = "; re-download the file";

    private IdxReader() {
    }

    /** Reads an unsigned-byte IDX file, raw or gzipped, that must have {@code dimensions} dimensions. */
    public static IdxArray read(Path file, int dimensions) throws DatasetException {
        String name = String.valueOf(file.getFileName());
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, dimensions);
        } catch (NoSuchFileException e) {
            throw new DatasetException(name, "file not found at " + file.toAbsolutePath());
        } catch (java.nio.file.AccessDeniedException e) {
            throw new DatasetException(name, "permission denied; check the file's permissions (" + file + ")", e);
        } catch (IOException e) {
            throw new DatasetException(name, "cannot open the file (" + e.getMessage() + ")", e);
        }
    }

    /** Reads from a stream (e.g. a classpath resource); {@code name} is used in error messages. */
    public static IdxArray read(InputStream source, String name, int dimensions) throws DatasetException {
        try {
            InputStream in = new BufferedInputStream(source, BUFFER);
            if (startsWithGzipMagic(in)) {
                in = new GZIPInputStream(in, BUFFER);
            }
            int[] shape = readHeader(in, name, dimensions);
            byte[] data = readData(in, name, shape);
            checkNothingFollows(in, name, data.length);
            return new IdxArray(name, shape, data);
        } catch (ZipException e) {
            throw new DatasetException(name, "corrupt gzip data (" + e.getMessage() + ")" + REDOWNLOAD, e);
        } catch (IOException e) {
            throw new DatasetException(name, "read error (" + e + ")", e);
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }

    private static int[] readHeader(InputStream in, String name, int dimensions)
            throws IOException, DatasetException {
        byte[] magic = new byte[4];
        int n = readUpTo(in, magic, 0, 4);
        if (n == 0) {
            throw new DatasetException(name, "the file is empty" + REDOWNLOAD);
        }
        if (n < 4) {
            throw new DatasetException(name, "truncated header — expected 4 bytes of magic number, found " + n
                    + REDOWNLOAD);
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new DatasetException(name, "not an IDX file — it starts with " + hex(magic)
                    + ", an IDX file starts with 00 00 08 0" + dimensions
                    + "; choose an MNIST-style file such as train-images-idx3-ubyte.gz");
        }
        int type = magic[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new DatasetException(name, "element type 0x" + String.format("%02X", type) + " (" + typeName(type)
                    + ") is not supported — only 0x08 (unsigned byte) images and labels can be read");
        }
        int found = magic[3] & 0xFF;
        if (found != dimensions) {
            throw new DatasetException(name, "has " + found + " dimension" + (found == 1 ? "" : "s")
                    + ", expected " + dimensions + " (" + layout(dimensions) + ") — is it the right file?");
        }
        byte[] sizes = new byte[4 * dimensions];
        n = readUpTo(in, sizes, 0, sizes.length);
        if (n < sizes.length) {
            throw new DatasetException(name, "truncated header — expected " + (4 + sizes.length)
                    + " bytes, found " + (4 + n) + REDOWNLOAD);
        }
        int[] shape = new int[dimensions];
        long elements = 1;
        for (int d = 0; d < dimensions; d++) {
            int i = 4 * d;
            shape[d] = (sizes[i] & 0xFF) << 24 | (sizes[i + 1] & 0xFF) << 16
                    | (sizes[i + 2] & 0xFF) << 8 | (sizes[i + 3] & 0xFF); // big-endian int32
            if (shape[d] <= 0) {
                throw new DatasetException(name, "dimension " + (d + 1) + " has size " + shape[d]
                        + ", sizes must be positive — the header is corrupt" + REDOWNLOAD);
            }
            elements *= shape[d];
            if (elements > MAX_ELEMENTS) {
                throw new DatasetException(name, "the header claims more than " + MAX_ELEMENTS
                        + " elements, too many to hold — the header is corrupt" + REDOWNLOAD);
            }
        }
        return shape;
    }

    private static byte[] readData(InputStream in, String name, int[] shape) throws IOException, DatasetException {
        int expected = Arrays.stream(shape).reduce(1, (a, b) -> a * b); // fits: checked in readHeader
        byte[] data = new byte[Math.min(expected, FIRST_CHUNK)];
        int n = 0;
        while (true) {
            n += readUpTo(in, data, n, data.length - n);
            if (n < data.length) {
                throw new DatasetException(name, "truncated — expected " + expected + " bytes of "
                        + dataNoun(shape.length) + ", found " + n + REDOWNLOAD);
            }
            if (n == expected) {
                return data;
            }
            data = Arrays.copyOf(data, (int) Math.min(expected, 2L * data.length));
        }
    }

    // Also the moment GZIPInputStream checks its CRC: the stream is read to its very end.
    private static void checkNothingFollows(InputStream in, String name, int expected)
            throws IOException, DatasetException {
        long extra;
        try {
            extra = in.transferTo(OutputStream.nullOutputStream());
        } catch (EOFException e) {
            throw new DatasetException(name, "the gzip stream is truncated before its checksum" + REDOWNLOAD, e);
        }
        if (extra > 0) {
            throw new DatasetException(name, extra + " unexpected bytes after the " + expected
                    + " bytes the header announces — the file is corrupt or not what its header says" + REDOWNLOAD);
        }
    }

    /** Reads until {@code len} bytes or the end; a gzip stream that is cut short also counts as the end. */
    private static int readUpTo(InputStream in, byte[] b, int off, int len) throws IOException {
        int n = 0;
        try {
            while (n < len) {
                int r = in.read(b, off + n, len - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (EOFException cutShort) {
            // GZIPInputStream: "Unexpected end of ZLIB input stream"; reported as truncated by the caller
        }
        return n;
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "16-bit integer";
            case 0x0C -> "32-bit integer";
            case 0x0D -> "32-bit float";
            case 0x0E -> "64-bit float";
            default -> "not an IDX type";
        };
    }

    private static String layout(int dimensions) {
        return switch (dimensions) {
            case IMAGE_DIMENSIONS -> "images: count, rows, cols";
            case LABEL_DIMENSIONS -> "labels: count";
            default -> "as the caller asked";
        };
    }

    private static String dataNoun(int dimensions) {
        return switch (dimensions) {
            case IMAGE_DIMENSIONS -> "pixel data";
            case LABEL_DIMENSIONS -> "label data";
            default -> "data";
        };
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%02X", b & 0xFF));
        }
        return s.toString();
    }
}
