package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import aelab.engine.Autoencoder;
import aelab.engine.BatchPoint;
import aelab.engine.Checkpoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.TrainingConfig;
import aelab.io.SavedRun;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the recovery copy keeps of a run: {@link RunRecord#toSavedSoFar}. 4 batches an epoch. */
class RunRecordSoFarTest {
    private static final TrainingConfig CONFIG = new TrainingConfig(new int[] {784, 8, 784},
            aelab.engine.Activation.RELU, aelab.engine.Activation.SIGMOID, aelab.engine.Loss.BCE,
            aelab.engine.Scale.UNIT, 3, 100, 0.001, aelab.engine.OptimizerKind.ADAM, 7, 0, 0, 1);

    private static Checkpoint at(int epochsDone, int batchesDone, long steps) {
        Autoencoder m = Autoencoder.of(CONFIG);
        return new Checkpoint(m, CONFIG.optimizer().create(m.paramSizes(), CONFIG.learningRate()), epochsDone, batchesDone, 0.4, steps);
    }

    /** A run going, 7 batches in (epoch 1 done). */
    private static Run going() {
        Run run = new RunHistory().add(CONFIG);
        run.started(new RunInfo(CONFIG, 400, 100, 4, 0.07, List.of(), "naive", 1));
        for (int step = 1; step <= 7; step++)
            run.addBatch(new BatchPoint((step - 1) / 4 + 1, (step - 1) % 4 + 1, step, 0.6, 0.6, 0.2, step * 1000L));
        run.addEpoch(new EpochMetrics(1, 0.6, 0.55, 0.55, 0.1, 100, 1));
        return run;
    }

    @Test
    void aGoingRunWithoutACheckpointIsLeftOut() {
        assertNull(RunRecord.toSavedSoFar(going()));
    }

    @Test
    void aGoingRunIsKeptUpToItsLiveCheckpoint() {
        Run run = going();
        run.record().setLiveCheckpoint(at(1, 1, 5));
        SavedRun s = RunRecord.toSavedSoFar(run);
        assertEquals(5, s.checkpoint().steps());
        assertEquals(5, s.batches().size(), "points after the checkpoint describe weights it does not hold");
        assertEquals(1, s.epochs().size());
    }

    @Test
    void theNewerOfTheLiveCheckpointAndTheOneItWentOnFromIsKept() {
        Run run = going();
        run.record().setCheckpoint(at(1, 2, 6));      // continued from here
        run.record().setLiveCheckpoint(at(1, 1, 5));  // left from the stretch before
        assertEquals(6, RunRecord.toSavedSoFar(run).checkpoint().steps());
    }

    @Test
    void anEndedRunIsKeptAsSaveKeepsItAndAFailedOneNot() {
        Run run = going();
        run.finish(new RunOutcome(RunOutcome.Status.STOPPED, "stopped", 1, 7));
        run.record().setCheckpoint(at(1, 3, 7));
        run.record().setLiveCheckpoint(at(1, 1, 5));
        assertEquals(RunRecord.toSaved(run), RunRecord.toSavedSoFar(run));
        assertEquals(7, RunRecord.toSavedSoFar(run).checkpoint().steps());
        Run failed = going();
        failed.record().setLiveCheckpoint(at(1, 1, 5));
        failed.finish(new RunOutcome(RunOutcome.Status.FAILED, "training failed", 1, 7));
        assertNull(RunRecord.toSavedSoFar(failed), "its weights may be half-updated");
    }

    @Test
    void askingGoesToWhoeverTheSessionSetAndToNobodyOnceCleared() {
        Run run = going();
        AtomicInteger asked = new AtomicInteger();
        run.record().requestCheckpoint();
        run.record().setCheckpointRequest(asked::incrementAndGet);
        run.record().requestCheckpoint();
        run.record().setCheckpointRequest(null);
        run.record().requestCheckpoint();
        assertEquals(1, asked.get());
    }
}
