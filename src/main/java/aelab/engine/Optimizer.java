package aelab.engine;

/**
 * Updates parameter arrays from their gradients. State (moments, velocities) is kept per array,
 * indexed like the model's parameter list. A step may be split into ranges run on different threads:
 * {@link #beginStep()} once, then {@link #update} over disjoint ranges that together cover every array.
 */
public interface Optimizer {
    /** Advances the step counter t; called once per mini-batch before any update. */
    void beginStep();

    /** Updates p[from, to) of parameter array number k from its gradient g. */
    void update(int k, float[] p, float[] g, int from, int to);

    /** The optimizer's state arrays, for saving and restoring (same order every time). */
    float[][] state();

    /** Steps taken so far (Adam's t). */
    long steps();

    void setSteps(long t);

    /**
     * Whether every state value is finite. Adam's v can overflow to Infinity while the loss stays finite
     * (m / (√v + ε) is then 0), so a finite loss alone does not show that a run is sound.
     */
    default boolean isFinite() {
        for (float[] s : state()) for (float v : s) if (!Float.isFinite(v)) return false;
        return true;
    }

    /** Copies state and step count from another optimizer of the same kind and shapes. */
    default void copyFrom(Optimizer other) {
        float[][] mine = state(), theirs = other.state();
        for (int i = 0; i < mine.length; i++) System.arraycopy(theirs[i], 0, mine[i], 0, mine[i].length);
        setSteps(other.steps());
    }
}
