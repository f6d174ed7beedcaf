package aelab.app.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ContrastTest {
    @Test
    void absoluteKeepsValuesAndClipsToZeroOne() {
        float[] out = new float[4];
        Contrast.ABSOLUTE.apply(new float[] {-0.5f, 0.25f, 1.5f, Float.NaN}, 0, 4, out);
        assertArrayEquals(new float[] {0f, 0.25f, 1f, 0f}, out);
    }

    @Test
    void stretchMapsEachImagesMinimumToBlackAndMaximumToWhite() {
        // a faint softmax-like image, 0.001 … 0.003, next to a bright one that must not affect it
        float[] out = new float[3];
        Contrast.STRETCHED.apply(new float[] {0.001f, 0.002f, 0.003f, 9f, 9f, 9f}, 0, 3, out);
        assertArrayEquals(new float[] {0f, 0.5f, 1f}, out, 1e-5f);
    }

    @Test
    void stretchReadsTheRightImage() {
        float[] out = new float[2];
        Contrast.STRETCHED.apply(new float[] {0f, 1f, 0.2f, 0.4f}, 1, 2, out);
        assertArrayEquals(new float[] {0f, 1f}, out, 1e-6f);
    }

    @Test
    void aFlatImageStretchesToBlackNotToNaN() {
        float[] out = new float[3];
        Contrast.STRETCHED.apply(new float[] {0.3f, 0.3f, 0.3f}, 0, 3, out);
        assertArrayEquals(new float[] {0f, 0f, 0f}, out);
    }
}
