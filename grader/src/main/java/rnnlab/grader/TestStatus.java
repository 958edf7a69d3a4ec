package rnnlab.grader;

/** The outcome of one hidden test. */
public enum TestStatus {
    /** The test passed and earns its points. */
    PASSED,
    /** An assertion failed: the submission computed something wrong. */
    FAILED,
    /**
     * The test could not finish: an exception, a timeout, System.exit, a crash, or an
     * unfinished exercise.
     */
    ERROR
}
