package rnnlab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import rnnlab.grader.GradeReport.ExerciseScore;

/**
 * Grades three catalogues of edited solutions with the packaged grader and checks each case on
 * its own: a wrong implementation loses points in its exercise and nowhere else, a right one
 * written another way scores full marks, and a hostile one still gets a report that costs only
 * the exercises it breaks. Each case is one submission, graded two at a time.
 *
 * <p>A summary of every case is written to target/catalogue/*.tsv for the results page, and a
 * line per graded case is printed as the run goes. The catalogues take most of the build's
 * time (10 to 18 minutes on two cores); {@code -Drnnlab.quick=true} skips them.
 */
@DisplayName("grading catalogues of edited solutions")
@DisabledIfSystemProperty(named = "rnnlab.quick", matches = "true",
        disabledReason = "skipped with -Drnnlab.quick=true")
class CatalogueIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SOLUTION_SOURCES = ROOT.resolve("solution/src/main/java");
    private static final Path CATALOGUE = Path.of("src/test/resources/catalogue");
    private static final Path SUMMARY = Path.of("target", "catalogue");
    private static final int PARALLEL_SUBMISSIONS = 2;
    private static final String CASE_FILTER = "rnnlab.catalogue.cases";

    /**
     * 20 s per test and 4 minutes per submission, half the defaults, so the endless loops end
     * sooner. At 8 s per test the GRU's training test timed out while two submissions shared
     * two cores.
     */
    private static final GradingLimits HOSTILE_LIMITS = new GradingLimits(Duration.ofSeconds(20),
            Duration.ofMinutes(4), 1024);

    /** Hostile side effects, by case name: the file that the case tries to write. */
    private static final Map<String, Path> ESCAPES = Map.of(
            "write-outside-work-folder", Path.of(System.getProperty("java.io.tmpdir"),
                    "rnnlab-hostile-write.txt"),
            "read-grader-files", Path.of(System.getProperty("java.io.tmpdir"),
                    "rnnlab-hostile-read.class"));

    private static Grader packagedGrader(GradingLimits limits) throws IOException {
        Path jar = Path.of("target", "grader.jar").toAbsolutePath();
        List<String> classpath = new ArrayList<>();
        classpath.add(jar.toString());
        try (Stream<Path> lib = Files.list(jar.resolveSibling("lib"))) {
            lib.sorted().forEach(path -> classpath.add(path.toString()));
        }
        return new Grader(HiddenTests.load(), limits, classpath);
    }

    /**
     * Reads one catalogue folder. With {@code -Drnnlab.catalogue.cases=REGEX} only the cases
     * whose names match are kept, and the size checks are skipped.
     */
    private static List<CatalogueCase> readCases(String catalogue) throws IOException {
        List<CatalogueCase> cases = CatalogueCase.readFolder(CATALOGUE.resolve(catalogue));
        String pattern = System.getProperty(CASE_FILTER, "");
        if (pattern.isEmpty()) {
            return cases;
        }
        return cases.stream().filter(entry -> entry.name().matches(pattern)).toList();
    }

    private static boolean filtered() {
        return !System.getProperty(CASE_FILTER, "").isEmpty();
    }

    /** Grades every case in its own copy of the solution, two submissions at a time. */
    private static Map<CatalogueCase, GradeReport> gradeAll(String catalogue,
            List<CatalogueCase> cases, GradingLimits limits) throws Exception {
        Grader grader = packagedGrader(limits);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_SUBMISSIONS);
        AtomicInteger done = new AtomicInteger();
        try {
            Map<CatalogueCase, Future<GradeReport>> pending = new LinkedHashMap<>();
            for (CatalogueCase entry : cases) {
                pending.put(entry, pool.submit(() -> {
                    GradeReport report = gradeOne(grader, entry);
                    String lost = lostExercises(report);
                    System.out.printf("catalogue %s %d/%d %s: %d points, lost %s, %.0f s%n",
                            catalogue, done.incrementAndGet(), cases.size(), entry.name(),
                            report.total(), lost.isEmpty() ? "nothing" : lost,
                            report.seconds());
                    return report;
                }));
            }
            Map<CatalogueCase, GradeReport> reports = new LinkedHashMap<>();
            for (Map.Entry<CatalogueCase, Future<GradeReport>> entry : pending.entrySet()) {
                reports.put(entry.getKey(), entry.getValue().get());
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    private static GradeReport gradeOne(Grader grader, CatalogueCase entry) throws Exception {
        Path copy = Files.createTempDirectory("rnnlab-catalogue-" + entry.name() + "-");
        try {
            return grader.grade(entry.applyTo(SOLUTION_SOURCES, copy));
        } finally {
            SubmissionCompiler.deleteTree(copy);
        }
    }

    private static Map<Exercise, ExerciseScore> byExercise(GradeReport report) {
        Map<Exercise, ExerciseScore> scores = new EnumMap<>(Exercise.class);
        for (ExerciseScore score : report.exercises()) {
            scores.put(score.exercise(), score);
        }
        return scores;
    }

    /** Returns the exercises that lost points, such as "D F". */
    private static String lostExercises(GradeReport report) {
        List<String> lost = new ArrayList<>();
        for (ExerciseScore score : report.exercises()) {
            if (score.points() < score.max()) {
                lost.add(score.exercise().name());
            }
        }
        return String.join(" ", lost);
    }

    /** Writes one line per case: name, target, exercises that lost points, total, seconds. */
    private static void writeSummary(String catalogue, Map<CatalogueCase, GradeReport> reports,
            Map<String, String> notes) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("case\ttarget\tlost\ttotal\tseconds\tnote");
        for (Map.Entry<CatalogueCase, GradeReport> entry : reports.entrySet()) {
            CatalogueCase item = entry.getKey();
            GradeReport report = entry.getValue();
            lines.add(String.join("\t", item.name(),
                    item.exercise() == null ? "none" : item.exercise().name(),
                    lostExercises(report), Integer.toString(report.total()),
                    String.format("%.1f", report.seconds()),
                    notes.getOrDefault(item.name(), "")));
        }
        Files.createDirectories(SUMMARY);
        // A filtered run keeps the full run's files, which the results page is made from.
        String file = (filtered() ? "filtered-" : "") + catalogue + ".tsv";
        Files.write(SUMMARY.resolve(file), lines, StandardCharsets.UTF_8);
    }

    private static DynamicTest losesOnlyAllowedPoints(CatalogueCase item, GradeReport report) {
        return DynamicTest.dynamicTest(item.name() + ": " + item.description(), () -> {
            Map<Exercise, ExerciseScore> scores = byExercise(report);
            assertThat(report.outcomes()).as("outcomes in the report of %s", item.name())
                    .hasSize(HiddenTests.load().size());
            if (item.exercise() != null) {
                ExerciseScore target = scores.get(item.exercise());
                assertThat(target.points()).as("points of %s, the exercise %s targets",
                        item.exercise().label(), item.name()).isLessThan(target.max());
            }
            for (ExerciseScore score : scores.values()) {
                if (score.exercise() == item.exercise() || item.also().contains(
                        score.exercise())) {
                    continue;
                }
                assertThat(score.points()).as("points of %s, which %s should not affect (%s)",
                        score.exercise().label(), item.name(), score.firstMessage())
                        .isEqualTo(score.max());
            }
        });
    }

    @TestFactory
    @DisplayName("each wrong implementation loses points in its own exercise only")
    Stream<DynamicTest> wrongImplementations() throws Exception {
        List<CatalogueCase> cases = readCases("wrong");
        Map<CatalogueCase, GradeReport> reports = gradeAll("wrong", cases,
                GradingLimits.DEFAULTS);
        writeSummary("wrong", reports, Map.of());

        if (!filtered()) {
            assertThat(cases).as("wrong implementations in the catalogue").hasSizeGreaterThan(40);
        }
        return reports.entrySet().stream()
                .map(entry -> losesOnlyAllowedPoints(entry.getKey(), entry.getValue()));
    }

    @TestFactory
    @DisplayName("each right implementation written another way scores full marks")
    Stream<DynamicTest> rightImplementations() throws Exception {
        List<CatalogueCase> cases = readCases("right");
        Map<CatalogueCase, GradeReport> reports = gradeAll("right", cases,
                GradingLimits.DEFAULTS);
        writeSummary("right", reports, Map.of());

        if (!filtered()) {
            assertThat(cases).as("right implementations in the catalogue").hasSizeGreaterThan(10);
        }
        return reports.entrySet().stream().map(entry -> DynamicTest.dynamicTest(
                entry.getKey().name() + ": " + entry.getKey().description(), () -> {
                    GradeReport report = entry.getValue();
                    List<String> failures = report.outcomes().stream()
                            .filter(outcome -> outcome.status() != TestStatus.PASSED)
                            .map(outcome -> outcome.test().reportName() + ": "
                                    + outcome.message())
                            .toList();
                    assertThat(failures).as("hidden tests %s fails", entry.getKey().name())
                            .isEmpty();
                    assertThat(report.total()).isEqualTo(report.coreMax() + report.bonusMax());
                }));
    }

    @TestFactory
    @DisplayName("each hostile submission gets a report and loses only what it breaks")
    Stream<DynamicTest> hostileSubmissions() throws Exception {
        for (Path escape : ESCAPES.values()) {
            Files.deleteIfExists(escape);
        }
        List<CatalogueCase> cases = readCases("hostile");
        Map<CatalogueCase, GradeReport> reports = gradeAll("hostile", cases, HOSTILE_LIMITS);

        // NOTE: the child JVM runs without a sandbox, so these writes succeed; the notes
        // record it rather than the test failing on it.
        Map<String, String> notes = new LinkedHashMap<>();
        for (Map.Entry<String, Path> escape : ESCAPES.entrySet()) {
            if (cases.stream().noneMatch(entry -> entry.name().equals(escape.getKey()))) {
                continue;
            }
            boolean written = Files.exists(escape.getValue());
            notes.put(escape.getKey(), (written ? "wrote " : "did not write ")
                    + escape.getValue());
            Files.deleteIfExists(escape.getValue());
        }
        writeSummary("hostile", reports, notes);
        notes.forEach((name, note) -> System.out.println("hostile " + name + ": " + note));

        return reports.entrySet().stream()
                .map(entry -> losesOnlyAllowedPoints(entry.getKey(), entry.getValue()));
    }
}
