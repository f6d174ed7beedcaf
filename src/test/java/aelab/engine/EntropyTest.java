package aelab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import aelab.data.ImageSet;
import org.junit.jupiter.api.Test;

/** The BCE floor of image sets small enough to work out by hand. */
class EntropyTest {
    // Two 2×2 images. 51/255 = 0.2 and 204/255 = 0.8 exactly, and
    // H(0.2) = H(0.8) = −(0.2 ln 0.2 + 0.8 ln 0.8) = 0.321888 + 0.178515 = 0.500402.
    private static final ImageSet TINY = new ImageSet(2, 2, 2,
            new byte[] {0, (byte) 255, 51, (byte) 204,
                        0, 0, (byte) 255, (byte) 255},
            new byte[] {3, 7});

    @Test
    void theFloorIsTheMeanEntropyOverEveryPixel() {
        // 8 pixels, two of them grey: (0.500402 + 0.500402) / 8 = 0.125100
        assertEquals(0.125100, Entropy.bceFloor(TINY, 0), 1e-6);
    }

    @Test
    void theLimitCountsOnlyTheFirstImages() {
        // image 0 alone: (0.500402 + 0.500402) / 4 = 0.250201
        assertEquals(0.250201, Entropy.bceFloor(TINY, 1), 1e-6);
        assertEquals(Entropy.bceFloor(TINY, 0), Entropy.bceFloor(TINY, 99), 0);
    }

    @Test
    void blackAndWhiteImagesHaveNoFloor() {
        ImageSet bw = new ImageSet(1, 2, 2, new byte[] {0, (byte) 255, (byte) 255, 0}, new byte[] {1});
        assertEquals(0, Entropy.bceFloor(bw, 0), 0);
    }

    @Test
    void aMidGreyImageHasTheHighestFloorOnTheEightBitScale() {
        // 127 and 128 are the pixels nearest 0.5: H(127/255) = H(128/255) = 0.693139, just under ln 2 = 0.693147
        ImageSet grey = new ImageSet(1, 1, 2, new byte[] {127, (byte) 128}, new byte[] {0});
        assertEquals(Entropy.of(127 / 255.0), Entropy.bceFloor(grey, 0), 1e-12);
        assertEquals(Math.log(2), Entropy.bceFloor(grey, 0), 1e-4);
    }
}
