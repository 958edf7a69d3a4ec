package rnnlab.grader;

/**
 * One hidden test method with its points.
 *
 * @param className the test class, fully qualified
 * @param methodName the test method
 * @param displayName the name students see
 * @param exercise the exercise it grades
 * @param points the points it is worth
 */
public record GradedTest(String className, String methodName, String displayName,
        Exercise exercise, int points) {

    /** Returns the key that identifies the test in results: {@code class#method}. */
    public String key() {
        return className + "#" + methodName;
    }

    /** Returns the name used in reports: the exercise letter and the display name. */
    public String reportName() {
        return exercise.name() + ": " + displayName;
    }
}
