package aelab.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aWriterThatThrowsLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a.txt");
        AtomicFiles.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("new, half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals(f + ": disk full", e.getMessage(), "the writer's reason, after the target's name");
        assertEquals("old", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void missingFoldersAreCreated() throws IOException {
        Path f = dir.resolve("x/y/z.txt");
        AtomicFiles.writeString(f, "é");
        assertEquals("é", Files.readString(f));
    }

    @Test
    void aNewFileGetsTheUsualPermissionsNotOwnerOnly() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "not a POSIX file system");
        Path plain = Files.createFile(dir.resolve("plain.txt")), atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic),
                "the same umask applies as to any new file");
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "not a POSIX file system");
        Path f = dir.resolve("shared.txt");
        AtomicFiles.writeString(f, "v1");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(f, "v2");
        assertEquals("v2", Files.readString(f));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
}
