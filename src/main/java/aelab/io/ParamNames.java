package aelab.io;

/** Names of the parameter arrays in {@link aelab.engine.Autoencoder#params()} order: W0, b0, W1, b1, … */
final class ParamNames {
    private ParamNames() { }

    /**
     * Names of an optimizer's state groups, in {@link aelab.engine.Optimizer#state()} order: Adam's first
     * and second moments m and v, SGD's momentum velocity u, RMSProp's running mean of squared gradients v.
     */
    static String stateGroup(aelab.engine.OptimizerKind kind, int group) {
        return switch (kind) {
            case ADAM -> group == 0 ? "m" : "v";
            case SGD -> "u";
            case RMSPROP -> "v";
        };
    }

    static String of(int[] widths, aelab.engine.ModelKind kind, int k) {
        return aelab.engine.Autoencoder.paramName(widths, kind, k);
    }

    /** Shape of array k for layer widths n: W_l is (n_l, n_{l+1}) row-major, b_l is (n_{l+1}). */
    static int[] shape(int[] widths, aelab.engine.ModelKind kind, int k) {
        return aelab.engine.Autoencoder.paramShape(widths, kind, k);
    }
}
