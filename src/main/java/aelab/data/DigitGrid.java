package aelab.data;


import java.util.Arrays;

/**
 * Which test digits the reconstruction panel shows and where: band b, column c holds the b-th test
 * image of class c, so each column is one digit class and every class appears perClass times.
 * A class with too few images leaves its cells empty (index −1).
 */
public record DigitGrid(int columns, int bands, int[] cells) {
    /** What the window shows and a run's timeline follows: two test images of each of the first ten classes. */
    public static DigitGrid shown(ImageSet test) { return firstOfEachClass(test, 10, 2); }

    public static DigitGrid firstOfEachClass(ImageSet test, int classes, int perClass) {
        int[] cells = new int[classes * perClass];
        Arrays.fill(cells, -1);
        int[] found = new int[classes];
        for (int i = 0; i < test.count(); i++) {
            int c = test.label(i);
            if (c < classes && found[c] < perClass) cells[found[c]++ * classes + c] = i;
        }
        return new DigitGrid(classes, perClass, cells);
    }

    /** The test images with a cell, in cell order: what Trainer.setPreview is given. */
    public int[] indices() {
        return Arrays.stream(cells).filter(i -> i >= 0).toArray();
    }

    /** Position in {@link #indices()} of the cell at (band, column), or −1 when the cell is empty. */
    public int previewSlot(int band, int column) {
        if (band < 0 || band >= bands || column < 0 || column >= columns) return -1;
        int cell = band * columns + column;
        if (cells[cell] < 0) return -1;
        int slot = 0;
        for (int i = 0; i < cell; i++) if (cells[i] >= 0) slot++;
        return slot;
    }

    public int cell(int band, int column) { return cells[band * columns + column]; }
}
