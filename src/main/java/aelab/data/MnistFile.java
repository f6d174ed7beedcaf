package aelab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The four files of the MNIST layout, which Fashion-MNIST, KMNIST and EMNIST share.
 * Each may be raw or gzipped, and some distributions write {@code train-images.idx3-ubyte}
 * with a dot instead of a dash.
 */
public enum MnistFile {
    TRAIN_IMAGES("train-images", IdxReader.IMAGE_DIMENSIONS),
    TRAIN_LABELS("train-labels", IdxReader.LABEL_DIMENSIONS),
    TEST_IMAGES("t10k-images", IdxReader.IMAGE_DIMENSIONS),
    TEST_LABELS("t10k-labels", IdxReader.LABEL_DIMENSIONS);

    private final String stem;
    private final int dimensions;

    MnistFile(String stem, int dimensions) {
        this.stem = stem;
        this.dimensions = dimensions;
    }

    public int dimensions() {
        return dimensions;
    }

    /** The canonical name without compression, e.g. {@code train-images-idx3-ubyte}. */
    public String canonicalName() {
        return stem + suffix();
    }

    /** Names accepted in a folder, in the order they are tried: raw before gzipped (no inflating). */
    public List<String> acceptedNames() {
        String dotted = stem + "." + suffix().substring(1);
        return List.of(canonicalName(), canonicalName() + ".gz", dotted, dotted + ".gz");
    }

    /** The first accepted name that is a regular file in {@code dir}. */
    public Optional<Path> findIn(Path dir) {
        return acceptedNames().stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }

    /** What a dataset folder must hold, for error messages. */
    public static String expectedFiles() {
        StringBuilder s = new StringBuilder();
        for (MnistFile f : values()) {
            s.append(s.length() == 0 ? "" : ", ").append(f.canonicalName()).append("[.gz]");
        }
        return s.toString();
    }

    private String suffix() {
        return "-idx" + dimensions + "-ubyte";
    }
}
