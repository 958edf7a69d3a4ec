package rnnlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.grader.fixtures.BehaviourFixtures;

@DisplayName("child supervisor")
class ChildSupervisorTests {

    /** Generous enough for 100 MB of output on a loaded 2-core machine. */
    private static final GradingLimits LIMITS = new GradingLimits(Duration.ofSeconds(15),
            Duration.ofSeconds(180), 256);

    private static List<String> classpath;

    @BeforeAll
    static void classpath() {
        classpath = Arrays.asList(System.getProperty("java.class.path").split(
                File.pathSeparator));
    }

    private static GradedTest fixture(String method) {
        return new GradedTest(BehaviourFixtures.class.getName(), method, method, Exercise.C, 2);
    }

    private static List<TestOutcome> run(Path work, String... methods) throws IOException {
        List<GradedTest> tests = new ArrayList<>();
        for (String method : methods) {
            tests.add(fixture(method));
        }
        return new ChildSupervisor(classpath, work, LIMITS).run(tests);
    }

    @Test
    @DisplayName("passing and failing tests keep their status, message and output")
    void ordinaryResults(@TempDir Path work) throws IOException {
        List<TestOutcome> outcomes = run(work, "passes", "fails", "throwsUnfinished");

        assertThat(outcomes.get(0).status()).as(outcomes.get(0).message()).isEqualTo(TestStatus.PASSED);
        assertThat(outcomes.get(0).output()).contains("hello from a passing test");
        assertThat(outcomes.get(0).points()).isEqualTo(2);
        assertThat(outcomes.get(1).status()).as(outcomes.get(1).message()).isEqualTo(TestStatus.FAILED);
        assertThat(outcomes.get(1).message()).startsWith("Exercise C (RNN forward pass): sum");
        assertThat(outcomes.get(1).points()).isZero();
        assertThat(outcomes.get(2).status()).as(outcomes.get(2).message()).isEqualTo(TestStatus.ERROR);
        assertThat(outcomes.get(2).message())
                .isEqualTo("Exercise C (RNN forward pass) is not implemented yet");
    }

    @Test
    @DisplayName("System.exit and Runtime.halt lose only their own test")
    void exitAndHalt(@TempDir Path work) throws IOException {
        List<TestOutcome> outcomes = run(work, "passes", "callsSystemExit", "passes2",
                "callsHalt", "fails");

        assertThat(outcomes.get(0).status()).as(outcomes.get(0).message()).isEqualTo(TestStatus.PASSED);
        assertThat(outcomes.get(1).status()).as(outcomes.get(1).message()).isEqualTo(TestStatus.ERROR);
        assertThat(outcomes.get(1).message()).contains("System.exit(3)");
        assertThat(outcomes.get(2).message()).as("a missing method is an error of its own")
                .isNotEmpty();
        assertThat(outcomes.get(3).status()).as(outcomes.get(3).message()).isEqualTo(TestStatus.ERROR);
        assertThat(outcomes.get(3).message()).contains("stopped abruptly with status 7");
        assertThat(outcomes.get(4).status()).as(outcomes.get(4).message()).isEqualTo(TestStatus.FAILED);
    }

    @Test
    @DisplayName("an endless loop times out and the next test still runs")
    void endlessLoop(@TempDir Path work) throws IOException {
        List<TestOutcome> outcomes = run(work, "loopsForever", "passes");

        assertThat(outcomes.get(0).status()).as(outcomes.get(0).message()).isEqualTo(TestStatus.ERROR);
        assertThat(outcomes.get(0).message()).contains("timed out after 15 s");
        assertThat(outcomes.get(1).status()).as(outcomes.get(1).message()).isEqualTo(TestStatus.PASSED);
    }

    @Test
    @DisplayName("running out of memory and a stack overflow lose only their own test")
    void memoryAndStack(@TempDir Path work) throws IOException {
        List<TestOutcome> outcomes = run(work, "exhaustsMemory", "overflowsStack", "passes");

        assertThat(outcomes.get(0).status()).as(outcomes.get(0).message()).isEqualTo(TestStatus.ERROR);
        assertThat(outcomes.get(0).message()).contains("ran out of memory");
        assertThat(outcomes.get(1).status()).as(outcomes.get(1).message()).isEqualTo(TestStatus.ERROR);
        assertThat(outcomes.get(1).message()).contains("StackOverflowError");
        assertThat(outcomes.get(2).status()).as(outcomes.get(2).message()).isEqualTo(TestStatus.PASSED);
    }

    @Test
    @DisplayName("100 MB of output is capped and runaway threads do not hang the run")
    void floodAndThreads(@TempDir Path work) throws IOException {
        List<TestOutcome> outcomes = run(work, "floodsOutput", "startsThreads", "passes");

        assertThat(outcomes.get(0).status()).as(outcomes.get(0).message()).isEqualTo(TestStatus.PASSED);
        assertThat(outcomes.get(0).output().length()).isLessThan(5000);
        assertThat(outcomes.get(0).output()).contains("[output cut: ");
        assertThat(outcomes.get(1).status()).as(outcomes.get(1).message()).isEqualTo(TestStatus.PASSED);
        assertThat(outcomes.get(2).status()).as(outcomes.get(2).message()).isEqualTo(TestStatus.PASSED);
    }

    @Test
    @DisplayName("events forged by the submission are ignored")
    void forgedEvents(@TempDir Path work) throws IOException {
        List<TestOutcome> outcomes = run(work, "forgesResults", "fails");

        assertThat(outcomes.get(0).status()).as(outcomes.get(0).message())
                .isEqualTo(TestStatus.FAILED);
        assertThat(outcomes.get(1).status()).as("the test the forged line claimed passed")
                .isEqualTo(TestStatus.FAILED);
    }
}
