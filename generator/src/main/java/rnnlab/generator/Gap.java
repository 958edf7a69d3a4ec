package rnnlab.generator;

import java.util.List;

/**
 * One marked gap in a solution source file: the lines from {@code // BEGIN EXERCISE X: hint} to
 * {@code // END EXERCISE X}.
 *
 * @param exercise the exercise the marker names
 * @param beginLine the 1-based line of the BEGIN marker, which also contains the first line of
 *     the hint
 * @param endLine the 1-based line of the END marker
 * @param indent the whitespace before {@code //} on the BEGIN line, reused for the stub
 * @param hint the hint's first line, the text after the colon of the BEGIN marker
 * @param hintContinuation the comment lines right after the BEGIN marker that continue the hint,
 *     each exactly as written in the solution
 */
public record Gap(Exercise exercise, int beginLine, int endLine, String indent, String hint,
        List<String> hintContinuation) {

    /** Returns the first line of solution code, after the BEGIN marker and its hint. */
    public int firstCodeLine() {
        return beginLine + 1 + hintContinuation.size();
    }

    /** Returns the last line of solution code, the one before the END marker. */
    public int lastCodeLine() {
        return endLine - 1;
    }
}
