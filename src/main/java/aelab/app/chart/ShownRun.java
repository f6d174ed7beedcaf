package aelab.app.chart;

import aelab.app.model.Run;

import org.jfree.data.xy.XYSeries;

/** A run on a {@link LossChart}: its two series, how much of its curves they hold, and how much of them is on screen. */
final class ShownRun {
    final Run run;
    final XYSeries train, test;
    int trainGeneration = -1, testGeneration = -1;
    int drawnTrain, drawnTest;

    ShownRun(Run run, int serial) {   // keys by serial, not the run's number, which Undo may change
        this.run = run;
        train = new XYSeries("series " + serial + " train", false, true);
        test = new XYSeries("series " + serial + " test", false, true);
    }
}
