package aelab.app.model;

import aelab.engine.ModelKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the digit panel: the originals on top, then for each run shown its reconstructions and,
 * when asked for, its error maps, so several runs' outputs sit one above the other under the same
 * digits. With more than three rows the panel keeps one band (one digit per class) so the rows stay large.
 */
public record DigitRows(List<Row> rows, int bands) {
    /**
     * ORIGINAL the test images; for each run OUTPUT its reconstructions, ERROR their error maps, and by
     * its kind NOISY (a denoising run's noisy inputs, above its outputs), CODE (a sparse run's code of
     * each digit) and SAMPLES (a VAE's pictures of draws z ~ N(0, I), which belong to no column's digit).
     */
    public enum Kind { ORIGINAL, NOISY, OUTPUT, ERROR, CODE, SAMPLES }

    /** run: index among the runs shown, −1 for the originals. */
    public record Row(Kind kind, int run) { }

    /** @param runs runs shown (0 before the first: one run's empty rows are drawn); gridBands: bands of the grid */
    public static DigitRows of(int runs, boolean errors, int gridBands) {
        List<ModelKind> kinds = new ArrayList<>();
        for (int r = 0; r < runs; r++) kinds.add(ModelKind.PLAIN);
        return of(kinds, errors, gridBands);
    }

    /** The rows of runs of these kinds, in order (none: one plain run's empty rows). */
    public static DigitRows of(List<ModelKind> runs, boolean errors, int gridBands) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Kind.ORIGINAL, -1));
        for (int r = 0; r < Math.max(1, runs.size()); r++) {
            ModelKind k = r < runs.size() ? runs.get(r) : ModelKind.PLAIN;
            if (k == ModelKind.DENOISING) rows.add(new Row(Kind.NOISY, r));
            rows.add(new Row(Kind.OUTPUT, r));
            if (errors) rows.add(new Row(Kind.ERROR, r));
            if (k == ModelKind.SPARSE) rows.add(new Row(Kind.CODE, r));
            if (k == ModelKind.VAE) rows.add(new Row(Kind.SAMPLES, r));
        }
        return new DigitRows(List.copyOf(rows), rows.size() <= DigitLayout.ROWS ? gridBands : 1);
    }

    public int size() { return rows.size(); }

    public Row get(int i) { return rows.get(i); }
}
