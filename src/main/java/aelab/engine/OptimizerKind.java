package aelab.engine;

/** The optimizers on offer, each with its default learning rate (Keras's, momentum SGD's 0.01). */
public enum OptimizerKind {
    ADAM("adam", 0.001, 2),
    SGD("sgd", 0.01, 1),
    RMSPROP("rmsprop", 0.001, 1);

    private final String label;
    private final double defaultLearningRate;
    private final int stateArrays;

    OptimizerKind(String label, double defaultLearningRate, int stateArrays) {
        this.label = label;
        this.defaultLearningRate = defaultLearningRate;
        this.stateArrays = stateArrays;
    }

    public double defaultLearningRate() { return defaultLearningRate; }

    /** State arrays kept per parameter array: Adam's m and v, SGD's velocity, RMSprop's v. */
    public int stateArrays() { return stateArrays; }

    public Optimizer create(int[] sizes, double lr) {
        return switch (this) {
            case ADAM -> new Adam(sizes, lr);
            case SGD -> new Sgd(sizes, lr);
            case RMSPROP -> new RmsProp(sizes, lr);
        };
    }

    public static OptimizerKind parse(String s) {
        for (OptimizerKind k : values()) if (k.label.equalsIgnoreCase(s.trim())) return k;
        throw new IllegalArgumentException("unknown optimizer '" + s + "' (adam, sgd, rmsprop)");
    }

    @Override public String toString() { return label; }
}
