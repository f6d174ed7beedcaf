package aelab.engine;

/**
 * Activation functions, each a forward/backward pair over a (rows, cols) batch, in place.
 * Backward is written in terms of the output a = f(z), so a layer need not keep z:
 *   relu    a = max(z, 0)            f'(z) = [a > 0]
 *   sigmoid a = 1 / (1 + e^-z)       f'(z) = a (1 − a)
 *   tanh    a = tanh z               f'(z) = 1 − a²
 *   linear  a = z                    f'(z) = 1
 *   softmax a_j = e^{z_j} / Σ_i e^{z_i} over a row;  dz_j = a_j (da_j − Σ_i da_i a_i)
 */
public enum Activation {
    RELU("relu", true, false) {
        @Override public void forward(float[] z, int n, int cols) {
            for (int i = 0; i < n; i++) z[i] = Math.max(z[i], 0f); // a branch-free form the JIT vectorises
        }
        @Override public void backward(float[] a, float[] d, int n, int cols) {
            for (int i = 0; i < n; i++) if (a[i] <= 0f) d[i] = 0f;
        }
    },
    SIGMOID("sigmoid", true, true) {
        @Override public void forward(float[] z, int n, int cols) {
            for (int i = 0; i < n; i++) z[i] = sigmoid(z[i]);
        }
        @Override public void backward(float[] a, float[] d, int n, int cols) {
            for (int i = 0; i < n; i++) d[i] *= a[i] * (1f - a[i]);
        }
    },
    TANH("tanh", true, false) {
        @Override public void forward(float[] z, int n, int cols) {
            for (int i = 0; i < n; i++) z[i] = (float) Math.tanh(z[i]);
        }
        @Override public void backward(float[] a, float[] d, int n, int cols) {
            for (int i = 0; i < n; i++) d[i] *= 1f - a[i] * a[i];
        }
    },
    LINEAR("linear", true, true) {
        @Override public void forward(float[] z, int n, int cols) { }
        @Override public void backward(float[] a, float[] d, int n, int cols) { }
    },
    SOFTMAX("softmax", false, true) {
        @Override public void forward(float[] z, int n, int cols) {
            for (int r = 0; r < n; r += cols) {
                float max = Float.NEGATIVE_INFINITY;
                for (int j = r; j < r + cols; j++) max = Math.max(max, z[j]);
                double sum = 0;
                for (int j = r; j < r + cols; j++) {
                    z[j] = (float) Math.exp(z[j] - max); // shift by the max: e^{z−max} never overflows
                    sum += z[j];
                }
                float inv = (float) (1 / sum);
                for (int j = r; j < r + cols; j++) z[j] *= inv;
            }
        }
        @Override public void backward(float[] a, float[] d, int n, int cols) {
            for (int r = 0; r < n; r += cols) {
                double dot = 0;
                for (int j = r; j < r + cols; j++) dot += (double) d[j] * a[j];
                float s = (float) dot;
                for (int j = r; j < r + cols; j++) d[j] = a[j] * (d[j] - s);
            }
        }
    };

    private final String label;
    private final boolean hidden;
    private final boolean output;

    Activation(String label, boolean hidden, boolean output) {
        this.label = label;
        this.hidden = hidden;
        this.output = output;
    }

    /** a = f(z) over the first n entries of z, in place; cols is the row width (softmax needs it). */
    public abstract void forward(float[] z, int n, int cols);

    /** d ← d ⊙ f'(z), given a = f(z): turns dL/da into dL/dz in place. */
    public abstract void backward(float[] a, float[] d, int n, int cols);

    /** Whether this may be used between layers (softmax may not: it couples the units of a row). */
    public boolean allowedHidden() { return hidden; }

    /** Whether this may be the output activation: softmax, sigmoid or linear. */
    public boolean allowedOutput() { return output; }

    public static float sigmoid(float z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    public static Activation parse(String s) {
        for (Activation a : values()) if (a.label.equalsIgnoreCase(s.trim())) return a;
        throw new IllegalArgumentException("unknown activation '" + s + "' (relu, sigmoid, tanh, linear, softmax)");
    }

    @Override public String toString() { return label; }
}
