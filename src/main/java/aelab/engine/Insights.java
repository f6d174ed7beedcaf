package aelab.engine;

import aelab.data.ImageSet;

import java.util.Arrays;
import java.util.function.Function;

/** Turns an evaluation's per-image detail into {@link EpochInsights}. */
final class Insights {
    private Insights() { }

    /** reconstruct gives the reconstructions of the test images it is passed (best, then worst). */
    static EpochInsights of(int epoch, DataParallel.Detail d, ImageSet test, int extremes, Autoencoder m,
                            Function<int[], Preview> reconstruct) {
        float[] points = new float[0];
        double[] explained = {0, 0};
        byte[] labels = new byte[0];
        if (d.codeCount >= 3) {
            Pca.Projection p = Pca.project(d.codes, d.codeCount, d.codeWidth);
            points = p.points();
            explained = p.explained();
            labels = Arrays.copyOf(test.labels(), d.codeCount);
        }
        int count = d.mse.length, k = Math.min(extremes, count);
        int[] best = Extremes.smallest(d.mse, k), worst = Extremes.largest(d.mse, k);
        double[] bestMse = new double[k], bestBce = new double[k], worstMse = new double[k], worstBce = new double[k];
        for (int i = 0; i < k; i++) {
            bestMse[i] = d.mse[best[i]];
            bestBce[i] = d.bce[best[i]];
            worstMse[i] = d.mse[worst[i]];
            worstBce[i] = d.bce[worst[i]];
        }
        int[] both = Arrays.copyOf(best, 2 * k);
        System.arraycopy(worst, 0, both, k, k);
        return new EpochInsights(epoch, points, labels, explained, best, bestMse, bestBce, worst, worstMse, worstBce,
                deadShare(d, m), k == 0 ? null : reconstruct.apply(both));
    }

    /** Per hidden layer, the share of units no worker saw fire; only ReLU units can be dead. */
    private static double[] deadShare(DataParallel.Detail d, Autoencoder m) {
        int layers = m.widths.length - 2;
        double[] share = new double[layers];
        if (m.hidden != Activation.RELU) return share;
        for (int l = 0; l < layers; l++) {
            int n = m.widths[l + 1], dead = 0;
            for (int j = 0; j < n; j++) {
                boolean any = false;
                for (boolean[][] w : d.fired) any |= w[l][j];
                if (!any) dead++;
            }
            share[l] = (double) dead / n;
        }
        return share;
    }
}
