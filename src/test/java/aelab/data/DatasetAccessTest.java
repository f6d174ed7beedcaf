package aelab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static aelab.data.TinyIdx.mnistFolder;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** A data folder that is there but cannot be read says why, instead of claiming a file is missing. */
class DatasetAccessTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderWhereTheImagesShouldBeSaysSo() throws Exception {
        Path dir = mnistFolder(tmp, 2, 2, false);
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        Files.createDirectory(dir.resolve("train-images-idx3-ubyte"));
        DatasetException e = assertThrows(DatasetException.class, () -> Dataset.loadFolder(dir));
        assertEquals(dir + ": train-images-idx3-ubyte is a folder, not a file; a dataset folder holds "
                + MnistFile.expectedFiles(), e.getMessage());
    }

    @Test
    void aFolderThatCannotBeReadIsPermissionDenied() throws Exception {
        Path dir = mnistFolder(Files.createDirectory(tmp.resolve("locked")), 2, 2, false);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(dir), "running as root, which may read any folder: nothing to deny");
            DatasetException e = assertThrows(DatasetException.class, () -> Dataset.loadFolder(dir));
            assertTrue(e.getMessage().startsWith(dir + ": permission denied"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFileThatCannotBeReadIsPermissionDenied() throws Exception {
        Path dir = mnistFolder(tmp, 2, 2, false);
        Path images = dir.resolve("t10k-images-idx3-ubyte");
        Files.setPosixFilePermissions(images, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(images), "running as root, which may read any file: nothing to deny");
        DatasetException e = assertThrows(DatasetException.class, () -> Dataset.loadFolder(dir));
        assertEquals("t10k-images-idx3-ubyte: permission denied; check the file's permissions (" + images + ")",
                e.getMessage());
    }
}
