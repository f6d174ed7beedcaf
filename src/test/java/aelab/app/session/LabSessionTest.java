package aelab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.app.session.LabSession.State;
import aelab.app.model.Preset;
import aelab.app.model.Run;
import aelab.app.model.RunStatus;
import aelab.app.model.SettingsForm.Field;
import aelab.data.Dataset;
import aelab.data.DatasetException;
import aelab.engine.Activation;
import aelab.engine.RunOutcome;
import aelab.engine.TrainingConfig;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The window's behaviour without the window: this test thread plays the FX thread and drains. */
class LabSessionTest {
    private static Dataset mnist;
    private LabSession session;

    @BeforeAll
    static void load() throws DatasetException {
        mnist = Dataset.loadBundledMnist();
    }

    @AfterEach
    void stopRuns() {
        if (session != null) session.stop();
    }

    private LabSession ready(BackgroundExecutor executor, int epochs) {
        session = new LabSession(executor, () -> mnist, 300, 100);
        session.loadData();
        awaitDrained(() -> session.state() == State.IDLE, "data loaded");
        session.form().text(Field.EPOCHS).set(Integer.toString(epochs));
        return session;
    }

    /** Drains like the frame pump until the condition holds; fails after 60 s (a generous limit, not a speed check). */
    private void awaitDrained(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            session.drain();
            if (condition.getAsBoolean()) return;
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Drains until no run's step has moved for three drains 100 ms apart (the batches under way ended); their steps. */
    private long[] awaitHeld(List<Run> runs) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long[] last = null;
        int still = 0;
        while (still < 3) {
            if (System.nanoTime() > deadline) throw new AssertionError("the runs never held still");
            Thread.sleep(100);
            session.drain();
            long[] now = runs.stream().mapToLong(r -> r.lastBatch().step()).toArray();
            still = java.util.Arrays.equals(now, last) ? still + 1 : 0;
            last = now;
        }
        return last;
    }

    @Test
    void aLoadFailureIsShownInPlainWordsAndStartStaysOff() {
        session = new LabSession(BackgroundExecutor.direct(),
                () -> { throw new DatasetException("/assets/mnist/t10k-images-idx3-ubyte.gz", "not found on the classpath"); },
                0, 0);
        session.loadData();
        session.drain();
        assertEquals(State.NO_DATA, session.state());
        assertEquals("Cannot load the digits. /assets/mnist/t10k-images-idx3-ubyte.gz: not found on the classpath",
                session.dataMessageProperty().get());
        assertFalse(session.canStart().get());
    }

    @Test
    void startTrainsAndTheRunGainsCurvesReconstructionsAndAnEnding() {
        ready(BackgroundExecutor.direct(), 1);
        session.start();            // runs to the end on this thread
        session.drain();
        Run run = session.history().latest();
        assertNotNull(run);
        assertEquals(RunOutcome.Status.FINISHED, run.outcome().status());
        assertEquals(3, run.trainBce().size(), "300 images in batches of 100");
        assertEquals(1, run.testBce().size());
        assertNotNull(run.preview());
        assertEquals(20, run.preview().count());
        assertTrue(run.info().bceFloor() > 0);
        assertEquals(State.IDLE, session.state());
    }

    @Test
    void invalidSettingsKeepStartOff() {
        ready(BackgroundExecutor.direct(), 1);
        assertTrue(session.canStart().get());
        session.form().text(Field.BATCH_SIZE).set("-3");
        assertFalse(session.canStart().get());
        session.start();
        assertTrue(session.history().runs().isEmpty());
    }

    @Test
    void aChoiceMadeWhileIdleOnlyChangesTheSettings() {
        ready(BackgroundExecutor.direct(), 1);
        session.form().outputProperty().set(Activation.SOFTMAX);
        assertTrue(session.history().runs().isEmpty());
        assertEquals(Activation.SOFTMAX, session.form().config().output());
        assertTrue(session.warnings().get(0).startsWith("softmax makes the 784 outputs sum to 1"));
    }

    @Test
    void changingTheOutputDuringARunStartsASecondRunAndKeepsTheFirst() {
        ready(BackgroundExecutor.daemonThreads(), 50);
        session.start();
        Run first = session.history().latest();
        awaitDrained(() -> first.trainBce().size() > 0, "first points");
        session.form().outputProperty().set(Activation.SOFTMAX);
        assertEquals(2, session.history().runs().size());
        Run second = session.history().latest();
        assertEquals(Activation.SOFTMAX, second.config().output());
        assertEquals(State.RUNNING, session.state());
        awaitDrained(() -> first.isFinished() && second.trainBce().size() > 0, "first stopped, second training");
        assertEquals(RunOutcome.Status.STOPPED, first.outcome().status());
        assertTrue(first.trainBce().size() > 0, "the first run keeps its curve");
        assertSame(second, session.current());
    }

