package rnnlab.generator;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the committed {@code starter/} with {@code solution/}. Each method returns the
 * problems it finds, each naming a file, a line and the fix; none means the check passed.
 */
public final class ParityCheck {

    private static final String MAIN_SOURCES = "src/main/java/";
    private static final String TEST_SOURCES = "src/test/java/";
    private static final Pattern BASELINE_ENTRY = Pattern.compile(
            "^([A-Z])\\s+([\\w.$]+?)(?:#(\\w+))?$");

    private final Path root;
    private final StarterTree expected;

    private ParityCheck(Path root, StarterTree expected) {
        this.root = root;
        this.expected = expected;
    }

    /** Builds the expected starter of a repository, to compare the committed one with. */
    public static ParityCheck of(Path root) throws IOException {
        return new ParityCheck(root, StarterTree.build(root));
    }

    /** Returns the starter the generator would write. */
    public StarterTree expected() {
        return expected;
    }

    /** Returns the problems in the solution's gap markers and pom. */
    public List<Problem> markerProblems() {
        return expected.problems();
    }

    /**
     * Returns one problem for each starter file that is missing, extra, or different from what
     * the generator makes, at the first line that differs. Files whose solution has a marker
     * problem are skipped, because {@link #markerProblems()} reports them.
     */
    public List<Problem> outdatedFiles() throws IOException {
        Path starter = root.resolve(Layout.STARTER);
        List<Problem> problems = new ArrayList<>();
        String regenerate = "edit the solution, never the starter, and run "
                + Problem.REGENERATE;
        for (Map.Entry<String, byte[]> file : expected.files().entrySet()) {
            Path committed = starter.resolve(file.getKey());
            String name = Layout.STARTER + "/" + file.getKey();
            if (!Files.exists(committed)) {
                problems.add(new Problem(name, 0, "is missing", regenerate));
                continue;
            }
            byte[] actual = Files.readAllBytes(committed);
            if (!Arrays.equals(actual, file.getValue())) {
                problems.add(difference(name, file.getValue(), actual, regenerate));
            }
        }
        for (String path : StarterTree.listFiles(starter)) {
            if (!expected.files().containsKey(path) && !expected.invalidFiles().contains(path)) {
                problems.add(new Problem(Layout.STARTER + "/" + path, 0, "is not made by the"
                        + " generator", "add it to " + Layout.SOLUTION + "/ (or to "
                        + Layout.STARTER_FILES + "/ if only students get it) and run "
                        + Problem.REGENERATE + ", which deletes it otherwise"));
            }
        }
        return problems;
    }

    private static Problem difference(String name, byte[] expected, byte[] actual,
            String fix) {
        Optional<String> expectedText = StarterTree.decode(expected);
        Optional<String> actualText = StarterTree.decode(actual);
        if (expectedText.isEmpty() || actualText.isEmpty()) {
            return new Problem(name, 0, "differs from what the generator makes", fix);
        }
        List<String> expectedLines = StarterTree.lines(expectedText.get());
        List<String> actualLines = StarterTree.lines(actualText.get());
        int line = 0;
        while (line < expectedLines.size() && line < actualLines.size()
                && expectedLines.get(line).equals(actualLines.get(line))) {
            line++;
        }
        String wanted = line < expectedLines.size() ? "`" + expectedLines.get(line).strip()
                + "`" : "the end of the file";
        String found = line < actualLines.size() ? "`" + actualLines.get(line).strip() + "`"
                : "the end of the file";
        return new Problem(name, line + 1, "differs from what the generator makes: expected "
                + wanted + " but found " + found, fix);
    }

