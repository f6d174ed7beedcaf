package aelab.cli;

import aelab.data.DigitGrid;
import aelab.data.ImageSet;
import aelab.engine.BatchPoint;
import aelab.engine.EpochInsights;
import aelab.engine.Preview;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.Trainer;
import aelab.engine.TrainingListener;
import aelab.engine.timeline.TimelineRecorder;
import aelab.io.SavedRun;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what a run reports that an experiment file saves: every batch point, every epoch, the BCE floor,
 * and its timeline (the snapshots of the test digits the window shows, and the codes after each epoch).
 */
class RunRecorder implements TrainingListener {
    /** Test images whose codes the timeline keeps after each epoch, as the window does. */
    static final int CODES = 2000;
    private final List<BatchPoint> batches = new ArrayList<>();
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final TimelineRecorder timeline;
    private final DigitGrid grid;
    private double bceFloor;

    RunRecorder(ImageSet test) {
        grid = DigitGrid.shown(test);
        timeline = new TimelineRecorder(test, grid.indices(), grid.columns());
    }

    /** Goes on from a saved run: its history and timeline come first. */
    RunRecorder(ImageSet test, SavedRun from) {
        grid = DigitGrid.shown(test);
        timeline = from.timeline().isEmpty() ? new TimelineRecorder(test, grid.indices(), grid.columns())
                : new TimelineRecorder(from.timeline());
        batches.addAll(from.batches());
        epochs.addAll(from.epochs());
        bceFloor = from.bceFloor();
    }

    /** Asks the trainer for what the timeline keeps: snapshots of the shown digits, the codes each epoch. */
    void follow(Trainer trainer) {
        trainer.setPreview(timeline.timeline().indices().length > 0 ? timeline.timeline().indices() : grid.indices(),
                Long.MAX_VALUE / 1_000_000L);   // the snapshots only: no timed previews
        trainer.setInsights(CODES, 0);
    }

    @Override public void snapshot(Preview p, boolean epochEnd) { timeline.add(p, epochEnd); }

    @Override public void insights(EpochInsights i) { timeline.add(i); }

    @Override public void started(RunInfo info) { bceFloor = info.bceFloor(); }

    @Override public void batch(BatchPoint point) { batches.add(point); }

    @Override public void epoch(EpochMetrics metrics) { epochs.add(metrics); }

    /** The run as the trainer left it; call after run() returned. */
    SavedRun saved(Trainer trainer) {
        return SavedRun.upToCheckpoint(trainer.config(), trainer.checkpoint(), bceFloor, batches, epochs,
                trainer.config().label(), timeline.timeline());
    }
}
