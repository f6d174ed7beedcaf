package aelab.engine.timeline;

import aelab.engine.EpochInsights;

/**
 * The bottleneck codes of the first test images at the end of one epoch, projected to 2-D by PCA:
 * codes (n, 2) in the order of the test images, and the share of the variance each axis explains.
 * Their labels are the timeline's ({@link Timeline#codeLabels()}): the same test images every epoch.
 */
public record LatentFrame(int epoch, float[] codes, double[] explained) {
    public LatentFrame {
        if (codes.length % 2 != 0 || explained.length != 2)
            throw new IllegalArgumentException("codes come in (x, y) pairs, with two explained shares");
    }

    public static LatentFrame of(EpochInsights i) {
        return new LatentFrame(i.epoch(), i.codes().clone(), i.explained().clone());
    }

    public int count() { return codes.length / 2; }

    public long bytes() { return 4L * codes.length + 16; }
}
