package aelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facts in assets/mnist/README.md that show the bundled files are the real MNIST. */
class BundledMnistTest {
    private static Dataset mnist;

    @BeforeAll
    static void load() throws DatasetException {
        mnist = Dataset.loadBundledMnist();
    }

    @Test
    void hasSixtyThousandTrainingAndTenThousandTestImagesOf28By28() {
        assertEquals(Dataset.BUNDLED_NAME, mnist.name());
        assertEquals(60_000, mnist.train().count());
        assertEquals(10_000, mnist.test().count());
        assertEquals(28, mnist.train().rows());
        assertEquals(28, mnist.train().cols());
        assertEquals(28, mnist.test().rows());
    }

    @Test
    void firstLabelsAreFiveAndSeven() {
        assertEquals(5, mnist.train().label(0));
        assertEquals(7, mnist.test().label(0));
    }

    @Test
    void trainingLabelCountsAreTheKnownOnes() {
        int[] known = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
        assertArrayEquals(known, mnist.train().labelCounts());
    }

    @Test
    void meanTrainingPixelIs0_1307() {
        assertEquals(0.1307, mnist.train().meanPixel(), 5e-5);
    }

    @Test
    void folderCopyOfTheBundledFilesLoadsTheSame(@TempDir Path dir) throws Exception {
        for (MnistFile f : MnistFile.values()) {
            String name = f.canonicalName() + ".gz";
            try (InputStream in = BundledMnistTest.class.getResourceAsStream(Dataset.BUNDLED_FOLDER + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        Dataset copy = Dataset.loadFolder(dir);
        assertEquals(dir.getFileName().toString(), copy.name());
        assertArrayEquals(mnist.train().pixels(), copy.train().pixels());
        assertArrayEquals(mnist.test().labels(), copy.test().labels());
    }
}
