package rnnlab.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import rnnlab.grader.Exercise;
import rnnlab.grader.GradeReport;
import rnnlab.grader.TestOutcome;
import rnnlab.grader.TestStatus;

/**
 * Gradescope's {@code results.json}: a total {@code score}, and per test {@code score},
 * {@code max_score}, {@code name}, {@code number}, {@code output} and {@code visibility}.
 */
public final class GradescopeReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GradescopeReport() {
    }

    /** Returns the JSON tree; test numbers are the exercise letter and a count, like "C.2". */
    public static ObjectNode json(GradeReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", report.total());
        root.put("execution_time", Math.round(report.seconds()));
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        StringBuilder summary = new StringBuilder();
        report.compileProblems().forEach(problem -> summary.append("Did not compile: ")
                .append(problem.file()).append('\n'));
        report.flags().forEach(flag -> summary.append("Protected file ").append(flag)
                .append('\n'));
        root.put("output", summary.toString());
        ArrayNode tests = root.putArray("tests");
        Map<Exercise, Integer> counts = new EnumMap<>(Exercise.class);
        for (TestOutcome outcome : report.outcomes()) {
            Exercise exercise = outcome.test().exercise();
            int number = counts.merge(exercise, 1, Integer::sum);
            ObjectNode test = tests.addObject();
            test.put("score", outcome.points());
            test.put("max_score", outcome.test().points());
            test.put("name", outcome.test().reportName());
            test.put("number", exercise.name() + "." + number);
            test.put("output", outcome.status() == TestStatus.PASSED ? ""
                    : outcome.message() + (outcome.output().isEmpty() ? ""
                            : "\n--- output ---\n" + outcome.output()));
            test.put("visibility", "visible");
        }
        return root;
    }
}
