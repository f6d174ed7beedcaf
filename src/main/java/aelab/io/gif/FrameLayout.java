package aelab.io.gif;

import java.awt.Point;

/**
 * Where everything sits in a frame, in pixels: a header line, then row groups (the originals, then
 * each run's reconstructions), each a label line over {@code bands} rows of {@code columns} digits
 * drawn {@code scale} times their size, then a caption line and a progress bar.
 *
 *   width  = 2·MARGIN + columns·tile + (columns − 1)·GAP,   tile = scale · imageCols
 *   height = 2·MARGIN + HEADER + groups·(LABEL + bands·(tileHeight + GAP) + GROUP_GAP) + CAPTION + BAR
 *
 * @param groups row groups: 1 (the originals) + one per run
 * @param images digits per group: the first {@code bands · columns} of those followed
 */
public record FrameLayout(int imageRows, int imageCols, int columns, int bands, int images, int groups, int scale) {
    static final int MARGIN = 10, HEADER = 22, LABEL = 17, GAP = 2, GROUP_GAP = 8, CAPTION = 20, BAR = 4;

    public FrameLayout {
        if (imageRows <= 0 || imageCols <= 0 || columns <= 0 || bands <= 0 || groups <= 0 || scale <= 0)
            throw new IllegalArgumentException("a frame needs images, columns, bands, groups and a scale");
        if (images > bands * columns) throw new IllegalArgumentException(images + " digits do not fit " + bands + " × " + columns);
    }

    int tileWidth() { return scale * imageCols; }

    int tileHeight() { return scale * imageRows; }

    public int width() { return 2 * MARGIN + columns * tileWidth() + (columns - 1) * GAP; }

    private int groupHeight() { return LABEL + bands * (tileHeight() + GAP) + GROUP_GAP; }

    public int height() { return 2 * MARGIN + HEADER + groups * groupHeight() + CAPTION + BAR; }

    /** Top of a group's label line; group 0 is the originals, group 1 + r run r. */
    int labelTop(int group) { return MARGIN + HEADER + group * groupHeight(); }

    /** The top-left pixel of digit i (in the order followed) of a group. */
    public Point tile(int group, int i) {
        if (group < 0 || group >= groups || i < 0 || i >= images) throw new IndexOutOfBoundsException("no digit " + i + " in group " + group);
        int band = i / columns, column = i % columns;
        return new Point(MARGIN + column * (tileWidth() + GAP), labelTop(group) + LABEL + band * (tileHeight() + GAP));
    }

    /** Top of the caption line. */
    int captionTop() { return labelTop(groups); }

    int barTop() { return captionTop() + CAPTION; }
}