    @Test
    void aPresetDuringARunIsOneNewRunNotOnePerChangedSetting() {
        ready(BackgroundExecutor.daemonThreads(), 50);
        session.start();
        session.applyPreset(Preset.THE_QUESTION);
        assertEquals(2, session.history().runs().size());
        assertTrue(Preset.THE_QUESTION.matches(session.current().config()));
    }

    @Test
    void stopEndsTheRunWithinAFractionOfASecond() {
        ready(BackgroundExecutor.daemonThreads(), 50);
        session.start();
        Run run = session.history().latest();
        awaitDrained(() -> run.trainBce().size() > 0, "first points");
        long t0 = System.nanoTime();
        session.stop();
        assertEquals(State.IDLE, session.state());
        awaitDrained(run::isFinished, "run ended");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(RunOutcome.Status.STOPPED, run.outcome().status());
        assertTrue(seconds < 30, "stopped after " + seconds + " s");   // the status is the check; this only bounds a hang
    }

    @Test
    void pauseHoldsTheRunAndResumeGoesOn() throws InterruptedException {
        ready(BackgroundExecutor.daemonThreads(), 50);
        session.start();
        Run run = session.history().latest();
        awaitDrained(() -> run.lastBatch() != null, "first batch");
        session.togglePause();
        assertEquals(State.PAUSED, session.state());
        long held = awaitHeld(List.of(run))[0];   // the batch under way has finished
        Thread.sleep(600);          // nothing may happen while paused
        session.drain();
        assertEquals(held, run.lastBatch().step());
        session.togglePause();
        assertEquals(State.RUNNING, session.state());
        awaitDrained(() -> run.lastBatch().step() > held, "training resumed");
    }

    @Test
    void resetStopsAndRemovesEveryRunButKeepsTheSettingsAndUndoPutsTheRunsBack() {
        ready(BackgroundExecutor.daemonThreads(), 50);
        session.form().outputProperty().set(Activation.LINEAR);
        session.start();
        Run run = session.current();
        TrainingConfig settings = session.form().config();
        session.reset();
        assertEquals(State.IDLE, session.state());
        assertTrue(session.history().runs().isEmpty());
        assertTrue(session.results().rows().isEmpty());
        assertEquals(settings, session.form().config(), "Reset leaves the settings (epochs 50) as they were");
        assertEquals("Reset", session.removals().undoableProperty().get());
        assertTrue(session.removals().saidProperty().get().startsWith("Reset removed 1 run"), session.removals().saidProperty().get());
        awaitDrained(run::isFinished, "the stopped run ended");

        session.undo();
        assertEquals(List.of(run), session.history().runs());
        assertEquals(List.of(run), session.history().newest(), "drawn strong again");
        assertEquals(run.id(), session.results().rows().get(0).id());
        assertEquals("", session.removals().undoableProperty().get(), "nothing more to undo");
        session.undo();   // nothing to undo: nothing happens
        assertEquals(List.of(run), session.history().runs());
    }

    @Test
    void stepFromTheSettingsStartsAPausedRunOfOneBatchThenStepEpochEndsTheEpoch() {
        ready(BackgroundExecutor.daemonThreads(), 2);   // 300 images in batches of 100: 3 a epoch
        session.step();
        Run run = session.current();
        assertEquals(State.PAUSED, session.state());
        awaitDrained(() -> run.lastBatch() != null, "the first batch");
        assertEquals(1, run.lastBatch().step());
        session.step();
        awaitDrained(() -> run.lastBatch().step() == 2, "the second batch");
        session.stepEpoch();
        awaitDrained(() -> run.lastEpoch() != null, "the end of epoch 1");
        assertEquals(3, run.lastBatch().step());
        assertEquals(State.PAUSED, session.state(), "it waits again");
        assertTrue(RunStatus.of(run).pace().startsWith("Paused"), RunStatus.of(run).pace());
        session.togglePause();
        awaitDrained(run::isFinished, "the run finished");
        assertEquals(RunOutcome.Status.FINISHED, run.outcome().status());
        assertEquals(6, run.lastBatch().step());
        assertEquals(List.of(run), session.history().runs(), "one run, stepped and then resumed");
    }

