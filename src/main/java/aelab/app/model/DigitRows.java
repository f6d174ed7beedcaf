package aelab.app.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the digit panel: the originals on top, then for each run shown its reconstructions and,
 * when asked for, its error maps, so several runs' outputs sit one above the other under the same
 * digits. With more than three rows the panel keeps one band (one digit per class) so the rows stay large.
 */
public record DigitRows(List<Row> rows, int bands) {
    public enum Kind { ORIGINAL, OUTPUT, ERROR }

    /** run: index among the runs shown, −1 for the originals. */
    public record Row(Kind kind, int run) { }

    /** @param runs runs shown (0 before the first: one run's empty rows are drawn); gridBands: bands of the grid */
    public static DigitRows of(int runs, boolean errors, int gridBands) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Kind.ORIGINAL, -1));
        for (int r = 0; r < Math.max(1, runs); r++) {
            rows.add(new Row(Kind.OUTPUT, r));
            if (errors) rows.add(new Row(Kind.ERROR, r));
        }
        return new DigitRows(List.copyOf(rows), rows.size() <= DigitLayout.ROWS ? gridBands : 1);
    }

    public int size() { return rows.size(); }

    public Row get(int i) { return rows.get(i); }
}
