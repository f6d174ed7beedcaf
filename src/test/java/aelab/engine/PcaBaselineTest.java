package aelab.engine;

import aelab.data.ImageSet;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** The PCA baseline on images built from known components, where the answer can be worked out by hand. */
class PcaBaselineTest {
    /**
     * 16-pixel images: 100 + 60·a·e1 + 30·b·e2 + 10·c·e3 on three disjoint blocks of 4 pixels (e_i has 1s on
     * block i), a, b, c uniform in {−1, 1}. The variances along the unit components are 4·60², 4·30², 4·10²
     * (in 0–255 units), so k components leave the blocks of the others unexplained:
     *   MSE(k) = Σ_{i>k} 4·s_i² / 16 / 255²,   s = 60, 30, 10     (reconstruction stays inside [0,1])
     */
    static ImageSet images(int count, long seed) {
        int d = 16;
        byte[] px = new byte[count * d];
        SplittableRandom r = new SplittableRandom(seed);
        int[] scale = {60, 30, 10};
        for (int i = 0; i < count; i++)
            for (int block = 0; block < 4; block++) {
                int v = 100 + (block < 3 ? scale[block] * (r.nextBoolean() ? 1 : -1) : 0);
                for (int j = 0; j < 4; j++) px[i * d + block * 4 + j] = (byte) v;
            }
        return new ImageSet(count, 4, 4, px, new byte[count]);
    }

    @Test
    void eachComponentRemovesItsOwnVarianceAndNoMore() {
        ImageSet train = images(4000, 1), test = images(1000, 2);
        PcaBaseline.Fit fit = PcaBaseline.fit(train, 0, 2);
        double[] want = {(4 * 30 * 30 + 4 * 10 * 10) / 16.0 / 255 / 255, 4 * 10 * 10 / 16.0 / 255 / 255, 0};
        for (int k = 1; k <= 3; k++) {
            PcaBaseline.Figures f = fit.evaluate(test, 0, k);
            assertEquals(k, f.components());
            assertEquals(want[k - 1], f.mse(), 0.03 * want[0], "MSE with " + k + " components");
        }
        assertTrue(fit.evaluate(test, 0, 3).bce() < fit.evaluate(test, 0, 1).bce());
    }

    @Test
    void theFitDoesNotDependOnTheThreadCountOrTheTestLimitBeyondItsImages() {
        ImageSet train = images(1200, 3), test = images(300, 4);
        PcaBaseline.Figures one = PcaBaseline.fit(train, 0, 1).evaluate(test, 0, 2),
                two = PcaBaseline.fit(train, 0, 2).evaluate(test, 0, 2);
        assertEquals(one.mse(), two.mse(), 1e-9);
        assertEquals(one.bce(), two.bce(), 1e-9);
        assertNotEquals(one.mse(), PcaBaseline.fit(train, 0, 2).evaluate(test, 10, 2).mse());
    }
}
