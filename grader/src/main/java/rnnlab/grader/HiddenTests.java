package rnnlab.grader;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The list of hidden tests, read from the manifest that the build writes next to the compiled
 * tests ({@link HiddenTestManifest}). Reading a manifest, rather than the classes, keeps the
 * grading process from loading any test class, which refers to submission classes.
 */
public final class HiddenTests {

    /** The manifest's location on the class path. */
    public static final String MANIFEST = "rnnlab/grader/hidden-tests.json";

    private HiddenTests() {
    }

    /**
     * Reads the manifest.
     *
     * @throws IllegalStateException if the grader was built without it
     */
    public static List<GradedTest> load() {
        try (InputStream in = HiddenTests.class.getClassLoader().getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException("hidden test manifest " + MANIFEST + " is missing"
                        + " from the grader; rebuild it with ./mvnw -q -pl grader package");
            }
            List<Map<String, Object>> rows = new ObjectMapper().readValue(in,
                    new TypeReference<List<Map<String, Object>>>() { });
            List<GradedTest> tests = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                tests.add(new GradedTest((String) row.get("className"),
                        (String) row.get("methodName"), (String) row.get("displayName"),
                        Exercise.of((String) row.get("exercise")),
                        ((Number) row.get("points")).intValue()));
            }
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + MANIFEST, e);
        }
    }
}
