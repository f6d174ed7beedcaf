package aelab.app.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.SettingsForm.Field;
import aelab.app.session.BackgroundExecutor;
import aelab.app.session.ExperimentKeeper;
import aelab.app.session.LabSession;
import aelab.app.session.Sessions;
import aelab.app.session.LabSession.State;
import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.ExperimentFileException;
import aelab.io.SavedRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery copy without the window: this test thread plays the FX thread, draining the session and
 * calling {@link RecoveryCopy#frame()} as the frame pump would. Waits poll with generous limits.
 */
class RecoveryCopyTest {
    private static Dataset mnist;
    private final List<LabSession> sessions = new ArrayList<>();
    @TempDir Path dir;

    @BeforeAll
    static void load() throws DatasetException {
        mnist = Dataset.loadBundledMnist();
    }

    @AfterEach
    void stopRuns() {
        sessions.forEach(LabSession::stop);
    }

    private LabSession session(BackgroundExecutor executor) {
        LabSession s = Sessions.loaded(executor, mnist);
        sessions.add(s);
        return s;
    }

    /** Drains and runs the copy's frame until the condition holds, as the window's frames would. */
    private static void pumpUntil(LabSession s, RecoveryCopy copy, BooleanSupplier condition, String what) {
        Sessions.drainUntil(s, copy == null ? () -> { } : () -> copy.frame(), condition, what);
    }

    private static Experiment readOrNull(Path f) {
        try {
            return Files.exists(f) ? ExperimentFile.read(f) : null;
        } catch (ExperimentFileException e) {
            throw new AssertionError("the copy must always be readable: " + e.getMessage());
        }
    }

    @Test
    void aRunningRunIsCopiedWithItsStepsSoFarWhileItStillTrains() {
        LabSession s = session(BackgroundExecutor.daemonThreads());
        s.form().text(Field.EPOCHS).set("1000");   // far longer than the test
        RecoveryCopy copy = new RecoveryCopy(s, dir);   // the window's: every 5 s, a daemon thread writes
        assertEquals("recovery-" + ProcessHandle.current().pid() + ".aelab", copy.file().getFileName().toString());
        s.start();
        AtomicReference<Experiment> got = new AtomicReference<>();
        pumpUntil(s, copy, () -> {
            Experiment e = readOrNull(copy.file());
            got.set(e);
            return e != null && e.runs().get(0).checkpoint().steps() > 0;
        }, "a recovery copy with steps");
        assertEquals(State.RUNNING, s.state(), "copied while it still trains");
        assertFalse(s.current().isFinished());
        SavedRun r = got.get().runs().get(0);
        assertEquals(1, got.get().runs().size());
        assertTrue(r.checkpoint().steps() <= s.current().lastBatch().step());
        assertEquals(r.checkpoint().steps(), r.batches().get(r.batches().size() - 1).step(), "its history is cut at the checkpoint");
        assertFalse(r.finished());
        assertEquals(mnist.name(), got.get().datasetName());
    }

    @Test
    void anEndedRunIsCopiedAsSaveWouldWriteItAndRemovingTheRunsDeletesTheCopy() throws Exception {
        LabSession s = session(BackgroundExecutor.daemonThreads());
        s.form().text(Field.EPOCHS).set("2");
        RecoveryCopy copy = new RecoveryCopy(s, dir.resolve("copy.aelab"), BackgroundExecutor.daemonThreads(), 100_000_000L);
        s.start();
        pumpUntil(s, copy, () -> s.state() == State.IDLE, "the run ended");
        // the copy after the end: the fingerprint changed once more, then stays
        pumpUntil(s, copy, () -> {
            Experiment e = readOrNull(copy.file());
            return e != null && e.runs().get(0).finished() && !copy.writing();
        }, "the ended run copied");

        Path saved = dir.resolve("saved.aelab");
        AtomicReference<ExperimentKeeper.Result> result = new AtomicReference<>();
        new ExperimentKeeper(s).save(saved, Instant.now(), result::set);
        pumpUntil(s, copy, () -> result.get() != null, "saved");
        assertTrue(result.get().ok(), result.get().message());
        SavedRun want = ExperimentFile.read(saved).runs().get(0), got = ExperimentFile.read(copy.file()).runs().get(0);
        assertEquals(want.checkpoint().steps(), got.checkpoint().steps());
        assertEquals(want.checkpoint().epochsDone(), got.checkpoint().epochsDone());
        assertEquals(2, got.checkpoint().epochsDone());
        assertEquals(want.batches(), got.batches());
        assertEquals(want.epochs(), got.epochs());
        assertEquals(want.config(), got.config());
        for (int k = 0; k < want.checkpoint().model().params().length; k++)
            assertArrayEquals(want.checkpoint().model().params()[k], got.checkpoint().model().params()[k], "weights " + k);

        s.reset();
        pumpUntil(s, copy, () -> !Files.exists(copy.file()) && !copy.writing(), "the copy deleted once no run is left");
    }

    @Test
    void discardDeletesTheCopyAndNoneIsWrittenAfter() {
        LabSession s = session(BackgroundExecutor.direct());
        s.form().text(Field.EPOCHS).set("1");
        s.start();   // trains to the end at once
        RecoveryCopy copy = new RecoveryCopy(s, dir.resolve("copy.aelab"), BackgroundExecutor.direct(), 0);
        pumpUntil(s, copy, () -> Files.exists(copy.file()), "copied");
        copy.discard();
        assertFalse(Files.exists(copy.file()));
        s.form().text(Field.EPOCHS).set("1");
        s.start();   // the runs change; a copy would be due
        for (int i = 0; i < 4; i++) {
            s.drain();
            copy.frame();
        }
        assertFalse(Files.exists(copy.file()), "a clean quit leaves nothing to recover");
    }

    @Test
    void findSkipsCopiesOfLiveProcessesAndListsTheOthersNewestFirst() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        child.waitFor();
        long dead = child.pid(), mine = ProcessHandle.current().pid();
        assertFalse(ProcessHandle.of(dead).isPresent(), "the child has ended");
        Path ofDead = touch("recovery-" + dead + ".aelab", 500);
        Path huge = touch("recovery-99999999999.aelab", 1_000);   // no such process
        Path tooLong = touch("recovery-123456789012345678901234567890.aelab", 2_000);
        touch("recovery-" + mine + ".aelab", 3_000);   // an open window's: this process
        touch("recovery-" + dead + ".aelab.discarded", 4_000);
        touch("recovery-x.aelab", 4_000);
        touch("experiment.aelab", 4_000);
        assertEquals(List.of(ofDead, huge, tooLong), RecoveryCopy.find(dir));
        assertEquals(List.of(), RecoveryCopy.find(dir.resolve("missing")));
    }

    private Path touch(String name, long secondsAgo) throws Exception {
        Path p = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
        return p;
    }
}
