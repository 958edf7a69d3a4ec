package rnnlab.grader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import rnnlab.grader.child.ChildMain;

/**
 * Runs hidden tests in child JVMs and collects one outcome per test, whatever the submission
 * does.
 *
 * <p>The child streams an event per test to a file. When it ends early (System.exit,
 * Runtime.halt, running out of memory, a native crash) or a test runs past its time, the test in
 * progress gets an error naming the cause, and a new child runs the tests not yet started. Tests
 * still waiting when the total time runs out get an error too. So every test ends with exactly
 * one outcome and the parent always has a full result to report.
 */
public final class ChildSupervisor {

    private static final long POLL_MILLIS = 50;
    /** Bytes of the child's own standard output kept, to explain a crash. */
    private static final int CONSOLE_LIMIT = 16_000;

    private final List<String> classpath;
    private final Path workFolder;
    private final GradingLimits limits;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param classpath the child's class path: the submission's classes, the grader and the
     *     libraries
     * @param workFolder the child's working folder, which the submission may write to
     */
    public ChildSupervisor(List<String> classpath, Path workFolder, GradingLimits limits) {
        this.classpath = List.copyOf(classpath);
        this.workFolder = workFolder;
        this.limits = limits;
    }

    /** Runs the tests and returns an outcome for each, in the order given. */
    public List<TestOutcome> run(List<GradedTest> tests) throws IOException {
        Map<String, GradedTest> byKey = new LinkedHashMap<>();
        for (GradedTest test : tests) {
            byKey.put(test.key(), test);
        }
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        long deadline = System.nanoTime() + limits.total().toNanos();
        int launch = 0;
        while (outcomes.size() < byKey.size()) {
            List<String> remaining = new ArrayList<>();
            for (String key : byKey.keySet()) {
                if (!outcomes.containsKey(key)) {
                    remaining.add(key);
                }
            }
            if (System.nanoTime() >= deadline) {
                for (String key : remaining) {
                    outcomes.put(key, new TestOutcome(byKey.get(key), TestStatus.ERROR,
                            "not run: the submission's tests used up the total time of "
                                    + limits.total().toSeconds() + " s", "", 0));
                }
                break;
            }
            launch++;
            Path results = workFolder.resolve("results-" + launch + ".jsonl");
            runChild(remaining, results, byKey, outcomes, deadline);
        }
        List<TestOutcome> ordered = new ArrayList<>();
        for (GradedTest test : tests) {
            ordered.add(outcomes.get(test.key()));
        }
        return ordered;
    }

    /** Runs one child over the remaining tests, recording what it finishes. */
    private void runChild(List<String> keys, Path results, Map<String, GradedTest> byKey,
            Map<String, TestOutcome> outcomes, long deadline) throws IOException {
        Files.deleteIfExists(results);
        String token = newToken();
        Process process = start(keys, results);
        // The token goes to the child's standard input, which the submission's code cannot
        // read back later, so it cannot forge events: the parent ignores lines without it.
        try (var stdin = process.getOutputStream()) {
            stdin.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException closed) {
            // The child already ended; the loop below reports it.
        }
        List<ProcessHandle> spawned = new ArrayList<>();
        ConsoleDrain console = new ConsoleDrain(process.getInputStream());
        console.start();

        EventReader reader = new EventReader(results, token);
        String current = null;
        long currentStart = 0;
        boolean exitEvent = false;
        boolean done = false;
        String stopReason = null;
        while (true) {
            for (JsonNode event : reader.readNew()) {
                String type = event.path("event").asText();
                String key = event.path("key").asText(null);
                switch (type) {
                    case "started" -> {
                        current = key;
                        currentStart = System.nanoTime();
                    }
                    case "finished" -> {
                        if (key != null && byKey.containsKey(key) && !outcomes.containsKey(key)) {
                            outcomes.put(key, outcome(byKey.get(key), event));
                        }
                        current = null;
                    }
                    case "exit" -> exitEvent = true;
                    case "done" -> done = true;
                    default -> { }
                }
            }
            process.descendants().filter(handle -> !spawned.contains(handle))
                    .forEach(spawned::add);
            if (!process.isAlive()) {
                // Read what the child wrote just before it ended.
                for (JsonNode event : reader.readNew()) {
                    if (event.path("event").asText().equals("finished")) {
                        String key = event.path("key").asText();
                        if (byKey.containsKey(key) && !outcomes.containsKey(key)) {
                            outcomes.put(key, outcome(byKey.get(key), event));
                        }
                        current = null;
                    } else if (event.path("event").asText().equals("exit")) {
                        exitEvent = true;
                    } else if (event.path("event").asText().equals("done")) {
                        done = true;
                    }
                }
                break;
            }
            long now = System.nanoTime();
            if (current != null && now - currentStart > limits.perTest().toNanos()) {
                stopReason = "timed out after " + limits.perTest().toSeconds()
                        + " s (an endless loop, or far too much work)";
                break;
            }
            if (now > deadline) {
                stopReason = "stopped when the submission's tests used up the total time of "
                        + limits.total().toSeconds() + " s";
                break;
            }
            sleep();
        }
        if (stopReason != null) {
            process.destroyForcibly();
        }
        waitFor(process);
        // Processes the submission started must not outlive its test process.
        spawned.forEach(ProcessHandle::destroyForcibly);
        console.finish();

        if (current != null && !outcomes.containsKey(current)) {
            String reason = stopReason != null ? stopReason
                    : endReason(process.exitValue(), exitEvent, console.text());
            outcomes.put(current, new TestOutcome(byKey.get(current), TestStatus.ERROR, reason,
                    console.text(), (System.nanoTime() - currentStart) / 1e9));
        } else if (done) {
            // A finished child ran every test it could; any still without an outcome was never
            // reported, so it gets an error rather than another launch.
            for (String key : keys) {
                outcomes.putIfAbsent(key, new TestOutcome(byKey.get(key), TestStatus.ERROR,
                        "the hidden test did not run; its class may not load against this"
                                + " submission", "", 0));
            }
        } else if (stopReason == null && current == null) {
            // The child ended between tests or before the first one: blame the next test so
            // that the loop always makes progress.
            for (String key : keys) {
                if (!outcomes.containsKey(key)) {
                    outcomes.put(key, new TestOutcome(byKey.get(key), TestStatus.ERROR,
                            "the test process ended before this test could start: "
                                    + endReason(process.exitValue(), exitEvent, console.text()),
                            console.text(), 0));
                    break;
                }
            }
        }
    }