    @Test
    void atTheWatchingPaceARunTakesAtMostThirtyBatchesASecondUntilSwitchedBack() {
        ready(BackgroundExecutor.daemonThreads(), 5000);
        session.setWatchingPace(true);
        long start = System.nanoTime();
        session.start();
        Run run = session.current();
        awaitDrained(() -> run.lastBatch() != null && run.lastBatch().step() >= 15, "fifteen batches");
        double seconds = (System.nanoTime() - start) / 1e9;
        long steps = run.lastBatch().step();
        assertTrue(steps <= LabSession.WATCHING_PACE * seconds + 2, steps + " batches in " + seconds + " s");
        session.setWatchingPace(false);   // the run going speeds up: thousands of batches soon
        awaitDrained(() -> run.lastBatch().step() > 2500, "full speed again (2,500 batches at 30 a second would take 80 s)");
        session.stop();
    }

    @Test
    void stepDuringARunPausesItAndResumeGoesOn() {
        ready(BackgroundExecutor.daemonThreads(), 5000);
        session.start();
        Run run = session.current();
        awaitDrained(() -> run.lastBatch() != null, "training");
        session.step();
        assertEquals(State.PAUSED, session.state());
        long held = run.lastBatch().step();
        session.togglePause();   // Resume: it trains on
        awaitDrained(() -> run.lastBatch().step() > held + 1, "training again after Resume");
        session.stop();
    }

    /** With a direct executor, Start trains to the end on this thread; the drain then ends it. */
    private void startAndEnd() {
        session.start();
        awaitDrained(() -> session.state() == State.IDLE, "the run ended");
    }

    @Test
    void clearOldRunsIsUndoneAndARunStartedMeanwhileKeepsItsPlaceAndColour() {
        ready(BackgroundExecutor.direct(), 1);
        startAndEnd();
        startAndEnd();
        List<Run> both = List.copyOf(session.history().runs());
        session.clearOldRuns();
        assertEquals(List.of(both.get(1)), session.history().runs());
        startAndEnd();   // takes the colour the old run had
        Run third = session.history().latest();
        assertEquals(both.get(0).colour(), third.colour());
        session.undo();
        assertEquals(List.of(both.get(0), both.get(1), third), session.history().runs());
        assertEquals(List.of(third), session.history().newest());
        assertEquals(3, session.history().runs().stream().mapToInt(Run::colour).distinct().count(), "colours stay distinct");
    }

    @Test
    void sideBySideRunsStartFromTheSameWeightsOnTheSameBatchesAndAllStayStrong() {
        ready(BackgroundExecutor.direct(), 1);
        assertTrue(session.canStartSideBySide().get());
        session.startSideBySide();   // the three presets, trained to the end on this thread
        session.drain();
        List<Run> runs = session.history().runs();
        assertEquals(3, runs.size());
        for (Run r : runs) {
            assertEquals(RunOutcome.Status.FINISHED, r.outcome().status(), "#" + r.id());
            assertFalse(session.history().isFaded(r), "#" + r.id() + " is drawn strong");
            assertEquals(3, r.trainBce().size());
            assertNotNull(r.insights(), "#" + r.id() + " has insights");
            assertEquals(100, r.insights().codeCount(), "codes of every test image used (100 here)");
        }
        assertEquals(3, runs.stream().map(Run::colour).distinct().count());
        Run question = runs.get(0), answer = runs.get(1), mse = runs.get(2);
        // the answer and MSE differ only in the loss: same weights, same first batch, so the same BCE before any
        // step (to rounding: with a BCE loss it is computed from the logits, otherwise from the outputs)
        assertEquals(answer.trainBce().y(0), mse.trainBce().y(0), 1e-7);
        assertTrue(Math.abs(answer.trainBce().y(1) - mse.trainBce().y(1)) > 1e-5, "one step of each loss moves them apart");
        assertTrue(Math.abs(question.trainBce().y(0) - answer.trainBce().y(0)) > 1e-3, "softmax outputs differ from the start");
        assertEquals(State.IDLE, session.state());
    }

    @Test
    void pauseAndStopActOnEveryRunSideBySide() throws InterruptedException {
        ready(BackgroundExecutor.daemonThreads(), 50);
        session.startSideBySide();
        List<Run> runs = session.going();
        assertEquals(3, runs.size());
        awaitDrained(() -> runs.stream().allMatch(r -> r.lastBatch() != null), "every run trains");
        session.togglePause();
        long[] held = awaitHeld(runs);
        Thread.sleep(400);          // nothing may happen while paused
        session.drain();
        for (int i = 0; i < 3; i++) assertEquals(held[i], runs.get(i).lastBatch().step(), "#" + runs.get(i).id() + " held");
        session.togglePause();
        session.stop();
        assertEquals(State.IDLE, session.state());
        awaitDrained(() -> runs.stream().allMatch(Run::isFinished), "every run ended");
        for (Run r : runs) assertEquals(RunOutcome.Status.STOPPED, r.outcome().status());
    }

