package aelab.engine;

import aelab.data.ImageSet;

/**
 * Binary entropy and the BCE floor. For a target y in [0,1], BCE(p; y) = −[y ln p + (1 − y) ln(1 − p)]
 * has dBCE/dp = (p − y) / (p (1 − p)), zero at p = y, where BCE(y; y) = H(y) (the entropy):
 *   H(y) = −[y ln y + (1 − y) ln(1 − y)],  with 0 ln 0 = 0
 * H is 0 only for y = 0 or 1 (H(0.5) = ln 2 ≈ 0.693), so on grey pixels BCE cannot reach 0; its
 * lowest value over a set of images is the mean of H over their pixels.
 */
public final class Entropy {
    private Entropy() { }

    public static double of(double y) {
        if (y <= 0 || y >= 1) return 0;
        return -(y * Math.log(y) + (1 - y) * Math.log(1 - y));
    }

    /** Mean H(pixel / 255) over every pixel of the first limit images (all when limit ≤ 0). */
    public static double bceFloor(ImageSet set, int limit) {
        double[] table = new double[256];
        for (int k = 0; k < 256; k++) table[k] = of(k / 255.0);
        int count = limit <= 0 ? set.count() : Math.min(limit, set.count());
        long[] histogram = new long[256];
        byte[] px = set.pixels();
        long n = (long) count * set.imageSize();
        for (long i = 0; i < n; i++) histogram[px[(int) i] & 0xFF]++;
        double s = 0;
        for (int k = 0; k < 256; k++) s += histogram[k] * table[k];
        return s / n;
    }
}
