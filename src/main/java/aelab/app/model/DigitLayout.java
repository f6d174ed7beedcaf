package aelab.app.model;

/**
 * Where the digit panel draws each image: columns of digits, and per band a number of rows (the
 * originals, then each run's reconstructions and error maps), with room on the left for the row names.
 * Images are scaled by a whole number of the screen's own pixels so every pixel stays a crisp square:
 * on a screen scaled by 2 (HiDPI) {@code scale} 3 is 3 device pixels, 1.5 of the window's units.
 * Positions and sizes are in the window's units; {@code pixel} is the size of one device pixel in them
 * (1 / the output scale).
 */
public record DigitLayout(int columns, int bands, int rows, int side, int scale, double labels, double left,
                          double top, double pixel) {

    /** At an output scale of 1: one device pixel per unit. */
    public DigitLayout(int columns, int bands, int rows, int side, int scale, double labels, double left, double top) {
        this(columns, bands, rows, side, scale, labels, left, top, 1);
    }

    public static final int ROWS = 3;        // original, reconstruction, error: one run
    public static final double LABELS = 96;  // room for the row names on the left
    public static final double GAP = 3;
    public static final double BAND_GAP = 14;

    /** One run: three rows per band, short row names. */
    public static DigitLayout fit(double width, double height, int columns, int bands, int side) {
        return fit(width, height, columns, bands, ROWS, side, LABELS);
    }

    /** The largest whole scale that fits the width and height, at least 1; the block is centred. */
    public static DigitLayout fit(double width, double height, int columns, int bands, int rows, int side,
                                  double labels) {
        return fit(width, height, columns, bands, rows, side, labels, 1);
    }

    /**
     * The same on a screen of this output scale (2 on a HiDPI screen at 200 %): the scale counts device
     * pixels, so a digit can be 3 device pixels a pixel where 2 window units (4 device pixels) do not fit.
     */
    public static DigitLayout fit(double width, double height, int columns, int bands, int rows, int side,
                                  double labels, double outputScale) {
        double pixel = 1 / Math.max(1e-3, outputScale);
        double perScaleW = columns * (double) side * pixel, perScaleH = bands * rows * (double) side * pixel;
        double fixedW = labels + (columns - 1) * GAP;
        double fixedH = bands * (rows - 1) * GAP + (bands - 1) * BAND_GAP;
        // a hair of tolerance: 1/outputScale is not exact in binary, and a scale that fits must not round down
        int scale = (int) Math.max(1, Math.floor(1e-9 + Math.min((width - fixedW) / perScaleW, (height - fixedH) / perScaleH)));
        DigitLayout l = new DigitLayout(columns, bands, rows, side, scale, labels, 0, 0, pixel);
        double left = Math.max(0, Math.floor((width - l.width()) / 2));
        double top = Math.max(0, Math.floor((height - l.height()) / 2));
        return new DigitLayout(columns, bands, rows, side, scale, labels, left, top, pixel);
    }

    /** An image's side in the window's units. */
    public double cell() { return side * (double) scale * pixel; }

    /** A position in the window's units as a device pixel: where an image's first pixel goes. */
    public int device(double units) { return (int) Math.round(units / pixel); }

    public double width() { return labels + columns * cell() + (columns - 1) * GAP; }

    public double height() { return bands * rows * cell() + bands * (rows - 1) * GAP + (bands - 1) * BAND_GAP; }

    public double x(int column) { return left + labels + column * (cell() + GAP); }

    /** Top of row {@code row} of band {@code band}. */
    public double y(int band, int row) {
        return top + band * (rows * cell() + (rows - 1) * GAP + BAND_GAP) + row * (cell() + GAP);
    }

    /** {band, column, row} of the image under (px, py), or null between and outside images. */
    public int[] hit(double px, double py) {
        for (int b = 0; b < bands; b++)
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < columns; c++) {
                    double x = x(c), y = y(b, r);
                    if (px >= x && px < x + cell() && py >= y && py < y + cell()) return new int[] {b, c, r};
                }
        return null;
    }
}
