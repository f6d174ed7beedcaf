package aelab.cli;

import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.Trainer;
import aelab.engine.TrainingListener;
import aelab.io.SavedRun;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a run reports that an experiment file saves: every batch point, every epoch, the BCE floor. */
class RunRecorder implements TrainingListener {
    private final List<BatchPoint> batches = new ArrayList<>();
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private double bceFloor;

    @Override public void started(RunInfo info) { bceFloor = info.bceFloor(); }

    @Override public void batch(BatchPoint point) { batches.add(point); }

    @Override public void epoch(EpochMetrics metrics) { epochs.add(metrics); }

    /** The run as the trainer left it; call after run() returned. */
    SavedRun saved(Trainer trainer) {
        return SavedRun.upToCheckpoint(trainer.config(), trainer.checkpoint(), bceFloor, batches, epochs,
                trainer.config().label());
    }
}