    private Process start(List<String> keys, Path results) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + limits.memoryMegabytes() + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath));
        command.add(ChildMain.class.getName());
        command.add(results.toString());
        Path keyFile = workFolder.resolve("tests-" + results.getFileName() + ".txt");
        Files.write(keyFile, keys, StandardCharsets.UTF_8);
        command.add(keyFile.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workFolder.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        return builder.start();
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private TestOutcome outcome(GradedTest test, JsonNode event) {
        TestStatus status;
        try {
            status = TestStatus.valueOf(event.path("status").asText("ERROR"));
        } catch (IllegalArgumentException unknown) {
            status = TestStatus.ERROR;
        }
        return new TestOutcome(test, status, event.path("message").asText(""),
                event.path("output").asText(""), event.path("seconds").asDouble(0));
    }

    private String endReason(int exitValue, boolean exitEvent, String console) {
        if (console.contains("OutOfMemoryError")) {
            return "ran out of memory (the limit is " + limits.memoryMegabytes() + " MB of heap);"
                    + " look for an allocation that grows without bound";
        }
        if (exitEvent) {
            return "the submission called System.exit(" + exitValue + "), which ends the test"
                    + " process; remove the call";
        }
        String firstLine = console.lines().filter(line -> !line.isBlank()).findFirst()
                .orElse("");
        return "the test process stopped abruptly with status " + exitValue
                + " (Runtime.halt, a native crash, or the operating system ended it)"
                + (firstLine.isEmpty() ? "" : "; it printed: " + firstLine);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading", e);
        }
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the lines a child has appended since the last call. */
    private final class EventReader {

        /** A line longer than this without a newline is dropped, so it cannot fill memory. */
        private static final int MAX_LINE = 1 << 20;

        private final Path file;
        private final String token;
        private long offset;
        private final StringBuilder partial = new StringBuilder();

        EventReader(Path file, String token) {
            this.file = file;
            this.token = token;
        }

        List<JsonNode> readNew() {
            List<JsonNode> events = new ArrayList<>();
            if (!Files.exists(file)) {
                return events;
            }
            try (var channel = Files.newByteChannel(file)) {
                long size = channel.size();
                if (size <= offset) {
                    return events;
                }
                channel.position(offset);
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(
                        size - offset, 4L * 1024 * 1024));
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // Keep reading until the buffer is full or the file ends.
                }
                offset += buffer.position();
                partial.append(new String(buffer.array(), 0, buffer.position(),
                        StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read test results " + file, e);
            }
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                String line = partial.substring(0, newline).trim();
                partial.delete(0, newline + 1);
                if (!line.isEmpty()) {
                    try {
                        JsonNode event = json.readTree(line);
                        if (token.equals(event.path("token").asText())) {
                            events.add(event);
                        }
                    } catch (IOException ignored) {
                        // A line the child did not finish writing, or one the submission wrote.
                    }
                }
            }
            if (partial.length() > MAX_LINE) {
                partial.setLength(0);
            }
            return events;
        }
    }

    /**
     * Reads the child's console continuously, so that a flood of output never blocks it, and
     * keeps the first few kilobytes to explain a crash.
     */
    private static final class ConsoleDrain extends Thread {

        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        ConsoleDrain(InputStream in) {
            super("child-console");
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        int room = CONSOLE_LIMIT - kept.size();
                        if (room > 0) {
                            kept.write(buffer, 0, Math.min(room, read));
                        }
                    }
                }
            } catch (IOException ignored) {
                // The child ended; what was read is kept.
            }
        }

        void finish() {
            try {
                join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
