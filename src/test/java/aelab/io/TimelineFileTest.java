package aelab.io;

import aelab.data.ImageSet;
import aelab.engine.EpochInsights;
import aelab.engine.OptimizerKind;
import aelab.engine.Preview;
import aelab.engine.timeline.Snapshot;
import aelab.engine.timeline.Timeline;
import aelab.engine.timeline.TimelineRecorder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run's timeline in the experiment file: kept exactly, absent in older files, damage named. */
class TimelineFileTest {
    @TempDir Path dir;

    /** Two 2×2 test images followed; snapshots at steps 0, 1, 3 (an epoch's end) and 4; codes after epoch 1. */
    static Timeline timeline() {
        ImageSet test = new ImageSet(3, 2, 2, new byte[] {0, 10, 20, 30, 40, 50, 60, 70, (byte) 200, (byte) 255, 1, 2},
                new byte[] {7, 3, 9});
        TimelineRecorder r = new TimelineRecorder(test, new int[] {2, 0}, 2);
        for (long step : new long[] {0, 1, 3, 4}) {
            float[] px = new float[8];
            for (int j = 0; j < 8; j++) px[j] = (float) Math.sin(step + j) * 0.5f + 0.5f;
            r.add(new Preview(step, step == 0 ? 0 : (int) ((step - 1) / 3 + 1), new int[] {2, 0}, 4, px,
                    new double[] {0.1 * step, 0.2}, new double[] {0.01, 0.02 * step}, new double[] {1.5, step}), step == 3);
        }
        r.add(new EpochInsights(1, new float[] {1f, 2f, -3f, 4.5f, 0f, 0.25f}, new byte[] {7, 3, 9}, new double[] {0.6, 0.3},
                new int[0], new double[0], new double[0], new int[0], new double[0], new double[0], new double[0], null));
        return r.timeline();
    }

    static SavedRun withTimeline() {
        SavedRun r = TinyRuns.run(OptimizerKind.ADAM);
        return new SavedRun(r.config(), r.checkpoint(), r.bceFloor(), r.batches(), r.epochs(), r.label(), timeline());
    }

    private Path saved(SavedRun run) throws Exception {
        Path file = dir.resolve("t.aelab");
        ExperimentFile.write(file, new Experiment("MNIST (bundled)", TinyRuns.CREATED, List.of(run)));
        return file;
    }

    @Test
    void everySnapshotAndFrameReadsBackAsWritten() throws Exception {
        Timeline want = timeline();
        Timeline got = ExperimentFile.read(saved(withTimeline())).runs().get(0).timeline();
        assertEquals(want.size(), got.size());
        assertArrayEquals(want.indices(), got.indices());
        assertArrayEquals(want.originals(), got.originals());
        assertArrayEquals(want.labels(), got.labels());
        assertArrayEquals(want.codeLabels(), got.codeLabels());
        assertEquals(2, got.columns());
        for (int i = 0; i < want.size(); i++) {
            Snapshot a = want.get(i), b = got.get(i);
            assertEquals(a.step(), b.step());
            assertEquals(a.epoch(), b.epoch());
            assertEquals(a.epochEnd(), b.epochEnd());
            assertArrayEquals(a.levels(), b.levels());
            assertArrayEquals(a.lo(), b.lo());
            assertArrayEquals(a.hi(), b.hi());
            assertArrayEquals(a.bce(), b.bce());
            assertArrayEquals(a.mse(), b.mse());
            assertArrayEquals(a.outputSum(), b.outputSum());
        }
        assertTrue(got.get(2).epochEnd() && !got.get(1).epochEnd());
        assertEquals(1, got.latents().size());
        assertArrayEquals(want.latents().get(0).codes(), got.latents().get(0).codes());
        assertArrayEquals(want.latents().get(0).explained(), got.latents().get(0).explained());
    }

    @Test
    void aFileWithoutATimelineOpensWithAnEmptyOne() throws Exception {
        Path file = saved(TinyRuns.run(OptimizerKind.ADAM));
        assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains("timeline/"));
        assertSame(Timeline.EMPTY, ExperimentFile.read(file).runs().get(0).timeline());
    }

    @Test
    void aSnapshotBeyondTheCheckpointIsCutWhenSavedUpToIt() {
        SavedRun r = withTimeline();   // checkpoint at step 4
        SavedRun cut = SavedRun.upToCheckpoint(r.config(), new aelab.engine.Checkpoint(r.checkpoint().model(),
                r.checkpoint().optimizer(), 1, 0, 0, 3), r.bceFloor(), r.batches(), r.epochs(), r.label(), r.timeline());
        assertEquals(List.of(0L, 1L, 3L), cut.timeline().snapshots().stream().map(Snapshot::step).toList());
    }

    @Test
    void aTruncatedSnapshotEntryOrStepsOutOfOrderAreNamed() throws Exception {
        Path file = saved(withTimeline());
        byte[] bin = Zips.entries(file).get("runs/0/timeline/snapshots.bin");
        Zips.replace(file, "runs/0/timeline/snapshots.bin", Arrays.copyOf(bin, bin.length - 5));
        ExperimentFileException e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(file));
        assertTrue(e.getMessage().contains("timeline snapshots"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());

        Path other = saved(withTimeline());
        Zips.editJson(other, s -> s.replace("\"steps\": [0, 1, 3, 4]", "\"steps\": [0, 3, 1, 4]"));
        e = assertThrows(ExperimentFileException.class, () -> ExperimentFile.read(other));
        assertTrue(e.getMessage().contains("snapshot steps must increase"), e.getMessage());
    }

    @Test
    void quantisedPixelsStayWithinHalfALevelOfTheirRange() {
        float[] px = {0.001f, 0.0013f, 0.0009f, 0.0042f, 0.2f, 0.9f, 0.5f, 0.55f};
        Preview p = new Preview(5, 1, new int[] {0, 1}, 4, px, new double[2], new double[2], new double[2]);
        float[] back = Snapshot.of(p, false).toPreview(new int[] {0, 1}).pixels();
        for (int i = 0; i < 8; i++) {
            double range = i < 4 ? 0.0042 - 0.0009 : 0.9 - 0.2;
            assertEquals(px[i], back[i], range / 510 + 1e-7, "pixel " + i);
        }
    }
}
