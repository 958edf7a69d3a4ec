package rnnlab.grader;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one grading run found: an outcome per hidden test, the files that did not compile,
 * and the tamper flags.
 *
 * @param submission the folder graded, as given
 * @param outcomes one per hidden test, in manifest order
 * @param compileProblems files replaced by the starter's version or left out
 * @param flags tamper flags, such as "modified: pom.xml"
 * @param seconds the wall time of the whole run, compiling included
 */
public record GradeReport(String submission, List<TestOutcome> outcomes,
        List<CompileProblem> compileProblems, List<String> flags, double seconds) {

    /** Points and maximum of one exercise, with the first message of a failed test. */
    public record ExerciseScore(Exercise exercise, int points, int max, int passed, int total,
            String firstMessage) {

        /** Returns "pass" when every test passed, "fail" otherwise. */
        public String status() {
            return passed == total ? "pass" : "fail";
        }
    }

    /** Returns the score of each exercise that has tests, in letter order. */
    public List<ExerciseScore> exercises() {
        Map<Exercise, List<TestOutcome>> byExercise = new EnumMap<>(Exercise.class);
        for (TestOutcome outcome : outcomes) {
            byExercise.computeIfAbsent(outcome.test().exercise(), key -> new ArrayList<>())
                    .add(outcome);
        }
        List<ExerciseScore> scores = new ArrayList<>();
        for (Map.Entry<Exercise, List<TestOutcome>> entry : byExercise.entrySet()) {
            int points = 0;
            int max = 0;
            int passed = 0;
            String first = "";
            for (TestOutcome outcome : entry.getValue()) {
                points += outcome.points();
                max += outcome.test().points();
                if (outcome.status() == TestStatus.PASSED) {
                    passed++;
                } else if (first.isEmpty()) {
                    first = outcome.message();
                }
            }
            scores.add(new ExerciseScore(entry.getKey(), points, max, passed,
                    entry.getValue().size(), compileMessage(entry.getKey()).orElse(first)));
        }
        return scores;
    }

    /**
     * Returns why an exercise's file was not graded as written, when a file holding its gaps
     * did not compile: that explains its failures better than the starter's stub message.
     */
    private java.util.Optional<String> compileMessage(Exercise exercise) {
        for (CompileProblem problem : compileProblems) {
            if (problem.exercises().contains(exercise) && passedNone(exercise)) {
                String error = problem.errors().isEmpty() ? "" : ": " + problem.errors().get(0);
                return java.util.Optional.of(problem.file() + " did not compile" + error + " ("
                        + (problem.replacedByStarter() ? "graded with the starter's version"
                                : "left out") + ")");
            }
        }
        return java.util.Optional.empty();
    }

    private boolean passedNone(Exercise exercise) {
        return outcomes.stream().filter(o -> o.test().exercise() == exercise)
                .noneMatch(o -> o.status() == TestStatus.PASSED);
    }

    /** Returns the points earned, bonus included. */
    public int total() {
        return outcomes.stream().mapToInt(TestOutcome::points).sum();
    }

    /** Returns the maximum of the core exercises, 100 when all are present. */
    public int coreMax() {
        return outcomes.stream().filter(o -> !o.test().exercise().bonus())
                .mapToInt(o -> o.test().points()).sum();
    }

    /** Returns the bonus points available. */
    public int bonusMax() {
        return outcomes.stream().filter(o -> o.test().exercise().bonus())
                .mapToInt(o -> o.test().points()).sum();
    }
}
