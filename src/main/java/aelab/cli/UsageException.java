package aelab.cli;

/** A bad command-line option or value: the message says which and why; the caller prints usage. */
public final class UsageException extends Exception {
    public UsageException(String message) { super(message); }
}
