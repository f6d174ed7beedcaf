package aelab.app.session;

import aelab.engine.Settings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.session.LabSession.State;
import aelab.app.model.Curve;
import aelab.app.model.ResultsTable;
import aelab.app.model.Run;
import aelab.app.model.SettingsForm.Field;
import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.engine.Activation;
import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.Trainer;
import aelab.engine.TrainingConfig;
import aelab.engine.TrainingListener;
import aelab.io.Experiment;
import aelab.io.ExperimentFile;
import aelab.io.ExperimentFileException;
import aelab.io.SavedRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save, open and go on, without the window: this test thread plays the FX thread and drains. */
class ExperimentKeeperTest {
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

    /** A session on 300 training and 100 test images, loaded. */
    private LabSession session(BackgroundExecutor executor) {
        LabSession s = Sessions.loaded(executor, mnist);
        sessions.add(s);
        return s;
    }

    private static void drainUntil(LabSession s, BooleanSupplier condition, String what) {
        Sessions.drainUntil(s, () -> { }, condition, what);
    }

    private static ExperimentKeeper.Result save(LabSession s, Path file) {
        AtomicReference<ExperimentKeeper.Result> result = new AtomicReference<>();
        new ExperimentKeeper(s).save(file, Instant.parse("2025-01-02T03:04:05Z"), result::set);
        drainUntil(s, () -> result.get() != null, "saved");
        return result.get();
    }

