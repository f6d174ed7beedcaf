package aelab.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PcaTest {
    @Test
    void pointsOnALineProjectOntoTheFirstAxisWithAllTheVariance() {
        // x_i = (i, 2i, 0) for i = −2 … 2: the line along (1, 2, 0)/√5; the projection is i·√5
        float[] x = new float[5 * 3];
        for (int i = 0; i < 5; i++) {
            x[i * 3] = i - 2;
            x[i * 3 + 1] = 2 * (i - 2);
        }
        Pca.Projection p = Pca.project(x, 5, 3);
        for (int i = 0; i < 5; i++) {
            assertEquals((i - 2) * Math.sqrt(5), p.points()[i * 2], 1e-5);
            assertEquals(0, p.points()[i * 2 + 1], 1e-5);
        }
        assertEquals(1.0, p.explained()[0], 1e-9);
        assertEquals(0.0, p.explained()[1], 1e-9);
    }

    @Test
    void anAxisAlignedEllipseKeepsItsAxesInOrderOfVariance() {
        // four points (±3, 0), (0, ±1): variances 4.5 and 0.5 along x and y
        float[] x = {3, 0, -3, 0, 0, 1, 0, -1};
        Pca.Projection p = Pca.project(x, 4, 2);
        assertEquals(3, Math.abs(p.points()[0]), 1e-5);
        assertEquals(1, Math.abs(p.points()[5]), 1e-5);
        assertEquals(0.9, p.explained()[0], 1e-9);
        assertEquals(0.1, p.explained()[1], 1e-9);
        // the sign is fixed: the largest component of each axis is positive, so (3, 0) maps to +3
        assertEquals(3, p.points()[0], 1e-5);
    }
}
