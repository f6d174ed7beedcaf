package aelab.data;

/**
 * Images with their labels, as read from an IDX pair. Pixels stay bytes (47 MB for MNIST's
 * training set, not 188 MB of floats); the engine scales them to [0,1] a batch at a time.
 * The arrays are shared, not copied: treat them as read-only.
 *
 * @param pixels (count, rows, cols) row-major, unsigned 0–255
 * @param labels (count), unsigned 0–255 — any value is allowed, MNIST uses 0–9
 */
public record ImageSet(int count, int rows, int cols, byte[] pixels, byte[] labels) {

    public ImageSet {
        if (count <= 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + count + " × " + rows + " × " + cols);
        }
        if (pixels.length != (long) count * rows * cols || labels.length != count) {
            throw new IllegalArgumentException(pixels.length + " pixels and " + labels.length
                    + " labels do not fit " + count + " × " + rows + " × " + cols);
        }
    }

    /** Pairs an images file with its labels file; both must hold the same number of items. */
    public static ImageSet of(IdxArray images, IdxArray labels) throws DatasetException {
        if (images.shape().length != IdxReader.IMAGE_DIMENSIONS) {
            throw new DatasetException(images.name(), "has " + images.shape().length + " dimensions, images need 3");
        }
        if (labels.shape().length != IdxReader.LABEL_DIMENSIONS) {
            throw new DatasetException(labels.name(), "has " + labels.shape().length + " dimensions, labels need 1");
        }
        int count = images.shape()[0];
        if (labels.shape()[0] != count) {
            throw new DatasetException(labels.name(), "holds " + labels.shape()[0] + " labels but "
                    + images.name() + " holds " + count + " images; use the images and labels of the same dataset");
        }
        return new ImageSet(count, images.shape()[1], images.shape()[2], images.data(), labels.data());
    }

    /** Pixels per image, rows · cols. */
    public int imageSize() {
        return rows * cols;
    }

    /** Pixel {@code index} (row-major, 0 ≤ index < imageSize) of image {@code image}, 0–255. */
    public int pixel(int image, int index) {
        return pixels[image * imageSize() + index] & 0xFF;
    }

    /** Label of image {@code i}, 0–255. */
    public int label(int i) {
        return labels[i] & 0xFF;
    }

    /** How many images carry each label; the length is the largest label + 1. */
    public int[] labelCounts() {
        int[] counts = new int[256];
        int largest = 0;
        for (byte b : labels) {
            int l = b & 0xFF;
            counts[l]++;
            largest = Math.max(largest, l);
        }
        return java.util.Arrays.copyOf(counts, largest + 1);
    }

    /** Mean pixel on the [0,1] scale, i.e. Σ p / (255 · pixels); 0.1307 for MNIST's training set. */
    public double meanPixel() {
        long sum = 0;
        for (byte b : pixels) {
            sum += b & 0xFF;
        }
        return sum / (255.0 * pixels.length);
    }

    @Override
    public String toString() {
        return "ImageSet[" + count + " images, " + rows + " × " + cols + "]";
    }
}
