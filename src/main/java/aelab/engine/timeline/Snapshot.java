package aelab.engine.timeline;

import aelab.engine.Preview;

import java.util.Objects;

/**
 * One moment of a run's reconstructions, kept small: each image's pixels as 8-bit levels between its
 * own lowest and highest output,
 *
 *   p ≈ lo + levels/255 · (hi − lo),   error ≤ (hi − lo)/510,
 *
 * so a faint softmax output (all of it below 0.01) keeps its shape for the stretched contrast, and a
 * sigmoid output (hi − lo ≤ 1) is within half a grey level of the original. Each image's BCE, MSE and
 * Σ outputs are kept exactly. 800 bytes an MNIST image, against 3,136 as floats.
 *
 * @param step     mini-batches trained when it was taken (0: the fresh weights)
 * @param epoch    the epoch it belongs to (the one the step is in; at an epoch's end, that epoch)
 * @param epochEnd taken after the epoch's test evaluation
 * @param width    pixels per image
 */
public record Snapshot(long step, int epoch, boolean epochEnd, int width, byte[] levels, float[] lo, float[] hi,
                       double[] bce, double[] mse, double[] outputSum) {
    public Snapshot {
        Objects.requireNonNull(levels, "levels");
        int n = lo.length;
        if (step < 0 || epoch < 0 || width <= 0) throw new IllegalArgumentException("step and epoch ≥ 0, width > 0");
        if (levels.length != (long) n * width || hi.length != n || bce.length != n || mse.length != n || outputSum.length != n)
            throw new IllegalArgumentException("a snapshot's arrays must all describe " + n + " images of " + width + " pixels");
    }

    /** The preview quantised, as kept. */
    public static Snapshot of(Preview p, boolean epochEnd) {
        int n = p.count(), d = p.width();
        byte[] levels = new byte[n * d];
        float[] lo = new float[n], hi = new float[n];
        float[] px = p.pixels();
        for (int i = 0; i < n; i++) {
            float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
            for (int j = i * d; j < (i + 1) * d; j++) {
                min = Math.min(min, px[j]);
                max = Math.max(max, px[j]);
            }
            if (!Float.isFinite(min) || !Float.isFinite(max)) min = max = 0;   // a diverged output: kept as black
            lo[i] = min;
            hi[i] = max;
            float range = max - min;
            for (int j = i * d; j < (i + 1) * d; j++) {
                float t = range > 0 && Float.isFinite(px[j]) ? (px[j] - min) / range : 0;
                levels[j] = (byte) Math.round(t * 255);
            }
        }
        return new Snapshot(p.step(), p.epoch(), epochEnd, d, levels, lo, hi, p.bce().clone(), p.mse().clone(),
                p.outputSum().clone());
    }

    public int count() { return lo.length; }

    /** The pixels back as a preview of the given test images (those the timeline follows). */
    public Preview toPreview(int[] indices) {
        int n = count();
        float[] px = new float[n * width];
        for (int i = 0; i < n; i++) {
            float range = (hi[i] - lo[i]) / 255f;
            for (int j = i * width; j < (i + 1) * width; j++) px[j] = lo[i] + (levels[j] & 0xFF) * range;
        }
        return new Preview(step, epoch, indices.clone(), width, px, bce.clone(), mse.clone(), outputSum.clone());
    }

    /** Bytes its arrays take. */
    public long bytes() {
        return levels.length + 8L * count() + 24L * count();
    }
}
