package aelab.io;

/** Text that is not valid JSON, or valid JSON that is not what was expected; the message says where. */
public class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) { super(message); }
}
