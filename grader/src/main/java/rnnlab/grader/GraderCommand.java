package rnnlab.grader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rnnlab.grader.report.ConsoleReport;
import rnnlab.grader.report.ReportWriter;

/**
 * The grading program: {@code java -jar grader.jar SUBMISSION --out DIR} grades one submission,
 * {@code java -jar grader.jar --batch CLASS_DIR --out DIR} a whole class.
 *
 * <p>Exit status 0 whenever the reports were written, whatever the score; 2 on bad input (a
 * missing folder, no sources) with one line that names the path.
 */
@Command(name = "grader", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Grades RNN lab submissions with the hidden tests.")
public final class GraderCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SUBMISSION",
            description = "A student's repository root, or a starter/ folder.")
    Path submission;

    @Option(names = "--batch", paramLabel = "CLASS_DIR",
            description = "Grade every folder inside CLASS_DIR instead of one submission.")
    Path batch;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the reports (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("grading-report");

    @Option(names = "--jobs", paramLabel = "N",
            description = "Submissions graded at once in batch mode (default: the number of"
                    + " cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--test-timeout", paramLabel = "SECONDS",
            description = "Time one hidden test may take (default: ${DEFAULT-VALUE}).")
    long testTimeout = GradingLimits.DEFAULTS.perTest().toSeconds();

    @Option(names = "--total-timeout", paramLabel = "SECONDS",
            description = "Time all tests of one submission may take (default:"
                    + " ${DEFAULT-VALUE}).")
    long totalTimeout = GradingLimits.DEFAULTS.total().toSeconds();

    @Option(names = "--memory", paramLabel = "MB",
            description = "Heap limit of the test process (default: ${DEFAULT-VALUE}).")
    int memory = GradingLimits.DEFAULTS.memoryMegabytes();

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Builds the command line with one-line errors for invalid options. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new GraderCommand());
        commandLine.setParameterExceptionHandler((error, args) -> {
            PrintWriter err = error.getCommandLine().getErr();
            err.println("grader: " + error.getMessage() + " (run with --help for the options)");
            err.flush();
            return 2;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((submission == null) == (batch == null)) {
            err.println("grader: give either a SUBMISSION folder or --batch CLASS_DIR (run with"
                    + " --help for the options)");
            err.flush();
            return 2;
        }
        if (testTimeout < 1 || totalTimeout < 1 || memory < 64 || jobs < 1) {
            err.println("grader: --test-timeout and --total-timeout must be at least 1,"
                    + " --memory at least 64 and --jobs at least 1");
            err.flush();
            return 2;
        }
        if (java.nio.file.Files.exists(out) && !java.nio.file.Files.isDirectory(out)) {
            err.println("grader: --out must be a folder but " + out + " is a file; choose"
                    + " another folder");
            err.flush();
            return 2;
        }
        GradingLimits limits = new GradingLimits(Duration.ofSeconds(testTimeout),
                Duration.ofSeconds(totalTimeout), memory);
        Grader grader = Grader.installed(limits);
        try {
            if (batch != null) {
                List<BatchGrader.Row> rows = new BatchGrader(grader, jobs).gradeAll(batch, out,
                        console);
                console.println("Wrote " + out.resolve("gradebook.csv") + " (" + rows.size()
                        + " submissions)");
            } else {
                GradeReport report = grader.grade(submission);
                ReportWriter.write(report, out, System.getenv("GITHUB_OUTPUT"));
                console.print(ConsoleReport.text(report));
                console.println("Reports in " + out.toAbsolutePath());
            }
            console.flush();
            return 0;
        } catch (BadInputException bad) {
            err.println("grader: " + bad.getMessage());
            err.flush();
            return 2;
        }
    }
}
