package aelab.io;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Optional;
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
 *
 * A failure is a {@link WriteFailed}: the user's path and the system's reason in words, never the
 * hidden temporary file. While a write runs, a lock on a sibling {@code .<name>.lock} refuses a
 * second write to the same file, from this process or another (see {@link SaveLock}). A temporary file
 * is also removed when the process is stopped mid-write: it is registered with
 * {@link File#deleteOnExit()}, whose deletions run after every shutdown hook — so after a Ctrl-C save
 * the command line's hook waits for has finished, never in the middle of it.
 */
public final class AtomicFiles {
    private AtomicFiles() { }

    /** What writes the content; it may throw, and then nothing changes. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** A write that could not be done; the message is one line, {@code "<target>: <reason>"}. */
    public static final class WriteFailed extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path target;
        private final String reason;

        WriteFailed(Path target, String reason, Throwable cause) {
            super(target + ": " + reason, cause);
            this.target = target;
            this.reason = reason;
        }

        public Path target() { return target; }

        /** The reason alone, e.g. "permission denied: cannot create files in the folder /data". */
        public String reason() { return reason; }
    }

    /**
     * Why {@code target} cannot be written, checked before any work is done: an empty path, a folder
     * where the file should be, a file where a folder should be, a folder the user cannot write.
     * The message is one line, {@code "<target>: <reason>"}; empty when a write may go ahead.
     */
    public static Optional<String> checkWritable(Path target) {
        if (target.toString().isEmpty()) return Optional.of("no file name given");
        String why = obstacle(target.toAbsolutePath());
        if (why == null) why = probe(target.toAbsolutePath());
        return why == null ? Optional.empty() : Optional.of(target + ": " + why);
    }

    /**
     * Creates and removes a file in the folder that would hold the target (or its nearest existing
     * ancestor): the permission bits cannot tell, for root they always say yes, and folders such as
     * /proc, a read-only mount or a full quota refuse only the creation itself — after the training.
     */
    private static String probe(Path abs) {
        Path p = abs.getParent();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) return null;
        Path f = p.resolve(".aelab-probe-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36));
        try {
            Files.newByteChannel(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            Files.deleteIfExists(f);
            return null;
        } catch (AccessDeniedException e) {
            return "permission denied: cannot create files in the folder " + p;
        } catch (IOException e) {
            String text = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : String.valueOf(e.getMessage());
            if (text.toLowerCase(Locale.ROOT).contains("read-only file system")) return "the file system is read-only";
            if (e instanceof NoSuchFileException) return "the folder " + p + " does not take new files";
            return "cannot create files in the folder " + p + " (" + text + ")";
        }
    }

    private static String obstacle(Path abs) {
        if (Files.isDirectory(abs)) return "is a folder, not a file; choose a file name";
        Path p = abs.getParent();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) return null;
        if (!Files.isDirectory(p)) return "not a folder: " + p + " is a file";
        if (!Files.isWritable(p)) return "permission denied: cannot create files in the folder " + p;
        return null;
    }

    public static void write(Path target, Writer writer) throws IOException {
        if (target.toString().isEmpty()) throw new WriteFailed(target, "no file name given", null);
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new WriteFailed(target, obstacle(abs), null);
        Path tmp = null;
        try {
            Path dir = abs.getParent();
            if (dir != null) Files.createDirectories(dir);
            try (SaveLock lock = SaveLock.take(abs)) {
                if (lock == null)
                    throw new WriteFailed(target, "is being saved by another process or window; try again when it has finished", null);
                Set<PosixFilePermission> keep = permissions(abs);
                FileChannel channel;
                while (true) {
                    tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
                    try {
                        channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                        break;
                    } catch (FileAlreadyExistsException e) {
                        // another name
                    }
                }
                tmp.toFile().deleteOnExit(); // a few bytes a write, kept until exit: the price of a sound order at shutdown
                writeAndMove(channel, writer, tmp, abs, keep);
            }
        } catch (WriteFailed e) {
            throw e;
        } catch (IOException e) {
            throw new WriteFailed(target, reason(e, abs, tmp), e);
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp); // gone already after a successful move
        }
    }

    private static void writeAndMove(FileChannel channel, Writer writer, Path tmp, Path abs,
                                     Set<PosixFilePermission> keep) throws IOException {
        try (var ch = channel;
             OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16)) {
            writer.write(out);
            out.flush();
            ch.force(true);
        }
        if (keep != null) Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setPermissions(keep);
        try {
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The system's reason in words; paths in it are the user's (a folder or the target), never the temporary file. */
    static String reason(IOException e, Path abs, Path tmp) {
        if (e instanceof AccessDeniedException) {
            Path dir = abs.getParent();
            return dir != null && !Files.isWritable(dir) ? "permission denied: cannot create files in the folder " + dir
                    : "permission denied";
        }
        String why = obstacle(abs); // a file where a folder should be, a folder where the file should be
        if (why != null && (e instanceof FileAlreadyExistsException || e instanceof FileSystemException)) return why;
        String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) return "no space left on the device";
        if (lower.contains("disk quota")) return "the disk quota is exceeded";
        if (lower.contains("read-only file system")) return "the file system is read-only";
        if ((e instanceof NoSuchFileException || lower.contains("no such file")) && abs.getParent() != null
                && Files.isDirectory(abs.getParent()))
            return "the folder " + abs.getParent() + " does not take new files";   // /proc and the like
        if (e instanceof NoSuchFileException || lower.contains("no such file"))
            return "no such folder: " + abs.getParent() + " (was it removed while saving?)";
        if (lower.contains("not a directory")) return "not a folder: a part of the path is a file";
        if (lower.contains("is a directory")) return "is a folder, not a file; choose a file name";
        if (tmp != null) text = text.replace(tmp.toString(), abs.toString());
        return text;
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

    /**
     * An exclusive lock on {@code .<name>.lock} beside the target, held for the whole write and removed
     * after it (while still held). Removing a lock file races with a writer that opened it just before:
     * that writer could then lock the removed file while a third locks a new one. So a writer compares
     * the file the path leads to (its file key: device and inode) before it opens and after it locks,
     * and tries again when they differ. The one opening that slips through needs two whole saves and an
     * inode number reused inside that window. Where a file system has no file keys, the lock file stays.
     *
     * POSIX locks belong to a process, and closing any channel on the file drops them all; so this
     * process lets only one write per target near the lock file ({@link #WRITING}), and never reads it.
     */
    static final class SaveLock implements AutoCloseable {
        /** Targets this process is writing: a second thread is refused before it opens the lock file. */
        private static final Set<Path> WRITING = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private static final Object MISSING = new Object();

        private final Path target, file;
        private final FileChannel channel;
        private final FileLock lock;
        private final boolean remove;

        private SaveLock(Path target, Path file, FileChannel channel, FileLock lock, boolean remove) {
            this.target = target;
            this.file = file;
            this.channel = channel;
            this.lock = lock;
            this.remove = remove;
        }

        /** The lock, or null when another write to the same target, here or in another process, holds it. */
        static SaveLock take(Path abs) throws IOException {
            Path target = abs.normalize(), file = target.resolveSibling("." + target.getFileName() + ".lock");
            if (!WRITING.add(target)) return null;
            boolean taken = false;
            try {
                for (int attempt = 0; attempt < 20; attempt++) {
                    Object before = fileKey(file);
                    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock l;
                    try {
                        l = ch.tryLock();
                    } catch (OverlappingFileLockException | IOException e) {
                        ch.close();
                        throw e instanceof IOException io ? io : new IOException(e);
                    }
                    if (l == null) {
                        ch.close();
                        return null;
                    }
                    Object after = fileKey(file);
                    boolean keyed = after != null && after != MISSING;
                    if (!keyed && after == null) { // no file keys here: keep the lock file, no race to guard
                        taken = true;
                        return new SaveLock(target, file, ch, l, false);
                    }
                    if (keyed && after.equals(before)) {
                        taken = true;
                        return new SaveLock(target, file, ch, l, true);
                    }
                    l.release(); // new, or the path moved under us: look again
                    ch.close();
                }
                return null;
            } finally {
                if (!taken) WRITING.remove(target);
            }
        }

        /** The path's file key; MISSING when there is no file, null when the file system has no keys. */
        private static Object fileKey(Path file) throws IOException {
            try {
                return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            } catch (NoSuchFileException e) {
                return MISSING;
            }
        }

        @Override public void close() throws IOException {
            try {
                if (remove) Files.deleteIfExists(file); // while still holding the lock; see the class comment
            } finally {
                try {
                    lock.release();
                    channel.close();
                } finally {
                    WRITING.remove(target);
                }
            }
        }
    }
}
