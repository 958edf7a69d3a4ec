package rnnlab.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a submission with the JDK's compiler, so that one broken file costs only its own
 * exercises: a file with errors is replaced by the pristine starter version shipped inside the
 * grader, and the rest is compiled again, until everything compiles.
 */
public final class SubmissionCompiler {

    /** The class-path folder of the pristine starter sources. */
    static final String PRISTINE_ROOT = "rnnlab/grader/pristine/";
    private static final int ERRORS_KEPT = 3;
    private static final Pattern STUB = Pattern.compile("Exercise ([A-N]) \\(");

    private final List<String> libraries;

    /** @param libraries the class path a submission compiles against */
    public SubmissionCompiler(List<String> libraries) {
        this.libraries = List.copyOf(libraries);
    }

    /** The compiled classes and the files that needed replacing. */
    public record Result(Path classes, List<CompileProblem> problems) {
    }

    /**
     * Copies the submission's sources into {@code work/sources}, compiles them into
     * {@code work/classes}, and replaces files that fail.
     *
     * @throws IllegalStateException if no compiler is available (a JRE instead of a JDK)
     */
    public Result compile(Submission submission, Path work) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty(
                    "java.home") + "; run the grader with a JDK 17 or newer, not a JRE");
        }
        Path sources = work.resolve("sources");
        Map<String, Path> files = new LinkedHashMap<>();
        for (Path file : submission.files()) {
            String relative = submission.relative(file);
            Path copy = sources.resolve(relative);
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            files.put(relative, copy);
        }

        Map<String, CompileProblem> problems = new LinkedHashMap<>();
        Path classes = work.resolve("classes");
        while (true) {
            deleteTree(classes);
            Files.createDirectories(classes);
            Map<String, List<String>> errors = compileOnce(compiler, files, classes);
            if (errors.isEmpty() || files.isEmpty()) {
                return new Result(classes, List.copyOf(problems.values()));
            }
            for (Map.Entry<String, List<String>> entry : errors.entrySet()) {
                String relative = entry.getKey();
                String pristine = pristineSource(relative);
                CompileProblem earlier = problems.get(relative);
                if (pristine != null && earlier == null) {
                    // First failure: swap in the starter's version of the file.
                    Files.writeString(files.get(relative), pristine, StandardCharsets.UTF_8);
                    problems.put(relative, new CompileProblem(relative, entry.getValue(), true,
                            exercisesIn(pristine)));
                } else {
                    // No starter version, or it fails beside the other files: leave it out,
                    // keeping the errors of the student's own version.
                    Files.delete(files.remove(relative));
                    List<String> shown = earlier != null ? earlier.errors() : entry.getValue();
                    problems.put(relative, new CompileProblem(relative, shown, false,
                            pristine == null ? Set.of() : exercisesIn(pristine)));
                }
            }
        }
    }

    private Map<String, List<String>> compileOnce(JavaCompiler compiler, Map<String, Path> files,
            Path classes) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics,
                Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(
                    files.values());
            List<String> options = List.of("--release", "17", "-encoding", "UTF-8",
                    "-proc:none", "-nowarn", "-d", classes.toString(),
                    "-classpath", String.join(java.io.File.pathSeparator, libraries));
            compiler.getTask(new StringWriter(), manager, diagnostics, options, null, units)
                    .call();
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Map<Path, String> relativeOf = new LinkedHashMap<>();
        files.forEach((relative, path) -> relativeOf.put(path.toAbsolutePath().normalize(),
                relative));
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR || diagnostic.getSource() == null) {
                continue;
            }
            Path source = Path.of(diagnostic.getSource().toUri()).toAbsolutePath().normalize();
            String relative = relativeOf.get(source);
            if (relative == null) {
                continue;
            }
            List<String> list = errors.computeIfAbsent(relative, key -> new ArrayList<>());
            if (list.size() < ERRORS_KEPT) {
                list.add(relative + ":" + diagnostic.getLineNumber() + ": "
                        + diagnostic.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            }
        }
        return errors;
    }

    /** Returns the starter's version of a file, or null when the starter has none. */
    static String pristineSource(String relative) throws IOException {
        try (InputStream in = SubmissionCompiler.class.getClassLoader()
                .getResourceAsStream(PRISTINE_ROOT + relative)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Returns the exercises whose stubs a starter file contains. */
    static Set<Exercise> exercisesIn(String source) {
        Set<Exercise> exercises = EnumSet.noneOf(Exercise.class);
        Matcher matcher = STUB.matcher(source);
        while (matcher.find()) {
            exercises.add(Exercise.of(matcher.group(1)));
        }
        return exercises;
    }

    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
