package aelab.app;

import aelab.app.model.Run;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The speed choice on the real window: it slows the run going, lets it go at full speed again, and holds for the next run. */
class SpeedWindowTest extends WindowFixture {
    @Override protected int trainLimit() { return 500; }   // 5 batches an epoch

    @Override protected int testLimit() { return 100; }

    @Test
    void theChosenSpeedActsOnTheRunGoingAndTheNext(FxRobot robot) throws Exception {
        readyWithEpochs(robot, 2000);   // 10,000 batches: minutes at 10 a second, seconds at full speed
        robot.clickOn("#start");
        Run run = fx(() -> view.session().current());
        await("a first batch", () -> run.lastBatch() != null);
        robot.clickOn("#speed-10s");
        Thread.sleep(600);   // the window drains batches 5 times a second: let it take in those trained before the click
        long from = fx(() -> run.lastBatch().step()), start = System.nanoTime();
        Thread.sleep(1500);
        long steps = fx(() -> run.lastBatch().step()) - from;
        double seconds = (System.nanoTime() - start) / 1e9;
        // 10 a second, plus the frame that drained them late and a batch under way: far below full speed (thousands)
        assertTrue(steps <= 10 * seconds + 4, steps + " batches in " + seconds + " s at 10 a second");
        robot.clickOn("#speed-full");
        await("full speed again: 2,000 batches (200 s at 10 a second)", () -> run.lastBatch().step() > from + 2000);
        robot.clickOn("#speed-3s");
        robot.clickOn("#stop");
        await("stopped", run::isFinished);

        robot.clickOn("#start");   // the next run keeps to the speed chosen
        Run next = fx(() -> view.session().current());
        await("the next run's first batch", () -> next != run && next.lastBatch() != null);
        Thread.sleep(600);
        long nextFrom = fx(() -> next.lastBatch().step()), nextStart = System.nanoTime();
        Thread.sleep(1500);
        long nextSteps = fx(() -> next.lastBatch().step()) - nextFrom;
        double nextSeconds = (System.nanoTime() - nextStart) / 1e9;
        assertTrue(nextSteps <= 3 * nextSeconds + 4, nextSteps + " batches in " + nextSeconds + " s at 3 a second");
        robot.clickOn("#stop");
    }
}
