package aelab.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's .npy format, version 1.0, for the float32 arrays of an experiment file: so that
 * {@code numpy.load("run.aelab")} (a zip of .npy entries is what NumPy calls an .npz) lists and loads
 * every weight and optimizer array by name. The layout (numpy.lib.format):
 *
 *   \x93NUMPY, 1, 0, header length (uint16 LE), header, data
 *   header = "{'descr': '<f4', 'fortran_order': False, 'shape': (784, 128), }" padded with spaces and a
 *            newline so that 10 + its length is a multiple of 64
 *   data   = the values, little-endian float32, C (row-major) order
 *
 * Reading accepts what NumPy itself writes for such an array (versions 1.0 and 2.0, any key order and
 * spacing), and nothing else: another dtype, Fortran order or another shape is named in the message.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** Longest header read: NumPy pads to 64 bytes, a few hundred at most for any shape here. */
    static final int MAX_HEADER = 4096;

    private Npy() { }

    static byte[] header(int[] shape) {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) dims.append(d).append(", ");
        String s = shape.length == 1 ? dims.toString().trim() : dims.substring(0, Math.max(0, dims.length() - 2));
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + s + "), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String h = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + h.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length()).put(h.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    static byte[] write(float[] values, int[] shape) {
        byte[] h = header(shape);
        ByteBuffer b = ByteBuffer.allocate(h.length + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(h);
        for (float v : values) b.putFloat(v);
        return b.array();
    }

    /** Bytes an array of this shape takes as written here. */
    static long size(int[] shape) {
        long n = 1;
        for (int d : shape) n *= d;
        return header(shape).length + 4 * n;
    }

    /** The values of an .npy array that must be float32, C order, of exactly this shape. */
    static float[] read(byte[] bytes, int[] shape, String what) throws IllegalArgumentException {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC))
            throw new IllegalArgumentException(what + " is not a NumPy .npy array");
        int major = bytes[6];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength, start;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xFFFF;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) throw new IllegalArgumentException(what + ": its .npy header is cut short");
            headerLength = b.getInt(8);
            start = 12;
        } else {
            throw new IllegalArgumentException(what + ": .npy version " + major + " is not one this app reads (1, 2, 3)");
        }
        if (headerLength < 0 || headerLength > MAX_HEADER || start + headerLength > bytes.length)
            throw new IllegalArgumentException(what + ": its .npy header is cut short or too long");
        String h = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, h, what, "descr"), order = find(ORDER, h, what, "fortran_order");
        if (!descr.equals("<f4")) throw new IllegalArgumentException(what + " holds " + descr + " values, not float32 ('<f4')");
        if (order.equals("True")) throw new IllegalArgumentException(what + " is in Fortran order, not C order");
        int[] got = shape(find(SHAPE, h, what, "shape"), what);
        if (!Arrays.equals(got, shape))
            throw new IllegalArgumentException(what + " has shape " + Arrays.toString(got) + ", not " + Arrays.toString(shape));
        long n = 1;
        for (int d : shape) n *= d;
        int data = start + headerLength;
        if (bytes.length - data != 4 * n)
            throw new IllegalArgumentException(what + " holds " + (bytes.length - data) + " bytes of values, not " + 4 * n);
        float[] v = new float[(int) n];
        b.position(data);
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }

    private static String find(Pattern p, String header, String what, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new IllegalArgumentException(what + ": its .npy header has no '" + key + "'");
        return m.group(1);
    }

    private static int[] shape(String dims, String what) {
        String[] parts = dims.split(",");
        int[] s = new int[parts.length];
        int n = 0;
        for (String p : parts) {
            if (p.isBlank()) continue;
            try {
                s[n++] = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": its .npy shape (" + dims + ") is not a list of sizes");
            }
        }
        return Arrays.copyOf(s, n);
    }
}
