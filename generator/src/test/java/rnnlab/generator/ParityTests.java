package rnnlab.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The parity check of the build: the committed {@code starter/} must be exactly what the
 * generator makes from {@code solution/}. Each failure lists every problem as
 * {@code file:line: what is wrong. Fix: what to do}.
 *
 * <p>The repository root comes from the system property {@code rnnlab.root}, which the
 * generator's pom sets. That the starter compiles and that exactly the expected visible tests
 * fail in it is checked by the starter module's own build, which runs after this one.
 */
@DisplayName("starter parity")
class ParityTests {

    private static ParityCheck check;

    @BeforeAll
    static void buildExpectedStarter() throws IOException {
        String root = System.getProperty("rnnlab.root");
        assertThat(root).as("system property rnnlab.root, set by generator/pom.xml").isNotNull();
        check = ParityCheck.of(Path.of(root).toAbsolutePath().normalize());
    }

    @Test
    @DisplayName("gap markers pair up, name known exercises and end their blocks")
    void markersAreValid() {
        assertNoProblems(check.markerProblems());
    }

    @Test
    @DisplayName("the committed starter is what the generator makes")
    void starterIsUpToDate() throws IOException {
        assertNoProblems(check.outdatedFiles());
    }

    @Test
    @DisplayName("no solution line from inside a gap appears in the starter")
    void noSolutionLeaks() throws IOException {
        assertNoProblems(check.leakedSolutionLines());
    }

    @Test
    @DisplayName("both trees declare the same types, fields and methods")
    void sameApi() throws IOException {
        assertNoProblems(check.apiDifferences());
    }

    @Test
    @DisplayName("every line of the starter's test baseline names an existing test")
    void baselineNamesExistingTests() throws IOException {
        assertNoProblems(check.staleBaselineEntries(Layout.TEST_BASELINES
                + "/rnn-lab-starter.txt"));
    }

    @Test
    @DisplayName("the exercises of the lab have gaps")
    void everyGradedExerciseHasAGap() {
        assertThat(check.expected().gapCounts().keySet()).as("exercises with gaps")
                .contains(Exercise.A, Exercise.B, Exercise.C, Exercise.D, Exercise.E,
                        Exercise.F, Exercise.H, Exercise.I, Exercise.J);
    }

    private static void assertNoProblems(List<Problem> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n" + problems.stream().map(Problem::toString)
                    .collect(Collectors.joining("\n")));
        }
    }
}