    /**
     * Returns one problem for each solution line from inside a gap that the committed starter
     * file shows. Comment lines and lines that the solution also has outside its gaps, such as
     * a closing brace, do not count.
     */
    public List<Problem> leakedSolutionLines() throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, List<Gap>> entry : expected.gaps().entrySet()) {
            String solutionFile = entry.getKey();
            String relative = solutionFile.substring(Layout.SOLUTION.length() + 1);
            Path starterPath = root.resolve(Layout.STARTER).resolve(relative);
            if (!Files.exists(starterPath)) {
                continue;
            }
            List<String> solution = StarterTree.lines(Files.readString(root.resolve(
                    solutionFile)));
            List<String> starter = StarterTree.lines(Files.readString(starterPath));
            Set<String> outsideGaps = linesOutsideGaps(solution, entry.getValue());
            Map<String, Integer> starterLines = new LinkedHashMap<>();
            for (int index = 0; index < starter.size(); index++) {
                starterLines.putIfAbsent(starter.get(index).strip(), index + 1);
            }
            for (Gap gap : entry.getValue()) {
                for (int line = gap.firstCodeLine(); line <= gap.lastCodeLine(); line++) {
                    String code = solution.get(line - 1).strip();
                    Integer shown = starterLines.get(code);
                    if (!code.isEmpty() && !code.startsWith("//") && shown != null
                            && !outsideGaps.contains(code)) {
                        problems.add(new Problem(Layout.STARTER + "/" + relative, shown,
                                "shows `" + code + "`, a solution line from the gap of"
                                + " exercise " + gap.exercise() + " at " + solutionFile + ":"
                                + line, "the starter must not contain the solution: run "
                                + Problem.REGENERATE));
                    }
                }
            }
        }
        return problems;
    }

    private static Set<String> linesOutsideGaps(List<String> lines, List<Gap> gaps) {
        Set<String> outside = new HashSet<>();
        int next = 1;
        for (Gap gap : gaps) {
            for (; next < gap.beginLine(); next++) {
                outside.add(lines.get(next - 1).strip());
            }
            next = gap.endLine() + 1;
        }
        for (; next <= lines.size(); next++) {
            outside.add(lines.get(next - 1).strip());
        }
        return outside;
    }

    /**
     * Returns one problem for each type, field, constructor or method that only one of the
     * two trees' main sources declares, or that they declare differently.
     */
    public List<Problem> apiDifferences() throws IOException {
        Map<String, ApiSignatures.Signature> solution = new LinkedHashMap<>();
        Map<String, ApiSignatures.Signature> starter = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> solutionFiles = api(Layout.SOLUTION, solution, problems);
        Map<String, String> starterFiles = api(Layout.STARTER, starter, problems);
        String fix = "the starter must declare exactly what the solution declares: change the"
                + " declaration in the solution only, then run " + Problem.REGENERATE;
        for (Map.Entry<String, ApiSignatures.Signature> entry : solution.entrySet()) {
            if (!starter.containsKey(entry.getKey())) {
                problems.add(new Problem(solutionFiles.get(entry.getKey()),
                        entry.getValue().line(), "declares `" + entry.getKey()
                        + "`, which the starter does not", fix));
            }
        }
        for (Map.Entry<String, ApiSignatures.Signature> entry : starter.entrySet()) {
            if (!solution.containsKey(entry.getKey())) {
                problems.add(new Problem(starterFiles.get(entry.getKey()),
                        entry.getValue().line(), "declares `" + entry.getKey()
                        + "`, which the solution does not", fix));
            }
        }
        return problems;
    }

    /** Collects the signatures of a tree's main sources and returns the file of each. */
    private Map<String, String> api(String tree, Map<String, ApiSignatures.Signature> into,
            List<Problem> problems) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        Path folder = root.resolve(tree);
        for (String path : StarterTree.listFiles(folder)) {
            if (!path.startsWith(MAIN_SOURCES) || !path.endsWith(".java")) {
                continue;
            }
            String file = tree + "/" + path;
            try {
                JavaSource source = JavaSource.parse(file, Files.readString(folder.resolve(path),
                        StandardCharsets.UTF_8));
                for (ApiSignatures.Signature signature : ApiSignatures.of(source)) {
                    into.put(signature.text(), signature);
                    files.put(signature.text(), file);
                }
            } catch (JavaSource.ParseException syntax) {
                problems.addAll(syntax.problems());
            }
        }
        return files;
    }

    /**
     * Returns one problem for each line of the starter's test baseline that is malformed or
     * names a test the starter's visible tests do not have. The starter's own build checks that
     * exactly the listed tests fail; this check keeps the list free of stale entries, which that
     * build cannot see.
     *
     * @param baseline the baseline file, relative to the root
     */
    public List<Problem> staleBaselineEntries(String baseline) throws IOException {
        List<Problem> problems = new ArrayList<>();
        Path path = root.resolve(baseline);
        if (!Files.exists(path)) {
            return List.of(new Problem(baseline, 0, "is missing", "list the starter's failing"
                    + " tests there, one `LETTER class#method` per line"));
        }
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher entry = BASELINE_ENTRY.matcher(line);
            if (!entry.matches() || Exercise.forLetter(entry.group(1)).isEmpty()) {
                problems.add(new Problem(baseline, index + 1, "malformed entry `" + line + "`",
                        "write an exercise letter, a space and the test as"
                        + " rnnlab.rnn.RnnTests$KnownAnswers#forwardPass, or the class alone"
                        + " for a failing @BeforeAll"));
            } else if (!testExists(entry.group(2), entry.group(3))) {
                problems.add(new Problem(baseline, index + 1, "names " + line.substring(1)
                        .strip() + ", which is not a test class or method of "
                        + Layout.STARTER + "/" + TEST_SOURCES, "delete the line, or rename it"
                        + " after the test"));
            }
        }
        return problems;
    }

    /** Returns whether the starter's tests declare the class, and the method unless null. */
    private boolean testExists(String className, String method) throws IOException {
        String[] nesting = className.split("\\$");
        Path file = root.resolve(Layout.STARTER).resolve(TEST_SOURCES
                + nesting[0].replace('.', '/') + ".java");
        if (!Files.exists(file)) {
            return false;
        }
        JavaSource source;
        try {
            source = JavaSource.parse(file.toString(), Files.readString(file));
        } catch (JavaSource.ParseException syntax) {
            return false;
        }
        String simpleName = nesting[0].substring(nesting[0].lastIndexOf('.') + 1);
        List<? extends Tree> members = source.unit().getTypeDecls();
        ClassTree type = find(members, simpleName);
        for (int level = 1; type != null && level < nesting.length; level++) {
            type = find(type.getMembers(), nesting[level]);
        }
        if (type == null || method == null) {
            return type != null;
        }
        for (Tree member : type.getMembers()) {
            if (member instanceof MethodTree candidate
                    && candidate.getName().contentEquals(method)) {
                return true;
            }
        }
        return false;
    }

    private static ClassTree find(List<? extends Tree> members, String name) {
        for (Tree member : members) {
            if (member instanceof ClassTree type && type.getSimpleName().contentEquals(name)) {
                return type;
            }
        }
        return null;
    }
}
