package aelab.app.model;

/**
 * Where the digit panel draws each image: columns of digits, and per band a number of rows (the
 * originals, then each run's reconstructions and error maps), with room on the left for the row names.
 * Images are scaled by a whole number so every pixel stays a crisp square.
 */
public record DigitLayout(int columns, int bands, int rows, int side, int scale, double labels, double left,
                          double top) {
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
        double perScaleW = columns * (double) side, perScaleH = bands * rows * (double) side;
        double fixedW = labels + (columns - 1) * GAP;
        double fixedH = bands * (rows - 1) * GAP + (bands - 1) * BAND_GAP;
        int scale = (int) Math.max(1, Math.floor(Math.min((width - fixedW) / perScaleW, (height - fixedH) / perScaleH)));
        DigitLayout l = new DigitLayout(columns, bands, rows, side, scale, labels, 0, 0);
        double left = Math.max(0, Math.floor((width - l.width()) / 2));
        double top = Math.max(0, Math.floor((height - l.height()) / 2));
        return new DigitLayout(columns, bands, rows, side, scale, labels, left, top);
    }

    public double cell() { return side * (double) scale; }

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
