package rnnlab.grader.report;

import rnnlab.grader.CompileProblem;
import rnnlab.grader.GradeReport;
import rnnlab.grader.GradeReport.ExerciseScore;
import rnnlab.grader.TestOutcome;
import rnnlab.grader.TestStatus;

/** {@code summary.md}: the grading result as Markdown, ready for a GitHub job summary. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** Returns the Markdown text. */
    public static String text(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## Grade: ").append(report.total()).append(" / ").append(report.coreMax());
        if (report.bonusMax() > 0) {
            out.append(" (bonus up to ").append(report.bonusMax()).append(")");
        }
        out.append("\n\n");
        if (!report.flags().isEmpty()) {
            out.append("> **Protected files changed:** ")
                    .append(String.join(", ", report.flags()))
                    .append(". Your instructor will review these changes.\n\n");
        }
        out.append("| exercise | points | max | status | first message |\n");
        out.append("|---|---:|---:|---|---|\n");
        for (ExerciseScore score : report.exercises()) {
            out.append("| ").append(escape(score.exercise().label()))
                    .append(score.exercise().bonus() ? " (bonus)" : "")
                    .append(" | ").append(score.points())
                    .append(" | ").append(score.max())
                    .append(" | ").append(score.status().equals("pass") ? "✅ pass" : "❌ fail")
                    .append(" | ").append(escape(ConsoleReport.shorten(score.firstMessage())))
                    .append(" |\n");
        }
        if (!report.compileProblems().isEmpty()) {
            out.append("\n### Files that did not compile\n\n");
            for (CompileProblem problem : report.compileProblems()) {
                out.append("- `").append(problem.file()).append("`: ")
                        .append(problem.replacedByStarter()
                                ? "graded with the starter's version" : "left out")
                        .append("\n");
                for (String error : problem.errors()) {
                    out.append("  - `").append(error.replace("`", "'")).append("`\n");
                }
            }
        }
        out.append("\n<details><summary>Every test</summary>\n\n");
        out.append("| test | points | result |\n|---|---:|---|\n");
        for (TestOutcome outcome : report.outcomes()) {
            out.append("| ").append(escape(outcome.test().reportName()))
                    .append(" | ").append(outcome.points()).append("/")
                    .append(outcome.test().points())
                    .append(" | ").append(outcome.status() == TestStatus.PASSED ? "pass"
                            : escape(outcome.status().name().toLowerCase() + ": "
                                    + ConsoleReport.shorten(outcome.message())))
                    .append(" |\n");
        }
        out.append("\n</details>\n\nGraded in ")
                .append(String.format("%.1f", report.seconds())).append(" s.\n");
        return out.toString();
    }

    /** Keeps a cell on one line and keeps HTML a submission printed from becoming markup. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("|", "\\|").replace("\n", " ");
    }
}
