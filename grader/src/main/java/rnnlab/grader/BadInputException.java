package rnnlab.grader;

/**
 * Raised for input the grader cannot grade at all: a missing folder, no sources, unreadable
 * files. The message is one line that names the path and the fix.
 */
public final class BadInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
