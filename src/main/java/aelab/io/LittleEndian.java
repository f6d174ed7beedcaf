package aelab.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Raw little-endian float32 arrays: 4 bytes per value, no header (shapes live in experiment.json). */
final class LittleEndian {
    private LittleEndian() { }

    static byte[] floats(float[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(a);
        return b.array();
    }

    /** The bytes as floats; the caller has checked that the length is 4 · count. */
    static float[] floats(byte[] bytes) {
        float[] a = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(a);
        return a;
    }
}
