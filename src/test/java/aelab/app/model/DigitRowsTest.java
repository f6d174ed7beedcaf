package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aelab.app.model.DigitRows.Kind;
import aelab.app.model.DigitRows.Row;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigitRowsTest {
    @Test
    void oneRunHasItsOriginalOutputAndErrorInBothBands() {
        DigitRows r = DigitRows.of(1, true, 2);
        assertEquals(List.of(new Row(Kind.ORIGINAL, -1), new Row(Kind.OUTPUT, 0), new Row(Kind.ERROR, 0)), r.rows());
        assertEquals(2, r.bands());
    }

    @Test
    void beforeAnyRunTheEmptyRowsOfOneAreDrawn() {
        assertEquals(DigitRows.of(1, true, 2), DigitRows.of(0, true, 2));
    }

    @Test
    void eachRunSideBySideGetsItsRowsUnderTheSameOriginals() {
        DigitRows r = DigitRows.of(3, false, 2);
        assertEquals(List.of(new Row(Kind.ORIGINAL, -1), new Row(Kind.OUTPUT, 0), new Row(Kind.OUTPUT, 1),
                new Row(Kind.OUTPUT, 2)), r.rows());
        assertEquals(1, r.bands(), "four rows: one digit per class keeps them large");
    }

    @Test
    void errorMapsFollowTheirRunsOutput() {
        DigitRows r = DigitRows.of(2, true, 2);
        assertEquals(5, r.size());
        assertEquals(new Row(Kind.ERROR, 0), r.get(2));
        assertEquals(new Row(Kind.OUTPUT, 1), r.get(3));
    }

    @Test
    void twoRunsWithoutErrorsStillFitTwoBands() {
        assertEquals(2, DigitRows.of(2, false, 2).bands());
    }
}
