package rnnlab.generator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The starter tree as the generator would write it, built in memory from {@code solution/}.
 *
 * <ul>
 *   <li>A Java file with gap markers gets a stub for each gap (see {@link Stubs}).</li>
 *   <li>A file whose first line is a {@code SOLUTION ONLY} comment ({@code // SOLUTION ONLY},
 *       {@code # SOLUTION ONLY} or {@code <!-- SOLUTION ONLY -->}, a reason may follow) is
 *       left out.</li>
 *   <li>{@code solution/pom.xml} gets the starter's artifactId and name: the project's own
 *       artifactId must end in {@code -solution}, which becomes {@code -starter}, and the word
 *       "solution" in its name becomes "starter".</li>
 *   <li>Every other file is copied byte for byte, tests and resources included.</li>
 *   <li>The files under {@code generator/starter-files/}, the student handout and answer
 *       sheet, are added; none may have the path of a solution file.</li>
 * </ul>
 * Build output and editor files ({@link #IGNORED_NAMES}, {@code *.iml}, {@code *.class}) are
 * neither copied nor expected.
 */
public final class StarterTree {

    /** The folder names skipped in both trees, the same ones that .gitignore lists. */
    public static final Set<String> IGNORED_NAMES = Set.of("target", "plots", ".idea",
            ".vscode", ".DS_Store");

    private static final Pattern SOLUTION_ONLY = Pattern.compile(
            "^\\s*(//|#|<!--)\\s*SOLUTION ONLY\\b.*");
    private static final Pattern ARTIFACT_ID = Pattern.compile(
            "<artifactId>([^<]*)</artifactId>");
    private static final Pattern NAME = Pattern.compile("<name>([^<]*)</name>");

    private final SortedMap<String, byte[]> files;
    private final SortedMap<String, List<Gap>> gaps;
    private final List<String> solutionOnly;
    private final Set<String> invalid;
    private final List<Problem> problems;

    private StarterTree(SortedMap<String, byte[]> files, SortedMap<String, List<Gap>> gaps,
            List<String> solutionOnly, Set<String> invalid, List<Problem> problems) {
        this.files = Collections.unmodifiableSortedMap(files);
        this.gaps = Collections.unmodifiableSortedMap(gaps);
        this.solutionOnly = List.copyOf(solutionOnly);
        this.invalid = Set.copyOf(invalid);
        this.problems = List.copyOf(problems);
    }

    /**
     * Builds the starter from the solution of a repository.
     *
     * @param root the repository root, which contains {@code solution/} and {@code generator/}
     * @throws IOException if a file cannot be read
     */
    public static StarterTree build(Path root) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        SortedMap<String, List<Gap>> gaps = new TreeMap<>();
        List<String> solutionOnly = new ArrayList<>();
        Set<String> invalid = new TreeSet<>();
        List<Problem> problems = new ArrayList<>();
        Path solution = root.resolve(Layout.SOLUTION);
        for (String path : listFiles(solution)) {
            byte[] content = Files.readAllBytes(solution.resolve(path));
            String file = Layout.SOLUTION + "/" + path;
            Optional<String> text = decode(content);
            int before = problems.size();
            byte[] starter = content;
            if (text.isPresent() && isSolutionOnly(text.get())) {
                solutionOnly.add(file);
                continue;
            } else if (path.endsWith(".java") && text.isPresent()) {
                starter = starterJava(file, text.get(), gaps, problems);
            } else if (path.equals("pom.xml") && text.isPresent()) {
                starter = starterPom(file, text.get(), problems);
            }
            if (problems.size() > before) {
                invalid.add(path);
            } else {
                files.put(path, starter);
            }
        }
        Path starterFiles = root.resolve(Layout.STARTER_FILES);
        for (String path : listFiles(starterFiles)) {
            if (files.containsKey(path)) {
                problems.add(new Problem(Layout.STARTER_FILES + "/" + path, 0, "has the same"
                        + " path as " + Layout.SOLUTION + "/" + path, "rename one of the two"
                        + " files; a starter-only file must not replace a solution file"));
            }
            files.put(path, Files.readAllBytes(starterFiles.resolve(path)));
        }
        return new StarterTree(files, gaps, solutionOnly, invalid, problems);
    }

    /** Returns the starter's files by path relative to {@code starter/}, in path order. */
    public SortedMap<String, byte[]> files() {
        return files;
    }

    /** Returns the gaps of each solution file that has any, by path from the root. */
    public SortedMap<String, List<Gap>> gaps() {
        return gaps;
    }

    /** Returns the solution files left out of the starter, by path from the root. */
    public List<String> solutionOnly() {
        return solutionOnly;
    }

    /**
     * Returns the starter paths that the generator cannot make because their solution file has
     * a problem. {@link #files()} leaves them out.
     */
    public Set<String> invalidFiles() {
        return invalid;
    }

    /** Returns the problems in the markers or the pom; the tree is incomplete unless empty. */
    public List<Problem> problems() {
        return problems;
    }

    /** Returns the number of gaps of each exercise that has any, in letter order. */
    public Map<Exercise, Integer> gapCounts() {
        Map<Exercise, Integer> counts = new EnumMap<>(Exercise.class);
        for (List<Gap> fileGaps : gaps.values()) {
            for (Gap gap : fileGaps) {
                counts.merge(gap.exercise(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Lists the files under a folder, relative to it with '/' separators, skipping build
     * output and editor files. A missing folder has no files.
     */
    public static List<String> listFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path relative = folder.relativize(path);
                if (Files.isRegularFile(path) && !isIgnored(relative)) {
                    paths.add(relative.toString().replace('\\', '/'));
                }
            }
        }
        Collections.sort(paths);
        return paths;
    }

    private static boolean isIgnored(Path relative) {
        for (Path part : relative) {
            if (IGNORED_NAMES.contains(part.toString())) {
                return true;
            }
        }
        String name = relative.getFileName().toString();
        return name.endsWith(".iml") || name.endsWith(".class");
    }

    /** Splits a text into lines without terminators; a final line break adds no line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String join(List<String> lines, boolean finalLineBreak) {
        return String.join("\n", lines) + (finalLineBreak ? "\n" : "");
    }

    private static boolean isSolutionOnly(String text) {
        List<String> lines = lines(text);
        return !lines.isEmpty() && SOLUTION_ONLY.matcher(lines.get(0)).matches();
    }

    private static byte[] starterJava(String file, String text, Map<String, List<Gap>> gaps,
            List<Problem> problems) {
        List<String> lines = lines(text);
        GapParser.Result parsed = GapParser.parse(file, lines);
        problems.addAll(parsed.problems());
        if (!parsed.gaps().isEmpty()) {
            gaps.put(file, parsed.gaps());
        }
        if (parsed.gaps().isEmpty() || !parsed.problems().isEmpty()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            List<Problem> placement = GapPlacement.check(JavaSource.parse(file, text),
                    parsed.gaps());
            problems.addAll(placement);
        } catch (JavaSource.ParseException syntax) {
            problems.addAll(syntax.problems());
        }
        String starter = join(Stubs.render(lines, parsed.gaps()), text.endsWith("\n"));
        return starter.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] starterPom(String file, String text, List<Problem> problems) {
        int parentEnd = text.indexOf("</parent>");
        int from = parentEnd < 0 ? 0 : parentEnd;
        Matcher artifactId = ARTIFACT_ID.matcher(text);
        Matcher name = NAME.matcher(text);
        if (!artifactId.find(from) || !artifactId.group(1).endsWith("-solution")) {
            problems.add(new Problem(file, 0, "has no project artifactId ending in -solution"
                    + " after its <parent>", "name the solution module rnn-lab-solution, so"
                    + " that the starter becomes rnn-lab-starter"));
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (!name.find(from) || !name.group(1).contains("solution")) {
            problems.add(new Problem(file, 0, "has no project <name> containing the word"
                    + " solution after its <parent>", "name the module, for example"
                    + " <name>RNN lab: solution</name>"));
            return text.getBytes(StandardCharsets.UTF_8);
        }
        String starterArtifactId = artifactId.group(1).replaceFirst("-solution$", "-starter");
        String starterName = name.group(1).replace("solution", "starter");
        StringBuilder pom = new StringBuilder(text);
        // Replace the later match first, so that the earlier one's offsets stay valid.
        if (name.start(1) > artifactId.start(1)) {
            pom.replace(name.start(1), name.end(1), starterName);
            pom.replace(artifactId.start(1), artifactId.end(1), starterArtifactId);
        } else {
            pom.replace(artifactId.start(1), artifactId.end(1), starterArtifactId);
            pom.replace(name.start(1), name.end(1), starterName);
        }
        return pom.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the content as UTF-8 text, or empty for binary content such as a PNG. */
    static Optional<String> decode(byte[] content) {
        for (byte value : content) {
            if (value == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException binary) {
            return Optional.empty();
        }
    }
}
