package rnnlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests expected to fail in the generated starter, each with the exercise whose stub it
 * reaches first. Only the instructor's repository has such a list, so students never run in
 * this mode.
 *
 * <p>The parent pom passes each module's list as the system property
 * {@value #PROPERTY}: {@code generator/test-baselines/ARTIFACT_ID.txt}. Where that file does
 * not exist, as for the solution, every test must pass. Where it does, a listed test that stops
 * at its exercise's stub is reported as skipped, and every other outcome fails the build with a
 * message that names the line to add, correct or delete. A line reads
 * <pre>
 * C rnnlab.rnn.RnnTests$KnownAnswers#forwardPass
 * A rnnlab.djl.DjlTrainingTests
 * </pre>
 * where the second form stands for a class whose {@code @BeforeAll} set-up stops at the stub,
 * and a line that starts with {@code #} is a comment. Parameterised tests are listed once, by
 * method name.
 */
final class StarterBaseline {

    /** The system property naming the baseline file. */
    static final String PROPERTY = "rnnlab.testBaseline";

    private static final Pattern ENTRY = Pattern.compile("^([A-Z])\\s+([\\w.$]+(#\\w+)?)$");

    private final Path file;
    private final Map<String, Entry> entries;

    /** The exercise a listed test is expected to stop at, and the line that lists it. */
    record Entry(String exercise, int line) {
    }

    private StarterBaseline(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Returns the baseline of this test run, or empty when every test must pass. */
    static Optional<StarterBaseline> active() {
        return Holder.ACTIVE;
    }

    /** Loads the baseline once, the first time a test needs it. */
    private static final class Holder {
        static final Optional<StarterBaseline> ACTIVE = load(System.getProperty(PROPERTY));
    }

    static Optional<StarterBaseline> load(String location) {
        if (location == null || location.isBlank() || !Files.isRegularFile(Path.of(location))) {
            return Optional.empty();
        }
        Path file = Path.of(location).toAbsolutePath().normalize();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the test baseline " + file, unreadable);
        }
        Map<String, Entry> entries = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (!entry.matches()) {
                throw new IllegalStateException(file + ":" + (index + 1) + ": malformed line `"
                        + line + "`; write a letter, a space and class#method or class");
            }
            entries.put(entry.group(2), new Entry(entry.group(1), index + 1));
        }
        return Optional.of(new StarterBaseline(file, Map.copyOf(entries)));
    }

    /** Returns the baseline file, for messages. */
    Path file() {
        return file;
    }

    /**
     * Returns the entry of a test that is expected to stop at a stub, or empty when the test is
     * expected to pass.
     *
     * @param test the test as {@code class#method}, or a class as {@code class}, with
     *     {@code $} before nested class names
     */
    Optional<Entry> expected(String test) {
        return Optional.ofNullable(entries.get(test));
    }

    /** Returns the baseline file and a line of it as {@code file:line}, for messages. */
    String location(Entry entry) {
        return file + ":" + entry.line();
    }
}
