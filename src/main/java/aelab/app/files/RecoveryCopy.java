package aelab.app.files;

import aelab.app.model.Run;
import aelab.app.model.RunRecord;
import aelab.app.session.BackgroundExecutor;
import aelab.app.session.ExperimentKeeper;
import aelab.app.session.LabSession;
import aelab.engine.Checkpoint;
import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.SavedRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A copy of the window's runs kept on disk while it is open, so that a crash or a kill loses at most
 * a few seconds: {@code recovery-<pid>.aelab} beside the preferences, one per window process so two
 * windows never overwrite each other's. {@link #frame()} runs once a frame on the FX thread and decides
 * whether to write; the writing itself (an ordinary experiment file, atomic) runs on a low-priority
 * daemon thread. A clean quit {@link #discard()}s it; the next start offers what a crash left
 * ({@link #find}, {@link RecoveryOffer}). See docs/decisions/0008-recovery-copy.md.
 */
public final class RecoveryCopy {
    /**
     * Seconds between two copies at most: what a crash can lose. A copy of the default run is a few MB
     * written in well under a second on a background thread, so 5 s costs the training nothing visible.
     */
    public static final long EVERY_NANOS = 5_000_000_000L;
    static final String PREFIX = "recovery-", DISCARDED = ".discarded";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)" + Pattern.quote(ExperimentFile.EXTENSION));

    private final LabSession session;
    private final ExperimentKeeper keeper;
    private final Path file;
    private final BackgroundExecutor writer;
    private final long everyNanos;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicLong writes = new AtomicLong(), writeCpuNanos = new AtomicLong();   // for the window bench
    private final Object disk = new Object();   // a write and discard() never overlap: a late write cannot bring the file back
    private boolean discarded;                  // guarded by disk
    private long askedAt = -1;                  // when the going runs were asked for checkpoints, or −1
    private long lastCopy = Long.MIN_VALUE / 2;
    private List<Object> copied = List.of();    // the runs as the last copy holds them
    private boolean onDisk;                     // whether this window's copy exists
    private String told = "";

    /** This process's copy in the folder, written on a low-priority daemon thread. */
    public RecoveryCopy(LabSession session, Path folder) {
        this(session, folder.resolve(PREFIX + ProcessHandle.current().pid() + ExperimentFile.EXTENSION), lowPriority(), EVERY_NANOS);
    }

    /** For tests: another file, executor or interval. */
    RecoveryCopy(LabSession session, Path file, BackgroundExecutor writer, long everyNanos) {
        this.session = session;
        this.keeper = new ExperimentKeeper(session);
        this.file = file;
        this.writer = writer;
        this.everyNanos = everyNanos;
    }

    /** The folder of the preferences file: where the copies are kept. */
    public static Path folderOf(Path preferencesFile) {
        Path parent = preferencesFile.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** This window's copy (it may not exist). */
    public Path file() { return file; }

    /**
     * Once a frame, on the FX thread; cheap unless a copy is due. Every interval it asks the going runs
     * for checkpoints (they answer between two mini-batches, and the answers come in with the next
     * frame's drain), and one frame later writes the copy, if the runs changed since the last one and the
     * last write is done. A problem is returned once, as a line for the window's notice, else "".
     */
    public String frame() {
        String problem = failure.get();
        String say = problem != null && !problem.equals(told) ? problem : "";
        if (problem != null) told = problem;
        if (writing.get()) return say;
        long now = System.nanoTime();
        if (askedAt < 0) {
            if (now - lastCopy < everyNanos) return say;
            for (Run r : session.history().runs()) r.record().requestCheckpoint();
            askedAt = now;
            return say;
        }
        lastCopy = askedAt;
        askedAt = -1;
        List<Object> f = fingerprint();
        if (!f.equals(copied)) copyNow(f);
        return say;
    }

    /** The keeper's fingerprint and the live checkpoints: a paused run's answer changes no batch count. */
    private List<Object> fingerprint() {
        List<Object> f = new ArrayList<>(keeper.fingerprint());
        for (Run r : session.history().runs()) {
            Checkpoint c = r.record().liveCheckpoint();
            f.add(c == null ? -1L : c.steps());
        }
        return f;
    }

    private void copyNow(List<Object> f) {
        Experiment e = experiment();
        if (e == null && !onDisk) {
            copied = f;
            return;
        }
        writing.set(true);
        copied = f;
        onDisk = e != null;
        writer.execute("recovery copy", () -> {
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long cpu0 = cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : 0;
            try {
                synchronized (disk) {
                    if (discarded) return;
                    if (e == null) Files.deleteIfExists(file);
                    else {
                        Files.createDirectories(file.toAbsolutePath().getParent());
                        ExperimentFile.writeQuick(file, e);
                    }
                }
                failure.set(null);
            } catch (IOException | RuntimeException ex) {
                failure.set("Could not keep a recovery copy in " + file + ": "
                        + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            } finally {
                writes.incrementAndGet();
                if (cpu.isCurrentThreadCpuTimeSupported()) writeCpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpu0);
                writing.set(false);
            }
        });
    }

    /**
     * Every run on the charts that can be kept, or null when none can: ended runs as Save keeps them,
     * going ones up to their live checkpoint; failed runs and runs without a checkpoint yet are left out.
     * A file holds runs of one dataset: those of the newest run's (switching data removes the runs, so
     * others are rare: runs opened from a file of another dataset).
     */
    Experiment experiment() {
        List<SavedRun> runs = new ArrayList<>();
        List<String> datasets = new ArrayList<>();
        for (Run r : session.history().runs()) {
            SavedRun s = RunRecord.toSavedSoFar(r);
            if (s == null) continue;
            runs.add(s);
            datasets.add(r.record().dataset() == null ? "" : r.record().dataset());
        }
        if (runs.isEmpty()) return null;
        String dataset = datasets.get(datasets.size() - 1);
        List<SavedRun> same = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) if (datasets.get(i).equals(dataset)) same.add(runs.get(i));
        return new Experiment(dataset, same);
    }

    /** Copies written (or deleted) so far, and the CPU time their thread spent on them: what the window bench reports. */
    public long writes() { return writes.get(); }

    public long writeCpuNanos() { return writeCpuNanos.get(); }

    /** Whether a write is in progress (tests wait for it to end). */
    boolean writing() { return writing.get(); }

    /**
     * A clean quit: deletes this window's copy, waiting for a write in progress (it takes well under a
     * second), and writes none after. Safe on any thread; a copy that cannot be deleted stays and is offered.
     */
    public void discard() {
        synchronized (disk) {
            discarded = true;
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // left behind: the next start finds it and asks, which loses nothing
            }
        }
    }

    /**
     * The recovery copies in the folder left by processes that are gone, newest first. A copy whose pid
     * still runs belongs to an open window (or a process that reused the pid: then it waits for a later start).
     */
    public static List<Path> find(Path folder) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) return found;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, PREFIX + "*" + ExperimentFile.EXTENSION)) {
            for (Path p : dir) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p)) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException tooLong) {
                    pid = -1;   // no process has such a pid: it is gone
                }
                if (pid >= 0 && ProcessHandle.of(pid).isPresent()) continue;
                found.add(p);
            }
        } catch (IOException | UncheckedIOException e) {
            return found;   // an unreadable folder offers nothing; the window works without
        }
        found.sort(Comparator.comparing(RecoveryCopy::modified).reversed());
        return found;
    }

    static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Puts a copy aside as {@code <name>.discarded}, deleting older discarded copies first: one is kept,
     * so what the user declined (or a damaged copy) is not lost without a trace. Returns where it went.
     */
    static Path putAside(Path copy) throws IOException {
        Path aside = copy.resolveSibling(copy.getFileName() + DISCARDED);
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(copy.toAbsolutePath().getParent(),
                PREFIX + "*" + ExperimentFile.EXTENSION + DISCARDED)) {
            for (Path old : dir) Files.deleteIfExists(old);
        }
        Files.move(copy, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }

    /** A daemon thread per copy at the lowest priority: the training's threads come first. */
    private static BackgroundExecutor lowPriority() {
        return (name, task) -> {
            Thread t = new Thread(task, "aelab " + name);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        };
    }
}
