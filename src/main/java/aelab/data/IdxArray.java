package aelab.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The contents of one IDX file of unsigned bytes: its sizes and its elements in row-major order.
 * The arrays are shared, not copied — 47 MB of MNIST pixels should exist once.
 *
 * @param name  the file name, for error messages
 * @param shape the size of each dimension, e.g. (count, rows, cols) for images
 * @param data  the elements, unsigned 0–255 stored in Java's signed bytes; length = product of shape
 */
public record IdxArray(String name, int[] shape, byte[] data) {

    /** Shape as people write it, e.g. {@code "60000 × 28 × 28"}. */
    public String shapeText() {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(" × "));
    }

    @Override
    public String toString() {
        return "IdxArray[" + name + ", " + shapeText() + "]";
    }
}
