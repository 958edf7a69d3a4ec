package rnnlab.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("parity check")
class ParityCheckTests {

    private static final String FORWARD = """
            package demo;

            public final class Forward {

                public static double step(double x, double h) {
                    // BEGIN EXERCISE C: h_t = tanh(x + h)
                    double a = x + h;
                    return Math.tanh(a);
                    // END EXERCISE C
                }
            }
            """;

    private static final String STARTER_FORWARD = "starter/src/main/java/demo/Forward.java";

    private static TestRepository repository(Path folder) {
        return new TestRepository(folder).write("solution/src/main/java/demo/Forward.java",
                FORWARD).generate();
    }

    @Test
    @DisplayName("a freshly generated starter has no problems")
    void fresh(@TempDir Path folder) throws IOException {
        ParityCheck check = ParityCheck.of(repository(folder).root());

        assertThat(check.markerProblems()).isEmpty();
        assertThat(check.outdatedFiles()).isEmpty();
        assertThat(check.leakedSolutionLines()).isEmpty();
        assertThat(check.apiDifferences()).isEmpty();
    }

    @Test
    @DisplayName("an edited starter file is reported at its first changed line")
    void editedStarter(@TempDir Path folder) throws IOException {
        TestRepository repository = repository(folder);
        repository.write(STARTER_FORWARD, repository.read(STARTER_FORWARD)
                .replace("public final class", "public class"));

        List<Problem> problems = ParityCheck.of(folder).outdatedFiles();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo(STARTER_FORWARD);
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(0).fix()).contains(Problem.REGENERATE);
    }

    @Test
    @DisplayName("missing and extra starter files are reported")
    void missingAndExtra(@TempDir Path folder) throws IOException {
        repository(folder).write("starter/Notes.txt", "mine\n")
                .write("solution/src/main/java/demo/Added.java", "package demo;\nclass Added {}\n");

        List<Problem> problems = ParityCheck.of(folder).outdatedFiles();

        assertThat(problems).extracting(Problem::file).containsExactlyInAnyOrder(
                "starter/src/main/java/demo/Added.java", "starter/Notes.txt");
    }

    @Test
    @DisplayName("a solution line from a gap that shows in the starter is a leak")
    void leak(@TempDir Path folder) throws IOException {
        TestRepository repository = repository(folder);
        repository.write(STARTER_FORWARD, repository.read(STARTER_FORWARD)
                .replace("        throw new", "        double a = x + h;\n        throw new"));

        List<Problem> problems = ParityCheck.of(folder).leakedSolutionLines();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo(STARTER_FORWARD);
        assertThat(problems.get(0).message()).contains("`double a = x + h;`",
                "solution/src/main/java/demo/Forward.java:7");
    }

    @Test
    @DisplayName("a changed signature is reported in both trees")
    void changedSignature(@TempDir Path folder) throws IOException {
        TestRepository repository = repository(folder);
        repository.write(STARTER_FORWARD, repository.read(STARTER_FORWARD)
                .replace("double step(double x, double h)", "double step(double x, float h)"));

        List<Problem> problems = ParityCheck.of(folder).apiDifferences();

        assertThat(problems).extracting(Problem::toString).containsExactlyInAnyOrder(
                "solution/src/main/java/demo/Forward.java:5: declares `demo.Forward: public"
                        + " static double step(double, double)`, which the starter does not."
                        + " Fix: the starter must declare exactly what the solution declares:"
                        + " change the declaration in the solution only, then run "
                        + Problem.REGENERATE,
                STARTER_FORWARD + ":5: declares `demo.Forward: public static double"
                        + " step(double, float)`, which the solution does not. Fix: the"
                        + " starter must declare exactly what the solution declares: change"
                        + " the declaration in the solution only, then run "
                        + Problem.REGENERATE);
    }

    @Test
    @DisplayName("baseline lines must name existing tests")
    void baseline(@TempDir Path folder) throws IOException {
        repository(folder).write("solution/src/test/java/demo/ForwardTests.java", """
                package demo;

                class ForwardTests {
                    class Step {
                        void zero() {
                        }
                    }
                }
                """).generate().write("generator/test-baselines/rnn-lab-starter.txt", """
                # comment
                C demo.ForwardTests$Step#zero
                C demo.ForwardTests
                C demo.ForwardTests$Step#gone
                lowercase demo.ForwardTests
                """);

        List<Problem> problems = ParityCheck.of(folder).staleBaselineEntries(
                "generator/test-baselines/rnn-lab-starter.txt");

        assertThat(problems).extracting(Problem::line).containsExactly(4, 5);
        assertThat(problems.get(0).message()).contains("demo.ForwardTests$Step#gone");
        assertThat(problems.get(1).message()).startsWith("malformed entry");
    }
}
