package aelab.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** When a write cannot be done: the system's reason and the user's path, no temporary file left. */
class AtomicFilesFailureTest {
    @TempDir
    Path dir;

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp") || n.endsWith(".lock")).toList();
        }
    }

    private IOException failure(Path target, AtomicFiles.Writer w) {
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, w));
        assertTrue(e.getMessage().contains(target.toString()), "names the target: " + e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), "never the temporary file: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void aTargetThatIsAFolderSaysSo() throws IOException {
        Path target = Files.createDirectory(dir.resolve("run.aelab"));
        IOException e = failure(target, out -> out.write(1));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        assertEquals(List.of(), leftovers());
        assertEquals(Optional.of(target + ": is a folder, not a file; choose a file name"), AtomicFiles.checkWritable(target));
    }

    @Test
    void aParentThatIsAFileSaysNotAFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Path target = file.resolve("sub").resolve("run.aelab");
        IOException e = failure(target, out -> out.write(1));
        assertTrue(e.getMessage().contains("not a folder: " + file + " is a file"), e.getMessage());
        assertEquals(Optional.of(target + ": not a folder: " + file + " is a file"), AtomicFiles.checkWritable(target));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aFullDiskGivesItsReasonAndRemovesTheTemporaryFile() throws IOException {
        Path target = dir.resolve("run.csv");
        IOException e = failure(target, out -> {
            out.write(new byte[100]);
            throw new IOException("No space left on device");
        });
        assertTrue(e.getMessage().contains("no space left on the device"), e.getMessage());
        assertEquals(List.of(), leftovers());
        assertFalse(Files.exists(target));
    }

    @Test
    void aFolderTheUserCannotWriteIsPermissionDenied() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "running as root, which may write into any folder: nothing to deny");
            Path target = locked.resolve("run.aelab");
            IOException e = failure(target, out -> out.write(1));
            assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
            assertEquals(Optional.of(target + ": permission denied: cannot create files in the folder " + locked),
                    AtomicFiles.checkWritable(target));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void checkWritableAcceptsANewFileInAFolderStillToBeMadeAndRefusesAnEmptyPath() {
        assertEquals(Optional.empty(), AtomicFiles.checkWritable(dir.resolve("a/b/run.aelab")));
        assertEquals(Optional.empty(), AtomicFiles.checkWritable(Path.of("relative-run.aelab")));
        assertEquals(Optional.of("no file name given"), AtomicFiles.checkWritable(Path.of("")));
    }

    @Test
    void aSecondSaveToTheSameFileWhileTheFirstIsWritingIsRefused() throws Exception {
        Path target = dir.resolve("run.aelab");
        CountDownLatch writing = new CountDownLatch(1), release = new CountDownLatch(1);
        Throwable[] firstFailed = new Throwable[1];
        Thread first = new Thread(() -> {
            try {
                AtomicFiles.write(target, out -> {
                    out.write("first".getBytes(StandardCharsets.UTF_8));
                    writing.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                });
            } catch (Throwable t) {
                firstFailed[0] = t;
            }
        });
        first.start();
        assertTrue(writing.await(10, TimeUnit.SECONDS));
        IOException e = failure(target, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("is being saved by another"), e.getMessage());
        release.countDown();
        first.join(10_000);
        assertNull(firstFailed[0]);
        assertEquals("first", Files.readString(target), "the first save is kept");
        assertEquals(List.of(), leftovers(), "no lock file or temporary file is left");
        AtomicFiles.writeString(target, "third"); // the lock is released
        assertEquals("third", Files.readString(target));
    }

    /** A child JVM that starts a write and never finishes it; the test stops it. */
    public static void main(String[] args) throws IOException {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[1000]);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        });
    }

    @Test
    void aSaveWhileAnotherProcessSavesTheSameFileIsRefused() throws Exception {
        Path target = dir.resolve("run.aelab");
        AtomicFiles.writeString(target, "mine");
        Process p = childWriting(target);
        try {
            IOException e = failure(target, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().contains("is being saved by another process or window"), e.getMessage());
            assertEquals("mine", Files.readString(target), "the refused save changed nothing");
        } finally {
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
        AtomicFiles.writeString(target, "after"); // the dead process's lock is gone with it
        assertEquals("after", Files.readString(target));
    }

    /** A child JVM in the middle of writing target, started and seen to be writing. */
    private static Process childWriting(Path target) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AtomicFilesFailureTest.class.getName(), target.toString()).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null && !line.equals("writing")) { }
        assertEquals("writing", line, "the child started its write");
        return p;
    }

    @Test
    void stoppingTheProcessMidWriteLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("run.aelab");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AtomicFilesFailureTest.class.getName(), target.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("writing")) { }
            assertEquals("writing", line, "the child started its write");
            try (Stream<Path> s = Files.list(dir)) {
                assertTrue(s.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "the temporary file exists mid-write");
            }
            p.destroy(); // SIGTERM: the JVM shuts down as on Ctrl-C
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), leftovers().stream().filter(n -> n.endsWith(".tmp")).toList());
        assertFalse(Files.exists(target));
    }
}
