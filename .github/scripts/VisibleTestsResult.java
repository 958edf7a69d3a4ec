import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Turns the Surefire XML reports of {@code ./mvnw test} into the result that the
 * {@code classroom-resources/autograding-grading-reporter} action reads, one point per visible
 * test, and a Markdown summary. The per-push workflow uses it when the repository cannot fetch
 * the hidden grader.
 *
 * <p>Run with the JDK alone, as a source-file program:
 * <pre>
 * java VisibleTestsResult.java REPORTS_DIR OUT_DIR [--note TEXT] [--build-log FILE]
 * </pre>
 * It writes {@code OUT_DIR/autograding-result.json} and {@code OUT_DIR/summary.md}, and when
 * {@code GITHUB_OUTPUT} is set appends {@code result=<base64 JSON>} to that file. A skipped test
 * earns no point and is left out of the maximum. Without any report, because the build failed
 * before the tests ran, the result is one failed test whose message quotes the build's first
 * errors. Exit status 0 when the files were written, 2 on invalid arguments.
 */
public final class VisibleTestsResult {

    /** The message of every exercise stub in the starter. */
    private static final Pattern STUB = Pattern.compile(
            "Exercise ([A-Z]) \\(([^)]*)\\) is not implemented yet");
    private static final int MESSAGE_LIMIT = 300;
    private static final int BUILD_ERROR_LINES = 8;

    private VisibleTestsResult() {
    }

    /** One test case of a Surefire report. */
    record TestCase(String suite, String name, String status, String message, double seconds) {

        /** Returns "RnnTests › Gradients › denseInputs(...)[1]" for readable report lines. */
        String displayName() {
            String simple = suite.substring(suite.lastIndexOf('.') + 1).replace("$", " › ");
            return simple + " › " + name;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java VisibleTestsResult.java REPORTS_DIR OUT_DIR"
                    + " [--note TEXT] [--build-log FILE]");
            System.exit(2);
        }
        Path reports = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String note = "";
        Path buildLog = null;
        for (int k = 2; k < args.length; k++) {
            if (args[k].equals("--note") && k + 1 < args.length) {
                note = args[++k];
            } else if (args[k].equals("--build-log") && k + 1 < args.length) {
                buildLog = Path.of(args[++k]);
            } else {
                System.err.println("VisibleTestsResult: unknown argument " + args[k]);
                System.exit(2);
            }
        }