    private static void assertSameCurves(Run want, Run got) {
        for (Function<Run, Curve> c : List.<Function<Run, Curve>>of(Run::trainBce, Run::trainMse, Run::testBce, Run::testMse)) {
            Curve a = c.apply(want), b = c.apply(got);
            assertEquals(a.size(), b.size(), "points");
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.x(i), b.x(i), 0.0, "x of point " + i);
                assertEquals(a.y(i), b.y(i), 0.0, "y of point " + i);
            }
        }
    }

    @Test
    void saveThenOpenBringsBackEveryRunsCurvesSettingsWeightsAndReconstructions() throws Exception {
        LabSession a = session(BackgroundExecutor.direct());
        a.form().text(Field.EPOCHS).set("2");
        a.start();
        a.drain();
        a.form().outputProperty().set(Activation.SOFTMAX);
        a.form().text(Field.LEARNING_RATE).set("0.003");
        a.start();
        a.drain();
        Path file = dir.resolve("two runs.aelab");
        ExperimentKeeper.Result r = save(a, file);
        assertTrue(r.ok(), r.message());
        assertEquals("Saved two runs.aelab: 2 runs.", r.message());

        LabSession b = session(BackgroundExecutor.direct());
        b.start();   // a run the file replaces, with its row in Results
        b.drain();
        ExperimentKeeper kb = new ExperimentKeeper(b);
        assertEquals("", kb.show(kb.read(file)));
        b.drain();
        assertEquals(2, b.history().runs().size());
        assertEquals(List.of(1, 2), b.history().runs().stream().map(Run::id).toList(), "numbered from #1 in this window");
        assertEquals(List.of(1, 2), b.results().rows().stream().map(ResultsTable.Row::id).toList(),
                "Results has the file's runs, not those it replaced");
        for (int i = 0; i < 2; i++) {
            Run want = a.history().runs().get(i), got = b.history().runs().get(i);
            assertEquals(want.config(), got.config());
            assertSameCurves(want, got);
            assertEquals(want.record().batches(), got.record().batches());
            assertEquals(want.record().epochs(), got.record().epochs());
            assertEquals(want.info().bceFloor(), got.info().bceFloor(), 0.0);
            assertEquals(want.info().batchesPerEpoch(), got.info().batchesPerEpoch());
            assertArrayEquals(want.record().checkpoint().model().params(), got.record().checkpoint().model().params());
            assertArrayEquals(want.record().checkpoint().optimizer().state(), got.record().checkpoint().optimizer().state());
            assertEquals(RunOutcome.Status.FINISHED, got.outcome().status());
            assertNotNull(got.preview(), "reconstructions recomputed from the saved weights");
            assertArrayEquals(want.preview().pixels(), got.preview().pixels(), "the same weights draw the same digits");
        }
        assertEquals(a.form().config(), b.form().config(), "the newest run's settings are in the form");
        assertEquals(State.IDLE, b.state());
    }

    /** Trains with the session's settings on this thread and stops right after the given step. */
    private static SavedRun stoppedAfter(TrainingConfig config, long step) {
        List<BatchPoint> batches = new ArrayList<>();
        List<EpochMetrics> epochs = new ArrayList<>();
        double[] floor = new double[1];
        Trainer[] trainer = new Trainer[1];
        // the window trains on LabSession.TRAINING_THREADS: the same count gives the same numbers
        trainer[0] = new Trainer(config.withThreads(LabSession.TRAINING_THREADS), mnist, new TrainingListener() {
            @Override public void started(RunInfo info) { floor[0] = info.bceFloor(); }

            @Override public void batch(BatchPoint p) {
                batches.add(p);
                if (p.step() == step) trainer[0].stop();
            }

            @Override public void epoch(EpochMetrics m) { epochs.add(m); }
        });
        assertEquals(RunOutcome.Status.STOPPED, trainer[0].run().status());
        return SavedRun.upToCheckpoint(config, trainer[0].checkpoint(), floor[0], batches, epochs, config.label());
    }

    @Test
    void continuingAReopenedRunDrawsTheCurveOfARunThatNeverStopped() throws Exception {
        LabSession whole = session(BackgroundExecutor.direct());
        whole.form().text(Field.EPOCHS).set("3");
        whole.form().text(Field.BATCH_SIZE).set("20");   // 15 batches an epoch
        whole.start();
        whole.drain();
        Run never = whole.history().latest();
        assertEquals(RunOutcome.Status.FINISHED, never.outcome().status());

        Path file = dir.resolve("stopped.aelab");
        SavedRun stopped = stoppedAfter(whole.form().config(), 20);   // epoch 2, batch 5
        ExperimentFile.write(file, new Experiment(mnist.name(), List.of(stopped)));

        LabSession b = session(BackgroundExecutor.direct());
        ExperimentKeeper kb = new ExperimentKeeper(b);
        kb.show(kb.read(file));
        b.drain();
        assertEquals("", kb.continueProblem());
        assertTrue(kb.continueLatest());   // trains to the end on this thread
        b.drain();
        Run resumed = b.history().latest();
        assertEquals(RunOutcome.Status.FINISHED, resumed.outcome().status());
        assertEquals(State.IDLE, b.state());
        assertSameCurves(never, resumed);
        assertEquals(withoutTime(never.record().batches()), withoutTime(resumed.record().batches()));
        assertEquals(never.record().epochs().stream().map(m -> m.testBce()).toList(),
                resumed.record().epochs().stream().map(m -> m.testBce()).toList());
        assertArrayEquals(never.record().checkpoint().model().params(), resumed.record().checkpoint().model().params());
    }

    private static List<String> withoutTime(List<BatchPoint> points) {
        return points.stream().map(p -> p.epoch() + "/" + p.batch() + "/" + p.step() + " " + p.loss() + " " + p.bce()
                + " " + p.mse()).toList();
    }

    @Test
    void savingDuringARunStopsItFirstAndKeepsItWhereItStopped() throws Exception {
        LabSession s = session(BackgroundExecutor.daemonThreads());
        s.form().text(Field.EPOCHS).set("5000");   // far more than the test lasts
        s.start();
        Run run = s.history().latest();
        drainUntil(s, () -> run.lastBatch() != null, "first batch");
        AtomicReference<ExperimentKeeper.Result> result = new AtomicReference<>();
        new ExperimentKeeper(s).save(dir.resolve("mid.aelab"), Instant.now(), result::set);
        assertEquals(State.IDLE, s.state(), "the run is asked to stop at once");
        drainUntil(s, () -> result.get() != null, "saved once the run has ended");
        assertTrue(result.get().ok(), result.get().message());
        assertTrue(result.get().message().contains("Run #" + run.id() + " was stopped to save it"), result.get().message());
        SavedRun saved = ExperimentFile.read(dir.resolve("mid.aelab")).runs().get(0);
        assertFalse(saved.finished());
        assertEquals(run.lastBatch().step(), saved.checkpoint().steps(), "saved after its last mini-batch");
    }

    @Test
    void aDamagedForeignOrNewerFileIsRefusedWithOneLineAndTheSessionIsUntouched() throws Exception {
        LabSession s = session(BackgroundExecutor.direct());
        s.form().text(Field.EPOCHS).set("1");
        s.start();
        s.drain();
        Path good = dir.resolve("good.aelab");
        assertTrue(save(s, good).ok());
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.aelab"), Arrays.copyOf(bytes, bytes.length / 2));
        Path foreign = Files.writeString(dir.resolve("notes.aelab"), "these are my notes, not an experiment\n");
        Path newer = dir.resolve("newer.aelab");
        Zipped.rewriteMetadata(good, newer, json -> json.replace("\"version\": 2", "\"version\": 3")
                .replace("\"version\":1", "\"version\":2"));
        s.form().outputProperty().set(Activation.LINEAR);   // settings that differ from the saved run's

        List<Run> runs = List.copyOf(s.history().runs());
        TrainingConfig settings = s.form().config();
        Dataset data = s.dataset();
        ExperimentKeeper k = new ExperimentKeeper(s);
        for (Path bad : List.of(truncated, foreign, newer, dir.resolve("missing.aelab"))) {
            ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> k.read(bad));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
            s.drain();
            assertEquals(runs, s.history().runs());
            assertEquals(settings, s.form().config());
            assertSame(data, s.dataset());
            assertEquals(State.IDLE, s.state());
        }
        assertTrue(assertThrows(ExperimentFileException.class, () -> k.read(newer)).getMessage().contains("version 2"));
    }

    @Test
    void runsOfAnotherDatasetOpenWithTheirCurvesButNeitherReconstructNorGoOn() throws Exception {
        SavedRun stopped = stoppedAfter(TrainingConfig.defaults().with(Settings.TRAIN_LIMIT, 300).with(Settings.TEST_LIMIT, 100), 2);
        Path file = dir.resolve("fashion.aelab");
        ExperimentFile.write(file, new Experiment("fashion-mnist", List.of(stopped)));
        LabSession s = session(BackgroundExecutor.direct());
        ExperimentKeeper k = new ExperimentKeeper(s);
        String note = k.show(k.read(file));
        s.drain();
        assertEquals("They were trained on fashion-mnist, not MNIST (bundled): open that dataset, then this file, to see their "
                + "reconstructions and go on training.", note);
        Run run = s.history().latest();
        assertEquals(2, run.trainBce().size());
        assertNull(run.preview());
        assertTrue(k.continueProblem().contains("was trained on fashion-mnist"), k.continueProblem());
        assertFalse(k.continueLatest());
        assertNull(s.current());
    }

    @Test
    void aFinishedRunOrNoRunHasNothingToGoOnWith() {
        LabSession s = session(BackgroundExecutor.direct());
        ExperimentKeeper k = new ExperimentKeeper(s);
        assertEquals("There is no run to go on with: press Start.", k.continueProblem());
        assertEquals("Nothing to save yet: press Start to train a run first.", k.saveProblem());
        s.form().text(Field.EPOCHS).set("1");
        s.start();
        s.drain();
        assertEquals("Run #1 has trained its one epoch; Run › Train more epochs (" + aelab.app.model.Shortcut.TRAIN_MORE.keys()
                + ") takes it further.", k.continueProblem());
        assertFalse(k.continueLatest());
    }
}
