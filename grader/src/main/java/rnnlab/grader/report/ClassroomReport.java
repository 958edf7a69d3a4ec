package rnnlab.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import rnnlab.grader.GradeReport;
import rnnlab.grader.TestOutcome;
import rnnlab.grader.TestStatus;

/**
 * The result that the {@code classroom-resources/autograding-grading-reporter} action reads:
 * JSON with {@code version}, {@code status}, {@code max_score} and {@code tests}, passed to it
 * base64-encoded in an environment variable named after the grading step. The reporter adds the
 * tests' {@code score} fields and shows "Points total/max_score".
 */
public final class ClassroomReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassroomReport() {
    }

    /**
     * Returns the JSON tree. Bonus tests add to the scores but not to {@code max_score}, and
     * only the core tests decide {@code status}, so skipping an optional exercise never turns
     * the run red.
     */
    public static ObjectNode json(GradeReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        boolean corePassed = report.outcomes().stream()
                .filter(o -> !o.test().exercise().bonus())
                .allMatch(o -> o.status() == TestStatus.PASSED);
        root.put("status", corePassed ? "pass" : "fail");
        root.put("max_score", report.coreMax());
        ArrayNode tests = root.putArray("tests");
        for (TestOutcome outcome : report.outcomes()) {
            ObjectNode test = tests.addObject();
            test.put("name", outcome.test().reportName());
            test.put("status", switch (outcome.status()) {
                case PASSED -> "pass";
                case FAILED -> "fail";
                case ERROR -> "error";
            });
            test.put("score", outcome.points());
            test.put("message", outcome.message());
            test.put("line_no", 0);
            test.put("execution_time", String.format("%.2fs", outcome.seconds()));
        }
        return root;
    }

    /** Returns the JSON, base64-encoded, as the step output {@code result}. */
    public static String base64(GradeReport report) {
        return Base64.getEncoder().encodeToString(json(report).toString()
                .getBytes(StandardCharsets.UTF_8));
    }
}