        List<TestCase> tests = readReports(reports);
        Files.createDirectories(out);
        String json = tests.isEmpty() ? buildFailureJson(buildLog) : resultJson(tests);
        Files.writeString(out.resolve("autograding-result.json"), json, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("summary.md"), summary(tests, note, buildLog),
                StandardCharsets.UTF_8);
        String githubOutput = System.getenv("GITHUB_OUTPUT");
        if (githubOutput != null && !githubOutput.isBlank()) {
            String encoded = Base64.getEncoder().encodeToString(
                    json.getBytes(StandardCharsets.UTF_8));
            Files.writeString(Path.of(githubOutput), "result=" + encoded + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        long passed = tests.stream().filter(t -> t.status().equals("pass")).count();
        long graded = tests.stream().filter(t -> !t.status().equals("skipped")).count();
        System.out.println("Visible tests: " + passed + " of " + graded + " passed; reports in "
                + out);
    }

    /** Reads every {@code TEST-*.xml} file in the folder, in file name order. */
    static List<TestCase> readReports(Path folder) throws Exception {
        List<TestCase> tests = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return tests;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .sorted()
                    .toList();
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (Path file : files) {
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            NodeList cases = document.getElementsByTagName("testcase");
            for (int k = 0; k < cases.getLength(); k++) {
                tests.add(testCase((Element) cases.item(k)));
            }
        }
        return tests;
    }

    private static TestCase testCase(Element element) {
        String status = "pass";
        String message = "";
        for (String tag : List.of("failure", "error", "skipped")) {
            NodeList children = element.getElementsByTagName(tag);
            if (children.getLength() > 0) {
                Element child = (Element) children.item(0);
                status = switch (tag) {
                    case "failure" -> "fail";
                    case "error" -> "error";
                    default -> "skipped";
                };
                message = child.getAttribute("message");
                if (message.isBlank()) {
                    message = child.getAttribute("type");
                }
                break;
            }
        }
        double seconds = parseSeconds(element.getAttribute("time"));
        return new TestCase(element.getAttribute("classname"), element.getAttribute("name"),
                status, shorten(message), seconds);
    }

    private static double parseSeconds(String text) {
        try {
            return Double.parseDouble(text.replace(",", ""));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** Collapses white space and cuts a message to a length that a report line can show. */
    static String shorten(String message) {
        String flat = message.strip().replaceAll("\\s+", " ");
        return flat.length() <= MESSAGE_LIMIT ? flat : flat.substring(0, MESSAGE_LIMIT) + " …";
    }

    /** Returns the reporter's JSON: one point per test that ran, skipped tests left out. */
    static String resultJson(List<TestCase> tests) {
        List<TestCase> graded = tests.stream().filter(t -> !t.status().equals("skipped"))
                .toList();
        boolean allPassed = graded.stream().allMatch(t -> t.status().equals("pass"));
        StringBuilder json = new StringBuilder();
        json.append("{\"version\":1,\"status\":\"").append(allPassed ? "pass" : "fail")
                .append("\",\"max_score\":").append(graded.size()).append(",\"tests\":[");
        for (int k = 0; k < graded.size(); k++) {
            TestCase test = graded.get(k);
            if (k > 0) {
                json.append(',');
            }
            json.append("{\"name\":").append(quote(test.displayName()))
                    .append(",\"status\":\"").append(test.status()).append('"')
                    .append(",\"score\":").append(test.status().equals("pass") ? 1 : 0)
                    .append(",\"message\":").append(quote(test.message()))
                    .append(",\"line_no\":0")
                    .append(",\"execution_time\":")
                    .append(quote(String.format("%.2fs", test.seconds())))
                    .append('}');
        }
        return json.append("]}").toString();
    }

    /** Returns a result of one failed test that quotes the build's first errors. */
    static String buildFailureJson(Path buildLog) throws IOException {
        String message = "The build failed before any test ran, so no test was graded. "
                + String.join(" ", buildErrors(buildLog));
        return "{\"version\":1,\"status\":\"fail\",\"max_score\":1,\"tests\":[{\"name\":"
                + quote("visible tests: build") + ",\"status\":\"error\",\"score\":0,"
                + "\"message\":" + quote(shorten(message)) + ",\"line_no\":0}]}";
    }

    /** Returns the first {@code [ERROR]} lines of a Maven log, without the prefix. */
    static List<String> buildErrors(Path buildLog) throws IOException {
        List<String> errors = new ArrayList<>();
        if (buildLog == null || !Files.isRegularFile(buildLog)) {
            return errors;
        }
        for (String line : Files.readAllLines(buildLog, StandardCharsets.UTF_8)) {
            String stripped = line.strip();
            if (stripped.startsWith("[ERROR]") && stripped.length() > "[ERROR]".length()) {
                errors.add(stripped.substring("[ERROR]".length()).strip());
                if (errors.size() == BUILD_ERROR_LINES) {
                    break;
                }
            }
        }
        return errors;
    }

    /** Returns the Markdown summary: totals, unfinished exercises, and a row per test class. */
    static String summary(List<TestCase> tests, String note, Path buildLog) throws IOException {
        StringBuilder markdown = new StringBuilder();
        long graded = tests.stream().filter(t -> !t.status().equals("skipped")).count();
        long passed = tests.stream().filter(t -> t.status().equals("pass")).count();
        if (tests.isEmpty()) {
            markdown.append("## Visible tests: the build failed\n\n");
        } else {
            markdown.append("## Visible tests: ").append(passed).append(" / ").append(graded)
                    .append(" passed\n\n");
        }
        if (!note.isBlank()) {
            markdown.append("> ").append(note.strip()).append("\n\n");
        }
        if (tests.isEmpty()) {
            markdown.append("The build failed before any test ran. Its first errors:\n\n```\n");
            for (String error : buildErrors(buildLog)) {
                markdown.append(error).append('\n');
            }
            return markdown.append("```\n").toString();
        }

        TreeSet<String> unfinished = new TreeSet<>();
        for (TestCase test : tests) {
            Matcher stub = STUB.matcher(test.message());
            if (stub.find()) {
                unfinished.add(stub.group(1) + " (" + stub.group(2) + ")");
            }
        }
        if (!unfinished.isEmpty()) {
            markdown.append("Exercises not implemented yet: ").append(String.join(", ", unfinished))
                    .append(".\n\n");
        }

        markdown.append("| test class | passed | failed | skipped | first failure |\n"
                + "|---|---:|---:|---:|---|\n");
        Map<String, List<TestCase>> byClass = new LinkedHashMap<>();
        for (TestCase test : tests) {
            String outer = test.suite().replaceFirst("\\$.*", "");
            byClass.computeIfAbsent(outer, key -> new ArrayList<>()).add(test);
        }
        for (Map.Entry<String, List<TestCase>> entry : byClass.entrySet()) {
            List<TestCase> cases = entry.getValue();
            long classPassed = cases.stream().filter(t -> t.status().equals("pass")).count();
            List<TestCase> failed = cases.stream()
                    .filter(t -> t.status().equals("fail") || t.status().equals("error"))
                    .toList();
            long skipped = cases.size() - classPassed - failed.size();
            String first = failed.isEmpty() ? "" : failed.get(0).displayName() + ": "
                    + failed.get(0).message();
            String simpleName = entry.getKey().substring(entry.getKey().lastIndexOf('.') + 1);
            markdown.append("| ").append(simpleName)
                    .append(" | ").append(classPassed).append(" | ").append(failed.size())
                    .append(" | ").append(skipped)
                    .append(" | ").append(first.replace("|", "\\|")).append(" |\n");
        }
        return markdown.toString();
    }

    /** Returns a JSON string literal. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
