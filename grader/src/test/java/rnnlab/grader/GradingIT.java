package rnnlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.grader.GradeReport.ExerciseScore;

/**
 * Runs the packaged grader, as an instructor would, on the two trees of this repository: the
 * solution must score full marks with every bonus, and the untouched starter must score the
 * baseline, zero on every exercise that has gaps.
 */
@DisplayName("grading the repository's own trees")
class GradingIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The packaged grader: the jar and its lib folder, never the build's class path. */
    private static Grader packagedGrader() throws IOException {
        Path jar = Path.of("target", "grader.jar").toAbsolutePath();
        List<String> classpath = new ArrayList<>();
        classpath.add(jar.toString());
        try (Stream<Path> lib = Files.list(jar.resolveSibling("lib"))) {
            lib.sorted().forEach(path -> classpath.add(path.toString()));
        }
        return new Grader(HiddenTests.load(), GradingLimits.DEFAULTS, classpath);
    }

    @Test
    @DisplayName("the solution scores full marks, bonus included")
    void solutionScoresFullMarks() throws Exception {
        GradeReport report = packagedGrader().grade(ROOT.resolve("solution"));

        List<String> failures = report.outcomes().stream()
                .filter(outcome -> outcome.status() != TestStatus.PASSED)
                .map(outcome -> outcome.test().reportName() + ": " + outcome.message())
                .toList();
        assertThat(failures).as("hidden tests the solution fails").isEmpty();
        assertThat(report.compileProblems()).as("files that did not compile").isEmpty();
        assertThat(report.total()).isEqualTo(report.coreMax() + report.bonusMax());
        System.out.printf("solution: %d / %d (+%d bonus) in %.1f s%n", report.total(),
                report.coreMax(), report.bonusMax(), report.seconds());
    }

    @Test
    @DisplayName("the starter scores zero on every exercise with gaps")
    void starterScoresBaseline() throws Exception {
        GradeReport report = packagedGrader().grade(ROOT.resolve("starter"));

        assertThat(report.compileProblems()).as("the starter compiles as it is").isEmpty();
        for (ExerciseScore score : report.exercises()) {
            assertThat(score.points()).as("points of exercise %s in the starter",
                    score.exercise().label()).isZero();
        }
        System.out.printf("starter: %d / %d in %.1f s%n", report.total(), report.coreMax(),
                report.seconds());
    }
}
