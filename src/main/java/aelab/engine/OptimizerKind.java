package aelab.engine;

/** The optimizers on offer, each with its default learning rate (Keras's, momentum SGD's 0.01). */
public enum OptimizerKind {
    ADAM("adam", 0.001),
    SGD("sgd", 0.01),
    RMSPROP("rmsprop", 0.001);

    private final String label;
    private final double defaultLearningRate;

    OptimizerKind(String label, double defaultLearningRate) {
        this.label = label;
        this.defaultLearningRate = defaultLearningRate;
    }

    public double defaultLearningRate() { return defaultLearningRate; }

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
