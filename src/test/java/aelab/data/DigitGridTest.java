package aelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DigitGridTest {
    private static ImageSet labelled(int... labels) {
        byte[] l = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) l[i] = (byte) labels[i];
        return new ImageSet(labels.length, 1, 1, new byte[labels.length], l);
    }

    @Test
    void takesTheFirstImagesOfEachClassColumnByClass() {
        //                          index: 0  1  2  3  4  5  6
        DigitGrid g = DigitGrid.firstOfEachClass(labelled(2, 0, 1, 0, 2, 1, 0), 3, 2);
        // band 0: first 0 (1), first 1 (2), first 2 (0); band 1: second 0 (3), second 1 (5), second 2 (4)
        assertArrayEquals(new int[] {1, 2, 0, 3, 5, 4}, g.cells());
        assertArrayEquals(new int[] {1, 2, 0, 3, 5, 4}, g.indices());
        assertEquals(5, g.cell(1, 1));
        assertEquals(4, g.previewSlot(1, 1));
    }

    @Test
    void aMissingDigitLeavesAnEmptyCellAndTheSlotsSkipIt() {
        DigitGrid g = DigitGrid.firstOfEachClass(labelled(0, 1, 1), 2, 2);
        assertArrayEquals(new int[] {0, 1, -1, 2}, g.cells());
        assertArrayEquals(new int[] {0, 1, 2}, g.indices());
        assertEquals(-1, g.previewSlot(1, 0));
        assertEquals(2, g.previewSlot(1, 1));
    }

    @Test
    void mnistGivesTwentyDigitsTwoOfEachClass() throws Exception {
        ImageSet test = aelab.data.Dataset.loadBundledMnist().test();
        DigitGrid g = DigitGrid.firstOfEachClass(test, 10, 2);
        assertEquals(20, g.indices().length);
        for (int c = 0; c < 10; c++) {
            assertEquals(c, test.label(g.cell(0, c)));
            assertEquals(c, test.label(g.cell(1, c)));
        }
    }
}
