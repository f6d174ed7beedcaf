package aelab.engine;

/** How a run ended, with a plain-language message. */
public record RunOutcome(Status status, String message, int epochsCompleted, long steps) {
    public enum Status { FINISHED, STOPPED, DIVERGED, FAILED }
}
