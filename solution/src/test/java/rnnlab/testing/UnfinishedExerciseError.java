package rnnlab.testing;

/**
 * A test failure that only names the exercise the test reached unfinished, such as "Exercise C
 * (RNN forward pass) is not implemented yet". It has no stack trace, because the exercise's
 * name says where to look.
 */
public final class UnfinishedExerciseError extends AssertionError {

    private static final long serialVersionUID = 1L;

    UnfinishedExerciseError(String stubMessage) {
        super(stubMessage, null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
