package aelab.engine;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The hyper-parameters {@link #create} uses besides the learning rate, under Keras's argument names. */
    public Map<String, Double> hyperParameters() {
        Map<String, Double> h = new LinkedHashMap<>();
        switch (this) {
            case ADAM -> {
                h.put("beta_1", Adam.BETA_1);
                h.put("beta_2", Adam.BETA_2);
                h.put("epsilon", Adam.EPSILON);
            }
            case SGD -> h.put("momentum", Sgd.MOMENTUM);
            case RMSPROP -> {
                h.put("rho", RmsProp.RHO);
                h.put("epsilon", RmsProp.EPSILON);
            }
        }
        return h;
    }

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
