package aelab.app.files;

import aelab.app.model.Contrast;
import aelab.engine.Preview;

import java.util.List;

import org.jfree.chart.JFreeChart;

/** What the picture exports take from the window: the training tab's loss charts and reconstructions. */
public interface TrainingPictures {
    /** Brings the training tab up to date now: while another tab is in view its charts wait for it. */
    void refreshTraining();

    /** The loss charts as shown, BCE first. */
    List<JFreeChart> lossCharts();

    /** The reconstructions shown, or null before any run has sent one. */
    Preview shownPreview();

    Contrast contrast();
}
