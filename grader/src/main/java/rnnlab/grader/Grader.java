package rnnlab.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades one submission: finds and compiles its sources, runs the hidden tests in child JVMs,
 * and checks the protected files. Each submission works in a temporary folder of its own, which
 * is deleted afterwards.
 */
public final class Grader {

    private final List<GradedTest> tests;
    private final GradingLimits limits;
    private final List<String> classpath;

    public Grader(List<GradedTest> tests, GradingLimits limits, List<String> classpath) {
        this.tests = List.copyOf(tests);
        this.limits = limits;
        this.classpath = List.copyOf(classpath);
    }

    /** Creates a grader with the hidden tests and class path of this installation. */
    public static Grader installed(GradingLimits limits) {
        return new Grader(HiddenTests.load(), limits, GraderClasspath.entries());
    }

    /** Deletes a work folder; a file the submission locked or protected is left behind. */
    private static void deleteQuietly(Path work) {
        try {
            SubmissionCompiler.deleteTree(work);
        } catch (IOException | RuntimeException leftBehind) {
            System.err.println("grader: could not delete the work folder " + work + ": "
                    + leftBehind.getMessage());
        }
    }

    /**
     * Grades a submission folder.
     *
     * @throws BadInputException if the folder has no gradable sources
     */
    public GradeReport grade(Path submissionRoot) throws BadInputException, IOException {
        long start = System.nanoTime();
        Submission submission = Submission.locate(submissionRoot);
        List<String> flags = TamperCheck.flags(submissionRoot);
        Path work = Files.createTempDirectory("rnnlab-grading-");
        try {
            SubmissionCompiler.Result compiled = new SubmissionCompiler(classpath)
                    .compile(submission, work);
            Path run = Files.createDirectories(work.resolve("run"));
            // The grader and its libraries come first, so a submission class named like one of
            // theirs (a hidden test, the child runner, JUnit) can never take its place.
            List<String> childClasspath = new ArrayList<>(classpath);
            childClasspath.add(compiled.classes().toString());
            List<TestOutcome> outcomes = new ChildSupervisor(childClasspath, run, limits)
                    .run(tests);
            return new GradeReport(submissionRoot.toString(), outcomes, compiled.problems(),
                    flags, (System.nanoTime() - start) / 1e9);
        } finally {
            deleteQuietly(work);
        }
    }
}
