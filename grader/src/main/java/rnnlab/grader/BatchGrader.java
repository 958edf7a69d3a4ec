package rnnlab.grader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import rnnlab.grader.report.ReportWriter;

/**
 * Grades every submission folder inside a class folder, in parallel, each in isolation, and
 * writes {@code gradebook.csv} and {@code summary.md}. A submission that cannot be graded gets
 * a row with its reason and never stops the others.
 */
public final class BatchGrader {

    private final Grader grader;
    private final int jobs;

    public BatchGrader(Grader grader, int jobs) {
        this.grader = grader;
        this.jobs = Math.max(1, jobs);
    }

    /** One row of the gradebook. */
    public record Row(String submission, GradeReport report, String error) {
    }

    /**
     * Grades every subfolder of {@code classFolder} (hidden folders skipped) into
     * {@code out/<name>/} and writes the gradebook.
     *
     * @throws BadInputException if the class folder is missing or has no subfolders
     */
    public List<Row> gradeAll(Path classFolder, Path out, PrintWriter progress)
            throws BadInputException, IOException, InterruptedException {
        List<Path> submissions = submissions(classFolder);
        Files.createDirectories(out);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (Path submission : submissions) {
                futures.add(pool.submit(() -> gradeOne(submission, out, progress)));
            }
            List<Row> rows = new ArrayList<>();
            for (int k = 0; k < futures.size(); k++) {
                try {
                    rows.add(futures.get(k).get());
                } catch (ExecutionException e) {
                    rows.add(new Row(submissions.get(k).getFileName().toString(), null,
                            "grader failure: " + e.getCause()));
                }
            }
            writeGradebook(rows, out.resolve("gradebook.csv"));
            Files.writeString(out.resolve("summary.md"), summary(rows), StandardCharsets.UTF_8);
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private Row gradeOne(Path submission, Path out, PrintWriter progress) {
        String name = submission.getFileName().toString();
        try {
            GradeReport report = grader.grade(submission);
            ReportWriter.write(report, out.resolve(name), null);
            synchronized (progress) {
                progress.printf("%-30s %3d / %d  (%.1f s)%n", name, report.total(),
                        report.coreMax(), report.seconds());
                progress.flush();
            }
            return new Row(name, report, "");
        } catch (BadInputException | IOException | RuntimeException e) {
            synchronized (progress) {
                progress.printf("%-30s not graded: %s%n", name, e.getMessage());
                progress.flush();
            }
            return new Row(name, null, e.getMessage());
        }
    }

    private static List<Path> submissions(Path classFolder) throws BadInputException,
            IOException {
        if (!Files.isDirectory(classFolder)) {
            throw new BadInputException("class folder " + classFolder + " does not exist or is"
                    + " not a folder; pass the folder that holds one folder per student");
        }
        try (Stream<Path> list = Files.list(classFolder)) {
            List<Path> folders = list.filter(Files::isDirectory)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
            if (folders.isEmpty()) {
                throw new BadInputException("class folder " + classFolder + " has no"
                        + " submission folders; clone one repository per student into it");
            }
            return folders;
        }
    }

    /** Writes submission, total, one column per exercise, flags and errors. */
    static void writeGradebook(List<Row> rows, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("submission,total");
        for (Exercise exercise : Exercise.values()) {
            csv.append(',').append(exercise.name());
        }
        csv.append(",flags\n");
        for (Row row : rows) {
            csv.append(quote(row.submission()));
            if (row.report() == null) {
                csv.append(",".repeat(Exercise.values().length + 1)).append(',')
                        .append(quote("not graded: " + row.error())).append('\n');
                continue;
            }
            csv.append(',').append(row.report().total());
            Map<Exercise, Integer> points = new EnumMap<>(Exercise.class);
            row.report().exercises().forEach(score -> points.put(score.exercise(),
                    score.points()));
            for (Exercise exercise : Exercise.values()) {
                csv.append(',');
                if (points.containsKey(exercise)) {
                    csv.append(points.get(exercise));
                }
            }
            List<String> flags = new ArrayList<>(row.report().flags());
            row.report().compileProblems().forEach(problem -> flags.add("did not compile: "
                    + problem.file()));
            csv.append(',').append(quote(String.join("; ", flags))).append('\n');
        }
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
    }

    private static String summary(List<Row> rows) {
        StringBuilder out = new StringBuilder("## Gradebook\n\n| submission | total | notes |\n"
                + "|---|---:|---|\n");
        for (Row row : rows) {
            String total = row.report() == null ? "—" : String.valueOf(row.report().total());
            List<String> noteList = new ArrayList<>();
            if (row.report() == null) {
                noteList.add("not graded: " + row.error());
            } else {
                row.report().compileProblems().forEach(problem -> noteList.add(
                        "did not compile: " + problem.file()));
                noteList.addAll(row.report().flags());
            }
            String notes = String.join("; ", noteList);
            out.append("| ").append(row.submission()).append(" | ").append(total).append(" | ")
                    .append(notes.replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    private static String quote(String value) {
        String text = value == null ? "" : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
