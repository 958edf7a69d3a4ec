package rnnlab.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the gap markers of one Java source file and checks that they pair up.
 *
 * <p>A gap is written in the solution as
 * <pre>
 * // BEGIN EXERCISE C: the hint students see, naming the formula and the EJML calls,
 * //     continued on comment lines whose text starts with four or more spaces
 * ... solution lines ...
 * // END EXERCISE C
 * </pre>
 * Each marker is a whole line. The letter must be one of {@link Exercise}, the hint must not be
 * empty, and gaps cannot nest. A line that looks like a marker but does not match this form
 * exactly, such as {@code //BEGIN EXERCISE c}, is reported rather than copied to the starter.
 */
public final class GapParser {

    private static final Pattern BEGIN = Pattern.compile(
            "^(\\s*)// BEGIN EXERCISE ([A-Z]):(.*)$");
    private static final Pattern END = Pattern.compile("^\\s*// END EXERCISE ([A-Z])\\s*$");
    /** Anything that a reader would take for a marker, written correctly or not. */
    private static final Pattern MARKER_LIKE = Pattern.compile(
            "(?i)^\\s*//.*\\b(BEGIN|END)\\s+EXERCISE\\b.*$");
    /** A hint continuation: a line comment whose text starts with a hanging indent. */
    private static final Pattern CONTINUATION = Pattern.compile("^\\s*// {4,}\\S.*$");

    private GapParser() {
    }

    /** The gaps of one file, or the problems that prevent reading them. */
    public record Result(List<Gap> gaps, List<Problem> problems) {
    }

    /**
     * Reads the markers of a file.
     *
     * @param file the file's path relative to the repository root, for messages
     * @param lines the file's lines without line terminators
     */
    public static Result parse(String file, List<String> lines) {
        List<Gap> gaps = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Matcher open = null;
        int openLine = 0;
        Exercise openExercise = null;
        for (int index = 0; index < lines.size(); index++) {
            String line = stripCarriageReturn(lines.get(index));
            int number = index + 1;
            Matcher begin = BEGIN.matcher(line);
            Matcher end = END.matcher(line);
            if (begin.matches()) {
                Optional<Exercise> exercise = exercise(file, number, begin.group(2), problems);
                if (open != null) {
                    problems.add(new Problem(file, number, "BEGIN EXERCISE " + begin.group(2)
                            + " opens a gap inside the gap of exercise " + openExercise
                            + " that begins on line " + openLine, "close that gap with"
                            + " // END EXERCISE " + openExercise + " first; gaps cannot nest"));
                }
                if (begin.group(3).isBlank()) {
                    problems.add(new Problem(file, number, "BEGIN EXERCISE " + begin.group(2)
                            + " has no hint", "write the hint students see after the colon"));
                }
                open = begin;
                openLine = number;
                openExercise = exercise.orElse(null);
            } else if (end.matches()) {
                String letter = end.group(1);
                if (open == null) {
                    problems.add(new Problem(file, number, "END EXERCISE " + letter
                            + " has no matching BEGIN EXERCISE " + letter, "add the BEGIN"
                            + " marker with its hint above the gap, or delete this line"));
                } else if (openExercise != null && !letter.equals(openExercise.name())) {
                    problems.add(new Problem(file, number, "END EXERCISE " + letter
                            + " closes the gap of exercise " + openExercise + " that begins on"
                            + " line " + openLine, "name the same letter in both markers"));
                } else if (openExercise != null) {
                    gaps.add(gap(lines, openLine, number, open, openExercise));
                }
                open = null;
                openExercise = null;
            } else if (MARKER_LIKE.matcher(line).matches()) {
                problems.add(new Problem(file, number, "malformed gap marker `" + line.strip()
                        + "`", "write `// BEGIN EXERCISE X: hint` or `// END EXERCISE X`, with"
                        + " a capital letter from A to N, on a line of its own"));
            }
        }
        if (open != null) {
            problems.add(new Problem(file, openLine, "BEGIN EXERCISE " + open.group(2)
                    + " is never closed", "add // END EXERCISE " + open.group(2)
                    + " after the last line of the gap"));
        }
        for (Gap gap : gaps) {
            if (gap.firstCodeLine() > gap.lastCodeLine()) {
                problems.add(new Problem(file, gap.beginLine(), "the gap of exercise "
                        + gap.exercise() + " contains no solution lines", "put the solution"
                        + " code between the markers, or delete them"));
            }
        }
        return new Result(List.copyOf(gaps), List.copyOf(problems));
    }

    private static Optional<Exercise> exercise(String file, int number, String letter,
            List<Problem> problems) {
        Optional<Exercise> exercise = Exercise.forLetter(letter);
        if (exercise.isEmpty()) {
            problems.add(new Problem(file, number, "BEGIN EXERCISE " + letter
                    + " names an exercise the lab does not have", "use one of the letters in "
                    + "generator/src/main/java/rnnlab/generator/Exercise.java, or add the new"
                    + " exercise and its title there"));
        }
        return exercise;
    }

    private static Gap gap(List<String> lines, int beginLine, int endLine, Matcher begin,
            Exercise exercise) {
        List<String> continuation = new ArrayList<>();
        for (int index = beginLine; index < endLine - 1; index++) {
            String line = stripCarriageReturn(lines.get(index));
            if (!CONTINUATION.matcher(line).matches()) {
                break;
            }
            continuation.add(line);
        }
        return new Gap(exercise, beginLine, endLine, begin.group(1), begin.group(3).strip(),
                List.copyOf(continuation));
    }

    static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
