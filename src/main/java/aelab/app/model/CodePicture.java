package aelab.app.model;

/**
 * A digit's code as a picture for the digit panel: the k code values as a grid of blocks of
 * ⌈√k⌉ columns filling the digit's rows × cols square, each block's brightness |code_j| / the largest
 * |code| of all the digits shown (so a sparse code is mostly dark, and digits compare). Pixels
 * outside the blocks are 0.
 */
public final class CodePicture {
    private CodePicture() { }

    /** Code of digit slot of codes (count, k) into out (rows × cols), values in [0,1]. */
    public static void draw(float[] codes, int slot, int k, int rows, int cols, float[] out) {
        java.util.Arrays.fill(out, 0, rows * cols, 0f);
        float max = 0;
        for (float c : codes) max = Math.max(max, Math.abs(c));
        int across = (int) Math.ceil(Math.sqrt(k)), down = (k + across - 1) / across;
        int bw = Math.max(1, cols / across), bh = Math.max(1, rows / down);
        int x0 = (cols - bw * across) / 2, y0 = (rows - bh * down) / 2;
        for (int j = 0; j < k; j++) {
            float v = max > 0 ? Math.abs(codes[slot * k + j]) / max : 0;
            int bx = x0 + (j % across) * bw, by = y0 + (j / across) * bh;
            for (int y = by; y < by + bh - (bh > 2 ? 1 : 0); y++)          // a one-pixel gap between blocks
                for (int x = bx; x < bx + bw - (bw > 2 ? 1 : 0); x++) out[y * cols + x] = v;
        }
    }
}
