package rnnlab.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
        List<Path> written = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        writeOne(folder.resolve(CONSOLE_FILE), file -> Files.writeString(file,
                ConsoleReport.text(report), StandardCharsets.UTF_8), written, failures);
        writeOne(folder.resolve(SUMMARY_FILE), file -> Files.writeString(file,
                MarkdownReport.text(report), StandardCharsets.UTF_8), written, failures);
        writeOne(folder.resolve(CLASSROOM_FILE), file -> JSON.writeValue(file.toFile(),
                ClassroomReport.json(report)), written, failures);
        writeOne(folder.resolve(GRADESCOPE_FILE), file -> JSON.writeValue(file.toFile(),
                GradescopeReport.json(report)), written, failures);
        writeOne(folder.resolve(JUNIT_FILE), file -> JUnitXmlReport.write(report, file),
                written, failures);
        if (githubOutput != null && !githubOutput.isBlank()) {
            Files.writeString(Path.of(githubOutput), "result=" + ClassroomReport.base64(report)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        if (!failures.isEmpty()) {
            System.err.println("grader: could not write " + String.join("; ", failures));
        }
        if (written.isEmpty()) {
            throw new IOException("no report could be written to " + folder);
        }
        return written;
    }

    /** Writes one report file, first removing whatever an earlier run left at its path. */
    private static void writeOne(Path file, FileWriter writer, List<Path> written,
            List<String> failures) {
        try {
            if (Files.isDirectory(file)) {
                rnnlab.grader.SubmissionCompiler.deleteTree(file);
            }
            Files.deleteIfExists(file);
            writer.write(file);
            written.add(file);
        } catch (IOException | RuntimeException failure) {
            failures.add(file + " (" + failure.getMessage() + ")");
        }
    }

    /** Writes one file. */
    @FunctionalInterface
    private interface FileWriter {
        void write(Path file) throws IOException;
    }
}
