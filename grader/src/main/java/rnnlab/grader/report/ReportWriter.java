package rnnlab.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import rnnlab.grader.GradeReport;

/** Writes every report of one grading run into an output folder. */
public final class ReportWriter {

    /** The reporter action's result file. */
    public static final String CLASSROOM_FILE = "autograding-result.json";
    /** Gradescope's file name. */
    public static final String GRADESCOPE_FILE = "results.json";
    /** The Markdown summary. */
    public static final String SUMMARY_FILE = "summary.md";
    /** The JUnit XML file. */
    public static final String JUNIT_FILE = "junit-hidden-tests.xml";
    /** The console table, as text. */
    public static final String CONSOLE_FILE = "report.txt";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /**
     * Writes the five reports, and, when {@code GITHUB_OUTPUT} is set, the reporter's base64
     * result as the step output {@code result}.
     *
     * @return the files written
     */
    public static List<Path> write(GradeReport report, Path folder, String githubOutput)
            throws IOException {
        Files.createDirectories(folder);
        Path console = folder.resolve(CONSOLE_FILE);
        Files.writeString(console, ConsoleReport.text(report), StandardCharsets.UTF_8);
        Path summary = folder.resolve(SUMMARY_FILE);
        Files.writeString(summary, MarkdownReport.text(report), StandardCharsets.UTF_8);
        Path classroom = folder.resolve(CLASSROOM_FILE);
        JSON.writeValue(classroom.toFile(), ClassroomReport.json(report));
        Path gradescope = folder.resolve(GRADESCOPE_FILE);
        JSON.writeValue(gradescope.toFile(), GradescopeReport.json(report));
        Path junit = folder.resolve(JUNIT_FILE);
        JUnitXmlReport.write(report, junit);
        if (githubOutput != null && !githubOutput.isBlank()) {
            Files.writeString(Path.of(githubOutput), "result=" + ClassroomReport.base64(report)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return List.of(console, summary, classroom, gradescope, junit);
    }
}
