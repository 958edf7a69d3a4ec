package rnnlab.generator;

/**
 * One reason why the starter cannot be generated or does not match the solution.
 *
 * @param file the file, relative to the repository root, such as
 *     {@code solution/src/main/java/rnnlab/rnn/RnnForward.java}
 * @param line the 1-based line in that file, or 0 when the problem concerns the whole file
 * @param message what is wrong
 * @param fix what to do about it
 */
public record Problem(String file, int line, String message, String fix) {

    /** The command that rewrites starter/ from solution/, run from the repository root. */
    public static final String REGENERATE = "./mvnw -q -pl generator compile exec:java";

    /** Formats the problem as {@code file:line: message. Fix: fix}, the form javac uses. */
    @Override
    public String toString() {
        String location = line > 0 ? file + ":" + line : file;
        return location + ": " + message + ". Fix: " + fix;
    }
}
