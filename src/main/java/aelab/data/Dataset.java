package aelab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumMap;
import java.util.Map;

/**
 * A training set and a test set of same-sized images, loaded from the four files of the MNIST layout.
 *
 * @param name shown in the UI: {@value #BUNDLED_NAME} or the folder's name
 */
public record Dataset(String name, ImageSet train, ImageSet test) {

    public static final String BUNDLED_NAME = "MNIST (bundled)";
    /** Classpath folder of the MNIST files the pom packs into the jar from {@code assets/mnist}. */
    public static final String BUNDLED_FOLDER = "/assets/mnist/";

    public Dataset {
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException("train " + train + " and test " + test + " differ in image size");
        }
    }

    /** The real MNIST that travels inside the jar; works from any working directory. */
    public static Dataset loadBundledMnist() throws DatasetException {
        Map<MnistFile, IdxArray> files = new EnumMap<>(MnistFile.class);
        for (MnistFile f : MnistFile.values()) {
            String resource = BUNDLED_FOLDER + f.canonicalName() + ".gz";
            try (InputStream in = Dataset.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new DatasetException(resource, "not found on the classpath; rebuild the app (mvn package)"
                            + " or open a folder of MNIST files instead");
                }
                files.put(f, IdxReader.read(in, f.canonicalName() + ".gz", f.dimensions()));
            } catch (IOException e) {
                throw new DatasetException(resource, "cannot read the bundled file (" + e.getMessage() + ")", e);
            }
        }
        return assemble(BUNDLED_NAME, files);
    }

    /** Any folder of IDX files in the MNIST layout (Fashion-MNIST too), raw or gzipped. */
    public static Dataset loadFolder(Path dir) throws DatasetException {
        String expected = "a dataset folder holds " + MnistFile.expectedFiles();
        if (!Files.exists(dir)) {
            throw new DatasetException(dir.toString(), "folder not found; " + expected);
        }
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir.toString(), "is a file, not a folder; " + expected);
        }
        Map<MnistFile, IdxArray> files = new EnumMap<>(MnistFile.class);
        for (MnistFile f : MnistFile.values()) {
            files.put(f, IdxReader.read(locate(dir, f, expected), f.dimensions()));
        }
        Path folderName = dir.toAbsolutePath().normalize().getFileName();
        return assemble(folderName == null ? dir.toString() : folderName.toString(), files);
    }

    /**
     * The first accepted name of f that is a regular file in dir. A name that cannot be looked at
     * (no permission on the folder) or is a folder is reported as such, not as a missing file.
     */
    private static Path locate(Path dir, MnistFile f, String expected) throws DatasetException {
        String folderInstead = null;
        boolean denied = false;
        for (String name : f.acceptedNames()) {
            Path p = dir.resolve(name);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class);
            } catch (AccessDeniedException e) {
                denied = true;
                continue;
            } catch (IOException e) { // not there (or a broken link): try the next name
                continue;
            }
            if (a.isRegularFile()) return p;
            if (a.isDirectory() && folderInstead == null) folderInstead = name;
        }
        if (denied)
            throw new DatasetException(dir.toString(), "permission denied: the files in this folder cannot be"
                    + " reached; check the folder's permissions");
        if (folderInstead != null)
            throw new DatasetException(dir.toString(), folderInstead + " is a folder, not a file; " + expected);
        throw new DatasetException(dir.toString(), "no " + f.canonicalName() + " file — looked for "
                + String.join(", ", f.acceptedNames()) + "; " + expected);
    }

    private static Dataset assemble(String name, Map<MnistFile, IdxArray> files) throws DatasetException {
        ImageSet train = ImageSet.of(files.get(MnistFile.TRAIN_IMAGES), files.get(MnistFile.TRAIN_LABELS));
        ImageSet test = ImageSet.of(files.get(MnistFile.TEST_IMAGES), files.get(MnistFile.TEST_LABELS));
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new DatasetException(files.get(MnistFile.TEST_IMAGES).name(), "test images are "
                    + test.rows() + " × " + test.cols() + " but " + files.get(MnistFile.TRAIN_IMAGES).name()
                    + " holds " + train.rows() + " × " + train.cols()
                    + "; train and test images must be the same size");
        }
        return new Dataset(name, train, test);
    }
}
