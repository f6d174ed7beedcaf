package aelab.app.model;

import aelab.engine.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aelab.engine.Activation;
import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.TrainingConfig;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsCsvTest {
    /** Two epochs of three batches each, as the bridge would have delivered them. */
    private static void fill(Run run, double offset) {
        run.started(new RunInfo(run.config(), 300, 100, 3, 0.05, List.of(), "naive", 1));
        for (int step = 1; step <= 6; step++)
            run.addBatch(new BatchPoint((step - 1) / 3 + 1, (step - 1) % 3 + 1, step, 0.5 + offset - step / 100.0,
                    0.25, 0.125, step * 500_000_000L));
        run.addEpoch(new EpochMetrics(1, 0.48, 0.47, 0.46, 0.0625, 98.5, 1.5));
        run.addEpoch(new EpochMetrics(2, 0.45, 0.44, 0.43, 0.03125, 99.5, 1.25));
    }

    @Test
    void oneRowPerBatchAndPerEpochWithEachEpochAfterItsLastBatch() {
        RunHistory h = new RunHistory();
        fill(h.add(TrainingConfig.defaults()), 0);
        fill(h.add(TrainingConfig.defaults().with(Settings.OUTPUT, Activation.SOFTMAX)), 0.25);
        List<String> lines = MetricsCsv.of(h).lines().toList();
        assertEquals(MetricsCsv.HEADER, lines.get(0));
        assertEquals(1 + 2 * (6 + 2), lines.size());
        List<String> kinds = lines.subList(1, 9).stream().map(l -> l.split(",")[4]).toList();
        // the label "#1 sigmoid + bce, [0,1]" holds two commas, so the kind is field 4 once split naively
        assertEquals(List.of("batch", "batch", "batch", "epoch", "batch", "batch", "batch", "epoch"), kinds);
    }

    @Test
    void rowsHoldTheRawFiguresAndLabelsAreQuoted() {
        RunHistory h = new RunHistory();
        fill(h.add(TrainingConfig.defaults()), 0);
        List<String> lines = MetricsCsv.of(h).lines().toList();
        // step 2: loss 0.5 − 2/100 = 0.48; 2 × 0.5 s = 1.0 s
        assertEquals("1,\"#1 sigmoid + bce, [0,1]\",batch,1,2,2,0.48,0.25,0.125,,,,,1.0", lines.get(2));
        assertEquals("1,\"#1 sigmoid + bce, [0,1]\",epoch,2,,,0.45,,,0.44,0.43,0.03125,99.5,1.25", lines.get(8));
        assertEquals(14, lines.get(0).split(",", -1).length);
        assertEquals(14, lines.get(8).replace("\"#1 sigmoid + bce, [0,1]\"", "label").split(",", -1).length);
    }

    @Test
    void quotesInsideAFieldAreDoubled() {
        assertEquals("\"say \"\"hi\"\", then go\"", MetricsCsv.quote("say \"hi\", then go"));
        assertEquals("plain", MetricsCsv.quote("plain"));
    }
}
