package aelab.engine;

/**
 * Whether the training should leave one core to someone else just now: {@link WorkerPool} asks before
 * every run of its tasks, and wakes one worker fewer while the answer is yes. The numbers trained are
 * the same either way (see WorkerPool). Whoever starts a training hands it one; a window lends with a
 * {@link CoreLoan} while it draws, everything else passes {@link #NONE}.
 */
@FunctionalInterface
public interface CoreLending {
    /** Never lends: the command line, benchmarks and tests train on every core. */
    CoreLending NONE = () -> false;

    /** Whether a core is lent now. Called from the calling thread of the pool, often: keep it cheap. */
    boolean isLent();
}
