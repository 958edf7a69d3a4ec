package rnnlab.grader.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The grading process's child: runs the hidden test methods it is given and appends one JSON
 * line per event to a results file, flushed at once, so the parent keeps every result even when
 * the submission ends this process.
 *
 * <p>Arguments: the results file, then a file of {@code class#method} keys, one per line.
 * Events: {@code started} and
 * {@code finished} per test method, {@code exit} from a shutdown hook (so a call to
 * {@code System.exit} can be distinguished from a crash), and {@code done} at the end.
 */
public final class ChildMain {

    /** Bytes of printed output kept per test. */
    static final int OUTPUT_LIMIT = 4000;

    private ChildMain() {
    }

    public static void main(String[] args) throws IOException {
        // Read the parent's token before any submission code is loaded; every event carries it.
        String token = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                StandardCharsets.UTF_8)).readLine();
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
        Path results = Path.of(args[0]);
        List<MethodSelector> selectors = new ArrayList<>();
        for (String key : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
            String[] parts = key.strip().split("#", 2);
            if (parts.length == 2) {
                selectors.add(selectMethod(parts[0], parts[1]));
            }
        }

        EventWriter events = new EventWriter(results, token == null ? "" : token);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> events.write(Map.of(
                "event", "exit"))));

        CappedOutput captured = new CappedOutput(OUTPUT_LIMIT);
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        PrintStream console = System.err;
        System.setOut(capture);
        System.setErr(capture);
        try {
            runTests(selectors, events, captured);
        } catch (RuntimeException | Error failure) {
            // The parent reads this from the console to explain why the process ended.
            failure.printStackTrace(console);
            console.flush();
            Runtime.getRuntime().halt(1);
        }
        events.write(Map.of("event", "done"));
        events.close();
        // Threads the submission left running must not keep this process alive.
        Runtime.getRuntime().halt(0);
    }

    private static void runTests(List<MethodSelector> selectors, EventWriter events,
            CappedOutput captured) {

        // A hidden test whose class cannot load (say, a submission class it needs is missing)
        // gets an error of its own instead of stopping the others, so each selector is tried
        // alone before the real run.
        Launcher launcher = LauncherFactory.create();
        List<MethodSelector> loadable = new ArrayList<>();
        for (MethodSelector selector : selectors) {
            try {
                launcher.discover(request(List.of(selector)));
                loadable.add(selector);
            } catch (RuntimeException failure) {
                events.write(Map.of("event", "finished",
                        "key", selector.getClassName() + "#" + selector.getMethodName(),
                        "status", "ERROR",
                        "message", "the hidden test could not be loaded: " + rootCause(failure),
                        "output", "", "seconds", 0.0));
            }
        }
        if (loadable.isEmpty()) {
            return;
        }
        TestPlan plan = launcher.discover(request(loadable));
        launcher.execute(plan, new Listener(events, captured));
    }

    private static LauncherDiscoveryRequest request(List<MethodSelector> selectors) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled",
                        "false")
                .build();
    }

    /** Returns the one line that explains why a test could not be discovered. */
    private static String rootCause(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        for (String line : message.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Cause: ")) {
                return trimmed.substring("Cause: ".length());
            }
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return describe(cause).lines().findFirst().orElse("");
    }

    /** Reports each test method as it starts and ends. */
    private static final class Listener implements TestExecutionListener {

        private final EventWriter events;
        private final CappedOutput captured;
        private final Map<String, Long> startTimes = new LinkedHashMap<>();

        Listener(EventWriter events, CappedOutput captured) {
            this.events = events;
            this.captured = captured;
        }

        @Override
        public void executionStarted(TestIdentifier identifier) {
            methodKey(identifier).ifPresent(key -> {
                if (identifier.isTest()) {
                    captured.takeText();
                    startTimes.put(identifier.getUniqueId(), System.nanoTime());
                    events.write(Map.of("event", "started", "key", key));
                }
            });
        }

        @Override
        public void executionSkipped(TestIdentifier identifier, String reason) {
            methodKey(identifier).ifPresent(key -> events.write(Map.of("event", "finished",
                    "key", key, "status", "ERROR", "message", "skipped: " + reason,
                    "output", "", "seconds", 0.0)));
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            Optional<String> key = methodKey(identifier);
            if (key.isEmpty() || !identifier.isTest()) {
                return;
            }
            Long start = startTimes.remove(identifier.getUniqueId());
            double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", "finished");
            event.put("key", key.get());
            event.put("status", status(result));
            event.put("message", result.getThrowable().map(ChildMain::describe).orElse(""));
            event.put("output", captured.takeText());
            event.put("seconds", seconds);
            events.write(event);
        }

        private static String status(TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                return "PASSED";
            }
            boolean assertion = result.getThrowable().map(t -> t instanceof AssertionError)
                    .orElse(false);
            return assertion ? "FAILED" : "ERROR";
        }

        private static Optional<String> methodKey(TestIdentifier identifier) {
            Optional<TestSource> source = identifier.getSource();
            if (source.isPresent() && source.get() instanceof MethodSource method) {
                return Optional.of(method.getClassName() + "#" + method.getMethodName());
            }
            return Optional.empty();
        }
    }

    /**
     * Describes a failure in one line or a few: the message of an assertion, or the exception
     * type, its message and the first frame of the submission's code.
     */
    static String describe(Throwable error) {
        if (error instanceof AssertionError) {
            return String.valueOf(error.getMessage());
        }
        if (error instanceof UnsupportedOperationException
                && String.valueOf(error.getMessage()).startsWith("Exercise ")) {
            return error.getMessage();
        }
        StringBuilder text = new StringBuilder(error.getClass().getName());
        if (error.getMessage() != null) {
            text.append(": ").append(error.getMessage());
        }
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith("rnnlab.")
                    && !frame.getClassName().startsWith("rnnlab.grader.")) {
                text.append(" (at ").append(frame.getClassName()).append('.')
                        .append(frame.getMethodName()).append(':').append(frame.getLineNumber())
                        .append(')');
                break;
            }
        }
        return text.toString();
    }

    /** Appends JSON lines to the results file, flushing each one. */
    static final class EventWriter {

        private final ObjectMapper json = new ObjectMapper();
        private final BufferedWriter writer;
        private final String token;

        EventWriter(Path file, String token) throws IOException {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            this.token = token;
        }

        synchronized void write(Map<String, ?> event) {
            Map<String, Object> signed = new LinkedHashMap<>();
            event.forEach((key, value) -> signed.put(key, value instanceof String text
                    ? wellFormed(text) : value));
            signed.put("token", token);
            try {
                writer.write(json.writeValueAsString(signed));
                writer.newLine();
                writer.flush();
            } catch (IOException ignored) {
                // The parent finds the event missing and reports the test as lost.
            }
        }

        /** Replaces unpaired surrogates, which UTF-8 cannot encode, by U+FFFD. */
        private static String wellFormed(String text) {
            StringBuilder clean = new StringBuilder(text.length());
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (Character.isHighSurrogate(c) && k + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(k + 1))) {
                    clean.append(c).append(text.charAt(++k));
                } else if (Character.isSurrogate(c)) {
                    clean.append('\uFFFD');
                } else {
                    clean.append(c);
                }
            }
            return clean.toString();
        }

        synchronized void close() throws IOException {
            writer.close();
        }
    }
}
