package aelab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassNamesTest {
    /** Where this machine keeps Fashion-MNIST (not bundled: its own licence, and 30 MB more). */
    private static final Path FASHION = Path.of(System.getProperty("aelab.fashionMnist", "/usr/share/datasets/fashion-mnist"));

    @Test
    void theBundledMnistIsKnownByItsTestLabelsAndSaysDigits() throws DatasetException {
        ClassNames n = ClassNames.of(Dataset.loadBundledMnist().test());
        assertSame(ClassNames.DIGITS, n);
        assertEquals("digit 7", n.name(7));
        assertEquals("Digit 7", n.title(7));
        assertEquals("digits", n.items());
    }

    @Test
    void fashionMnistIsKnownWhateverItsFolderIsCalledAndSaysItsTenClasses(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FASHION), "Fashion-MNIST is not on this machine: " + FASHION);
        Path renamed = Files.createDirectory(dir.resolve("some-folder"));
        try (var files = Files.list(FASHION)) {
            for (Path f : files.toList()) Files.createSymbolicLink(renamed.resolve(f.getFileName()), f);
        }
        ClassNames n = ClassNames.of(Dataset.loadFolder(renamed).test());
        assertSame(ClassNames.FASHION_MNIST, n);
        assertEquals("T-shirt/top", n.name(0));
        assertEquals("Sneaker", n.name(7));
        assertEquals("Ankle boot", n.title(9));
        assertEquals("images", n.items());
    }

    @Test
    void anUnknownDatasetSaysClassN(@TempDir Path dir) throws DatasetException {
        ClassNames n = ClassNames.of(Dataset.loadFolder(TinyIdx.mnistFolder(dir, 2, 3, false)).test());
        assertSame(ClassNames.UNKNOWN, n);
        assertEquals("class 3", n.name(3));
        assertEquals("Class 3", n.title(3));
    }

    @Test
    void aLabelPastFashionMnistsTenIsAClassNumber() {
        assertEquals("class 12", ClassNames.FASHION_MNIST.name(12));
    }
}
