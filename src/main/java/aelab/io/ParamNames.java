package aelab.io;

/** Names of the parameter arrays in {@link aelab.engine.Autoencoder#params()} order: W0, b0, W1, b1, … */
final class ParamNames {
    private ParamNames() { }

    static String of(int k) { return (k % 2 == 0 ? "W" : "b") + k / 2; }

    /** Shape of array k for layer widths n: W_l is (n_l, n_{l+1}) row-major, b_l is (n_{l+1}). */
    static int[] shape(int[] widths, int k) {
        int l = k / 2;
        return k % 2 == 0 ? new int[]{widths[l], widths[l + 1]} : new int[]{widths[l + 1]};
    }
}
