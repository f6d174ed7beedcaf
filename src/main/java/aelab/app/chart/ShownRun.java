package aelab.app.chart;

import aelab.app.model.Run;

import org.jfree.data.xy.XYSeries;

/** A run on a {@link LossChart}: its two series, how much of its curves they hold, and how much of them is on screen. */
final class ShownRun {
    final Run run;
    final XYSeries train, test;
    int trainGeneration = -1, testGeneration = -1;
    int drawnTrain, drawnTest;

    ShownRun(Run run) {
        this.run = run;
        train = new XYSeries("run " + run.id() + " train", false, true);
        test = new XYSeries("run " + run.id() + " test", false, true);
    }
}
