package aelab.app.model;

import java.util.Arrays;

/**
 * A chart curve that never holds more than {@code cap} points, however long the run. When full, it
 * averages neighbouring pairs (halving its size) and from then on averages twice as many incoming
 * points into each new one, so the density stays even along the x axis and a 30,000-batch run costs
 * the chart no more than a 2,000-batch one.
 */
public final class Curve {
    private final int cap;
    private final double[] xs, ys;
    private int size;
    private int stride = 1;               // incoming points per stored point
    private double pendingX, pendingY;
    private int pendingCount;
    private int generation;               // bumps whenever stored points change, not just grow

    public Curve(int cap) {
        if (cap < 2 || cap % 2 != 0) throw new IllegalArgumentException("cap must be even and at least 2: " + cap);
        this.cap = cap;
        this.xs = new double[cap];
        this.ys = new double[cap];
    }

    public void add(double x, double y) {
        pendingX += x;
        pendingY += y;
        if (++pendingCount < stride) return;
        xs[size] = pendingX / pendingCount;
        ys[size] = pendingY / pendingCount;
        size++;
        pendingX = pendingY = 0;
        pendingCount = 0;
        if (size == cap) halve();
    }

    private void halve() {
        for (int i = 0; i < size / 2; i++) {
            xs[i] = (xs[2 * i] + xs[2 * i + 1]) / 2;
            ys[i] = (ys[2 * i] + ys[2 * i + 1]) / 2;
        }
        size /= 2;
        stride *= 2;
        generation++;
    }

    public int size() { return size; }

    public double x(int i) { return xs[i]; }

    public double y(int i) { return ys[i]; }

    /** Changes when earlier points were rewritten; a viewer that saw another generation must redraw all. */
    public int generation() { return generation; }

    /** Incoming points averaged into each stored one. */
    public int stride() { return stride; }

    public double[] ys() { return Arrays.copyOf(ys, size); }
}
