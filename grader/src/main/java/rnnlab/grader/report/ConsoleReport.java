package rnnlab.grader.report;

import rnnlab.grader.CompileProblem;
import rnnlab.grader.GradeReport;
import rnnlab.grader.GradeReport.ExerciseScore;

/** The plain-text table printed at the end of a grading run. */
public final class ConsoleReport {

    private static final int MESSAGE_WIDTH = 70;
    /** Wide enough for the longest label, "A (vocabulary and one-hot encoding) *". */
    private static final int LABEL_WIDTH = 38;

    private ConsoleReport() {
    }

    /** Returns the table: one row per exercise, then the total, compile problems and flags. */
    public static String text(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Grading %s%n", report.submission()));
        String row = "%-" + LABEL_WIDTH + "s %6s %4s  %-6s %s%n";
        out.append(String.format(row, "exercise", "points", "max", "status", "first message"));
        for (ExerciseScore score : report.exercises()) {
            out.append(String.format(row, score.exercise().label()
                    + (score.exercise().bonus() ? " *" : ""), score.points(), score.max(),
                    score.status(), shorten(score.firstMessage())));
        }
        out.append(String.format(row, "total", report.total(), report.coreMax(), "", ""));
        if (report.bonusMax() > 0) {
            out.append(String.format("(* bonus: up to %d points above %d)%n", report.bonusMax(),
                    report.coreMax()));
        }
        for (CompileProblem problem : report.compileProblems()) {
            out.append(String.format("Did not compile: %s (%s)%n", problem.file(),
                    problem.replacedByStarter() ? "graded with the starter's version"
                            : "left out"));
            problem.errors().forEach(error -> out.append("  ").append(error)
                    .append(System.lineSeparator()));
        }
        for (String flag : report.flags()) {
            out.append("Protected file ").append(flag).append(System.lineSeparator());
        }
        out.append(String.format("Graded in %.1f s%n", report.seconds()));
        return out.toString();
    }

    static String shorten(String message) {
        String line = message.lines().findFirst().orElse("");
        return line.length() <= MESSAGE_WIDTH ? line
                : line.substring(0, MESSAGE_WIDTH - 3) + "...";
    }
}