    @Test
    void aChoiceDuringASideBySideComparisonWaitsForTheNextStartAndSaysWhy() {
        ready(BackgroundExecutor.daemonThreads(), 50);
        session.startSideBySide();
        List<String> notes = new java.util.ArrayList<>();
        session.choiceNoteProperty().addListener((o, was, is) -> { if (!is.isEmpty()) notes.add(is); });
        session.form().outputProperty().set(Activation.LINEAR);
        assertEquals(3, session.history().runs().size(), "no fourth run");
        assertEquals(State.RUNNING, session.state());
        assertEquals(1, notes.size(), "said once, not silently ignored");
        assertTrue(notes.get(0).startsWith("The runs side by side take their output, loss and scale from their rows"),
                notes.get(0));
        session.form().outputProperty().set(Activation.SIGMOID);
        session.form().outputProperty().set(Activation.LINEAR);
        assertEquals(3, notes.size(), "every click on a choice is answered");
    }

    @Test
    void aSharedSettingChangedDuringASideBySideComparisonStartsANewGroupWithIt() {
        ready(BackgroundExecutor.daemonThreads(), 50);
        session.startSideBySide();
        List<Run> first = List.copyOf(session.going());
        session.form().text(Field.LEARNING_RATE).set("0.002");
        session.settingsCommitted();   // Enter in the field
        List<Run> second = session.going();
        assertEquals(3, second.size(), "a new group of three");
        assertEquals(6, session.history().runs().size(), "the first group stays on the charts");
        assertEquals(second, session.history().newest());
        for (int i = 0; i < 3; i++) {
            assertEquals(0.002, second.get(i).config().learningRate(), 0);
            assertEquals(first.get(i).config().label(), second.get(i).config().label(), "each row keeps its output, loss and scale");
        }
        assertEquals("Runs #4–#6 started side by side with the new settings; #1–#3 stopped and stay on the charts, faded.",
                session.choiceNoteProperty().get());
        awaitDrained(() -> first.stream().allMatch(Run::isFinished), "the first group ended");
        for (Run r : first) assertEquals(RunOutcome.Status.STOPPED, r.outcome().status());
    }

    @Test
    void afterResetRunsAreNumberedFromOneAgainAndUndoKeepsEveryNumberUnique() {
        ready(BackgroundExecutor.direct(), 1);
        startAndEnd();
        startAndEnd();
        List<Run> old = List.copyOf(session.history().runs());
        session.reset();
        startAndEnd();
        Run fresh = session.history().latest();
        assertEquals(1, fresh.id(), "the charts are empty after Reset: the next run is #1");
        session.undo();
        assertEquals(List.of(1, 2, 3), session.history().runs().stream().map(Run::id).toList());
        assertEquals(1, fresh.id(), "the run in view keeps its number");
        assertEquals(List.of(2, 3), old.stream().map(Run::id).toList(), "the runs put back follow it, in their order");
        assertEquals(List.of(1, 2, 3), session.results().rows().stream().map(r -> r.id()).toList());
        assertEquals(List.of(fresh), session.history().newest());
    }

    @Test
    void softmaxIsComparedWithThePixelSumOfTheDigitsLoaded() {
        ready(BackgroundExecutor.direct(), 1);
        session.applyPreset(aelab.app.model.Preset.THE_QUESTION);
        double sum = mnist.test().meanPixel() * mnist.test().imageSize();
        String said = session.diagnoses().get(0).text();
        assertTrue(said.contains("while an MNIST digit's pixels sum to about " + Math.round(sum) + "."), said);
    }

    @Test
    void runsLeftInResultsKeepTheirNumbersTaken() {
        ready(BackgroundExecutor.direct(), 1);
        startAndEnd();
        startAndEnd();
        session.clearOldRuns();   // #1 leaves the charts, not Results
        startAndEnd();
        assertEquals(3, session.history().latest().id(), "#1 still has a row in Results");
    }

    @Test
    void fewerThanTwoTickedRunsKeepSideBySideOff() {
        ready(BackgroundExecutor.direct(), 1);
        session.compare().rows().get(1).onProperty().set(false);
        session.compare().rows().get(2).onProperty().set(false);
        assertFalse(session.canStartSideBySide().get());
        session.startSideBySide();
        assertTrue(session.history().runs().isEmpty());
    }

    @Test
    void theRunsStartedAskTheLoanTheWindowHandedOver() {
        ready(BackgroundExecutor.direct(), 1);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        session.setCoreLending(() -> asked.incrementAndGet() < 0);
        session.start();
        int alone = asked.get();
        assertTrue(alone > 0, "the run alone asked the loan");
        session.drain();
        session.startSideBySide();
        assertTrue(asked.get() > alone, "the runs side by side asked it too");
    }
}
