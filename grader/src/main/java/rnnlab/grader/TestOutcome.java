package rnnlab.grader;

/**
 * The result of one hidden test.
 *
 * @param test the test
 * @param status passed, failed or error
 * @param message the first line of the failure, or empty when passed
 * @param output what the submission printed during the test, capped
 * @param seconds the wall time of the test
 */
public record TestOutcome(GradedTest test, TestStatus status, String message, String output,
        double seconds) {

    /** Returns the points earned: all of the test's points when it passed, otherwise none. */
    public int points() {
        return status == TestStatus.PASSED ? test.points() : 0;
    }
}
