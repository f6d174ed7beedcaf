package aelab.app.model;

import aelab.engine.Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import aelab.engine.BatchPoint;
import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.RunOutcome;
import aelab.engine.TrainingConfig;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
    private final RunHistory history = new RunHistory();
    private final ResultsTable table = new ResultsTable();

    private static void train(Run run, double floor, double testBce, double testMse, int epochs) {
        run.started(new RunInfo(run.config(), 1000, 100, 10, floor, List.of(), "naive", 2));
        for (int e = 1; e <= epochs; e++) {
            run.addBatch(new BatchPoint(e, 10, 10L * e, 0.3, 0.3, 0.1, e * 1_500_000_000L));
            run.addEpoch(new EpochMetrics(e, 0.3, 0.3, testBce, testMse, 100.5, 1.5));
        }
    }

    @Test
    void aRowHoldsTheLatestTestFiguresAndTheBceAboveTheFloor() {
        Run run = history.add(Preset.THE_ANSWER.config());
        table.add(run);
        train(run, 0.057, 0.0812, 0.0113, 2);
        ResultsTable.Row row = table.rows().get(0);
        assertEquals(1, row.id());
        assertEquals("sigmoid + bce, [0,1]", row.settings());
        assertEquals(0.0812, row.testBce());
        assertEquals(0.0113, row.testMse());
        assertEquals(0.0812 - 0.057, row.aboveFloor(), 1e-12);   // 0.0242
        assertEquals(100.5, row.outputSum());
        assertEquals("2 of 5", row.epochText());
        assertEquals(3.0, row.seconds(), 1e-9, "time of the latest batch");
        assertEquals("training", row.status());
    }

    @Test
    void beforeTheFirstEpochTheFiguresAreEmpty() {
        Run run = history.add(TrainingConfig.defaults());
        table.add(run);
        ResultsTable.Row row = table.rows().get(0);
        assertNull(row.testBce());
        assertNull(row.aboveFloor());
        assertEquals(0, row.epochs());
        assertEquals("starting", row.status());
    }

    @Test
    void rowsStayWhenRunsFinishAndWhenOldRunsLeaveTheCharts() {
        List<Run> group = history.addGroup(List.of(Preset.THE_QUESTION.config(), Preset.THE_ANSWER.config()));
        group.forEach(table::add);
        Run solo = history.add(Preset.MSE.config());
        table.add(solo);
        for (Run r : group) {
            train(r, 0.057, 0.1, 0.02, 5);
            r.finish(new RunOutcome(RunOutcome.Status.FINISHED, "finished 5 epochs", 5, 50));
        }
        history.clearOld();
        assertEquals(List.of(1, 2, 3), table.rows().stream().map(ResultsTable.Row::id).toList());
        assertEquals("finished", table.rows().get(0).status());
        table.clear();
        assertEquals(List.of(), table.rows());
    }

    @Test
    void everySettingThatDiffersBetweenTheRowsHasAColumn() {
        Run a = history.add(TrainingConfig.defaults());
        table.add(a);
        assertEquals(List.of(), table.differing(), "one run: nothing to tell apart");
        Run b = history.add(TrainingConfig.defaults().with(Settings.LEARNING_RATE, 0.01).with(Settings.TRAIN_LIMIT, 500));
        Run c = history.add(TrainingConfig.defaults().with(Settings.SCALE, aelab.engine.Scale.RAW));
        table.add(b);
        table.add(c);
        // the scale differs too, but the settings column names it in every row
        assertEquals(List.of(Settings.LEARNING_RATE, Settings.TRAIN_LIMIT), table.differing());
        assertEquals(List.of("0.001", "all images"), table.rows().get(0).differing());
        assertEquals(List.of("0.01", "500"), table.rows().get(1).differing());
        assertEquals("sigmoid + bce, raw 0–255", table.rows().get(2).settings());
    }

    @Test
    void rowsOfUnchangedRunsAreEqualSoAViewCanSkipThem() {
        Run run = history.add(TrainingConfig.defaults());
        table.add(run);
        train(run, 0.057, 0.1, 0.02, 1);
        assertEquals(table.rows(), table.rows());
    }
}
