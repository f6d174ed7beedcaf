package aelab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a crash, a full disk or an error part-way never leaves a half-written file in
 * place of a good one: write a temporary file beside the target, force it to disk, then rename it over
 * the target in one step. On failure the temporary file is removed and the old file is untouched.
 *
 * The temporary file is created like any new file (so the user's umask applies, not the owner-only
 * mode of {@link Files#createTempFile}), and a file that is replaced keeps its permissions: a saved
 * experiment is meant to be shared.
 */
public final class AtomicFiles {
    private AtomicFiles() { }

    /** What writes the content; it may throw, and then nothing changes. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        Set<PosixFilePermission> keep = permissions(abs);
        Path tmp;
        java.nio.channels.SeekableByteChannel channel;
        while (true) {
            tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                channel = Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                break;
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
        boolean done = false;
        try {
            try (var ch = channel;
                 OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16)) {
                writer.write(out);
                out.flush();
                if (ch instanceof java.nio.channels.FileChannel fc) fc.force(true);
            }
            if (keep != null) Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setPermissions(keep);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The POSIX permissions of an existing file, or null (no file, or not a POSIX file system). */
    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return null;
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        return view == null ? null : view.readAttributes().permissions();
    }
}
