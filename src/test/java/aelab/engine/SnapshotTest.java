package aelab.engine;

import aelab.data.DigitGrid;
import aelab.engine.timeline.Snapshot;
import aelab.engine.timeline.Timeline;
import aelab.engine.timeline.TimelineRecorder;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snapshots a run sends for its timeline: when, what they hold, and what a timeline keeps of them. */
class SnapshotTest {
    @BeforeAll
    static void load() throws Exception { TrainerTest.load(); }

    @Test
    void theScheduleIsEveryStepToEightThenGrowsByAFifth() {
        List<Long> first = new ArrayList<>();
        for (long s = 0; first.size() < 16; s++) if (SnapshotSchedule.takes(s)) first.add(s);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 10L, 12L, 14L, 17L, 20L, 24L, 29L), first);
        assertEquals(41, SnapshotSchedule.countUpTo(3000));   // 5 epochs of 600 batches
        assertEquals(54, SnapshotSchedule.countUpTo(30_000)); // 50 epochs: only 13 more
        assertFalse(SnapshotSchedule.takes(-1));
    }

    /** Fresh weights, every scheduled step, every epoch's end; the end's test figures come from the same weights. */
    @Test
    void aRunSendsSnapshotsAtTheScheduleAndAtEveryEpochsEnd() {
        TrainingConfig c = TrainerTest.small();   // 1,000 images in batches of 50: 20 an epoch, 2 epochs
        List<long[]> sent = new ArrayList<>();
        List<Preview> previews = new ArrayList<>();
        DigitGrid grid = DigitGrid.shown(TrainerTest.mnist.test());
        TimelineRecorder timeline = new TimelineRecorder(TrainerTest.mnist.test(), grid.indices(), grid.columns());
        Trainer t = new Trainer(c, TrainerTest.mnist, new TrainingListener() {
            @Override public void snapshot(Preview p, boolean epochEnd) {
                sent.add(new long[] {p.step(), epochEnd ? 1 : 0});
                timeline.add(p, epochEnd);
            }

            @Override public void preview(Preview p) { previews.add(p); }

            @Override public void insights(EpochInsights i) { timeline.add(i); }
        });
        t.setPreview(grid.indices(), 60_000);
        t.setInsights(300, 0);
        t.run();
        List<Long> steps = sent.stream().map(s -> s[0]).toList();
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 10L, 12L, 14L, 17L, 20L, 24L, 29L, 35L, 40L), steps);
        for (long[] s : sent) assertEquals(s[0] == 20 || s[0] == 40 ? 1 : 0, s[1], "epoch end at step " + s[0]);

        Timeline kept = timeline.timeline();
        assertEquals(18, kept.size());
        assertEquals(2, kept.latents().size());
        assertEquals(300, kept.codeLabels().length);
        Snapshot first = kept.at(0), last = kept.at(40);
        assertEquals(0, first.epoch());
        assertEquals(2, last.epoch());
        assertEquals(kept.get(10), kept.at(13));   // the latest at or before: step 12
        // the fresh weights' outputs are grey blobs, unlike the trained ones: the snapshots are of different weights
        assertNotEquals(first.bce()[0], last.bce()[0]);
        assertTrue(last.bce()[0] < first.bce()[0], "the reconstruction of the first digit improved");
        // each snapshot is also the latest preview, the same object
        assertTrue(previews.stream().anyMatch(p -> p.step() == 40));
        assertArrayEquals(labelsOf(grid), kept.labels());
        assertEquals(TrainerTest.mnist.test().pixel(grid.indices()[3], 400), kept.originals()[3 * 784 + 400] & 0xFF);
    }

    private static byte[] labelsOf(DigitGrid grid) {
        int[] idx = grid.indices();
        byte[] l = new byte[idx.length];
        for (int i = 0; i < idx.length; i++) l[i] = (byte) TrainerTest.mnist.test().label(idx[i]);
        return l;
    }

    @Test
    void aStepSentAgainReplacesWhatWasKeptFromThere() {
        DigitGrid grid = DigitGrid.shown(TrainerTest.mnist.test());
        TimelineRecorder r = new TimelineRecorder(TrainerTest.mnist.test(), grid.indices(), grid.columns());
        int n = grid.indices().length;
        for (long step : new long[] {0, 1, 2, 3, 1})
            r.add(new Preview(step, 1, grid.indices(), 784, new float[n * 784], new double[n], new double[n], new double[n]), false);
        assertEquals(List.of(0L, 1L), r.timeline().snapshots().stream().map(Snapshot::step).toList());
    }
}
