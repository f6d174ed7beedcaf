package aelab.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.model.AppPreferences;
import aelab.app.model.Contrast;
import aelab.app.model.SettingsForm.Field;
import aelab.app.session.BackgroundExecutor;
import aelab.app.session.ExperimentKeeper;
import aelab.app.session.LabSession;
import aelab.app.session.LabSession.State;
import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.engine.Preview;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offer at start, as the window makes it ({@link RecoveryOffer#offer}), on a session still loading
 * its data: a copy left by a process that is gone sits in the preferences' folder.
 */
class RecoveryOfferTest {
    private static final long DEAD_PID = 99_999_999_999L;   // beyond any pid a system hands out
    private static Dataset mnist;
    private static byte[] oneRun;   // an experiment file of one ended run
    private final List<LabSession> sessions = new ArrayList<>();
    @TempDir Path dir;
    private Path copy;

    /** Answers every question alike and keeps what it was asked. */
    static final class Answering implements Dialogs {
        final boolean yes;
        final List<String> asked = new ArrayList<>(), errors = new ArrayList<>();

        Answering(boolean yes) { this.yes = yes; }

        @Override public Path openFile(String title, Kind kind, Path folder) { return null; }

        @Override public Path saveFile(String title, Kind kind, Path folder, String name) { return null; }

        @Override public Path folder(String title, Path folder) { return null; }

        @Override public boolean confirm(String title, String message, String yesAction) {
            asked.add(message + " [" + yesAction + "]");
            return yes;
        }

        @Override public SaveFirst askToSave(String title, String message) {
            asked.add(message);
            return yes ? SaveFirst.SAVE : SaveFirst.DISCARD;
        }

        @Override public void error(String title, String message) { errors.add(message); }
    }

    /** No window: nothing here exports pictures. */
    private static final TrainingPictures NO_PICTURES = new TrainingPictures() {
        @Override public void refreshTraining() { }

        @Override public List<JFreeChart> lossCharts() { return List.of(); }

        @Override public Preview shownPreview() { return null; }

        @Override public Contrast contrast() { return null; }
    };

    @BeforeAll
    static void makeACopy(@TempDir Path tmp) throws Exception {
        mnist = Dataset.loadBundledMnist();
        LabSession s = new LabSession(BackgroundExecutor.direct(), () -> mnist, 300, 100);
        s.loadData();
        s.drain();
        s.form().text(Field.EPOCHS).set("1");
        s.start();   // trains to the end on this thread
        s.drain();
        AtomicReference<ExperimentKeeper.Result> r = new AtomicReference<>();
        new ExperimentKeeper(s).save(tmp.resolve("one.aelab"), Instant.now(), r::set);
        assertTrue(r.get().ok(), r.get().message());
        oneRun = Files.readAllBytes(tmp.resolve("one.aelab"));
    }

    @BeforeEach
    void leaveACopy() throws Exception {
        copy = Files.write(dir.resolve("recovery-" + DEAD_PID + ".aelab"), oneRun);
    }

    @AfterEach
    void stopRuns() {
        sessions.forEach(LabSession::stop);
    }

    /** The window at start: its session loading (drained later by the test), its File actions. */
    private FileActions starting(Answering dialogs) {
        LabSession s = new LabSession(BackgroundExecutor.daemonThreads(), () -> mnist, 300, 100);
        sessions.add(s);
        s.loadData();
        AppPreferences prefs = AppPreferences.load(dir.resolve("preferences.properties"));
        return new FileActions(s, NO_PICTURES, prefs, dialogs);
    }

    private static void drainUntil(LabSession s, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            s.drain();
            if (condition.getAsBoolean()) return;
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void recoverShowsTheRunsUnsavedOnceTheDataIsLoadedThenDeletesTheCopy() throws Exception {
        Answering yes = new Answering(true);
        FileActions actions = starting(yes);
        LabSession s = actions.session();
        assertEquals(copy, RecoveryOffer.offer(RecoveryCopy.folderOf(dir.resolve("preferences.properties")), actions, yes));
        assertEquals(1, yes.asked.size());
        assertTrue(yes.asked.get(0).matches("Autoencoder Lab did not close properly last time\\. Recover its 1 run "
                + "\\(kept at \\d\\d:\\d\\d\\)\\? Cancel keeps the copy aside as a \\.discarded file\\. \\[Recover]"), yes.asked.get(0));
        if (s.state() == State.LOADING) assertTrue(Files.exists(copy), "kept until the runs are shown");
        drainUntil(s, () -> s.history().runs().size() == 1, "the run recovered");
        assertFalse(Files.exists(copy), "deleted once shown");
        assertEquals("Recovered 1 run from the last session; save them to keep them.", actions.noticeProperty().get());
        assertNull(actions.file(), "unsaved: Save asks where");
        assertTrue(s.history().runs().get(0).record().checkpoint().steps() > 0);
        drainUntil(s, () -> s.history().runs().get(0).preview() != null, "its reconstructions, from the loaded digits");
        assertEquals(List.of(), yes.errors);
    }

    @Test
    void declinedTheCopyIsKeptAsDiscardedAndOnlyOneSuch() throws Exception {
        Path older = Files.writeString(dir.resolve("recovery-12.aelab.discarded"), "declined before");
        Answering no = new Answering(false);
        FileActions actions = starting(no);
        RecoveryOffer.offer(dir, actions, no);
        Path aside = dir.resolve("recovery-" + DEAD_PID + ".aelab.discarded");
        assertTrue(Files.exists(aside));
        assertFalse(Files.exists(copy));
        assertFalse(Files.exists(older), "one discarded copy is kept");
        assertTrue(actions.noticeProperty().get().contains(aside.toString()), actions.noticeProperty().get());
        drainUntil(actions.session(), () -> actions.session().state() == State.IDLE, "loaded");
        assertEquals(0, actions.session().history().runs().size());
        assertEquals(1, no.asked.size(), "asked nothing more");
        assertEquals(List.of(), RecoveryCopy.find(dir), "not offered again");
    }

    @Test
    void aDamagedCopyGivesOneLineAndIsPutAside() throws Exception {
        byte[] cut = java.util.Arrays.copyOf(oneRun, oneRun.length / 2);
        Files.write(copy, cut);
        Answering yes = new Answering(true);
        FileActions actions = starting(yes);
        RecoveryOffer.offer(dir, actions, yes);
        String notice = actions.noticeProperty().get();
        assertTrue(notice.startsWith("The recovery copy of the last session could not be read ("), notice);
        assertFalse(notice.contains("\n") || notice.contains("Exception") || notice.contains("\tat "), notice);
        assertEquals(List.of(), yes.asked, "nothing to ask about");
        assertEquals(List.of(), yes.errors);
        assertTrue(Files.exists(dir.resolve("recovery-" + DEAD_PID + ".aelab.discarded")));
        assertFalse(Files.exists(copy));
    }

    @Test
    void nothingLeftNothingAsked() throws Exception {
        Files.delete(copy);
        Files.writeString(dir.resolve("recovery-" + ProcessHandle.current().pid() + ".aelab"), "an open window's");
        Answering yes = new Answering(true);
        assertNull(RecoveryOffer.offer(dir, starting(yes), yes));
        assertEquals(List.of(), yes.asked);
    }
}
