package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.engine.EpochMetrics;
import aelab.engine.RunInfo;
import aelab.engine.TrainingConfig;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTest {
    private final RunHistory history = new RunHistory();
    private final Run run = history.add(TrainingConfig.defaults());

    private void start(double floor) {
        run.started(new RunInfo(run.config(), 1000, 100, 10, floor, List.of(), "naive", 1));
    }

    @Test
    void aboveTheFloorSubtractsTheRunsOwnFloor() {
        start(0.057);
        run.addEpoch(new EpochMetrics(1, 0.1, 0.1, 0.0812, 0.02, 100, 1));
        // 0.0812 − 0.057 = 0.0242
        assertEquals(0.0242, Baseline.FLOOR.apply(run, run.testBce().y(0)), 1e-12);
        assertEquals(0.0812, Baseline.ZERO.apply(run, run.testBce().y(0)), 0);
    }

    @Test
    void aModelAtTheFloorIsAtZeroAboveIt() {
        start(0.057);
        assertEquals(0, Baseline.FLOOR.apply(run, 0.057), 0);
    }

    @Test
    void aRunThatHasNotStartedIsNotShifted() {
        assertEquals(0, Baseline.FLOOR.shift(run), 0);
    }

    @Test
    void theFloorLineIsShownOnlyWhenBceIsDrawnFromZero() {
        assertTrue(Baseline.ZERO.showsFloorLine());
        assertFalse(Baseline.FLOOR.showsFloorLine());
        assertEquals("BCE above the floor (BCE − floor)", Baseline.FLOOR.axisLabel());
    }
}
