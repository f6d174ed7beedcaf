package aelab.io;

import java.nio.file.Path;

/**
 * An experiment file that cannot be opened. The message is one line, {@code "<file>: <problem>"}, where
 * the problem says what is wrong and what to do, so the UI and the command line can show it as it is.
 */
public class ExperimentFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public ExperimentFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public ExperimentFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() { return file; }

    /** What is wrong and what to do, without the file name. */
    public String problem() { return problem; }
}
