package aelab.data;

/**
 * A dataset file that cannot be used. The message is one line, {@code "<source>: <problem>"},
 * where the problem says what is wrong and what to do, so the UI can show it as it is.
 */
public class DatasetException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    /** @param source the file or folder at fault, as the user would recognise it */
    public DatasetException(String source, String problem) {
        this(source, problem, null);
    }

    public DatasetException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file or folder at fault. */
    public String source() {
        return source;
    }

    /** What is wrong and what to do, without the source. */
    public String problem() {
        return problem;
    }
}
