package rnnlab.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("starter tree")
class StarterTreeTests {

    /** A class with a whole-body gap, a loop-body gap and a gap at the tail of a method. */
    private static final String COUNTER = """
            package demo;

            import java.util.List;

            public final class Counter {

                /** Returns the sum. */
                public static int sum(List<Integer> values) {
                    int total = 0;
                    for (int value : values) {
                        // BEGIN EXERCISE E: add value to total
                        total += value;
                        // END EXERCISE E
                    }
                    return total;
                }

                /** Returns twice the value. */
                public static int twice(int value) {
                    // BEGIN EXERCISE C: return 2 value
                    //     without overflow checks
                    int doubled = 2 * value;
                    return doubled;
                    // END EXERCISE C
                }

                /** Checks, then prints. */
                public static void print(int value) {
                    if (value < 0) {
                        throw new IllegalArgumentException("value: expected 0 or more");
                    }
                    // BEGIN EXERCISE A: print the value
                    System.out.println(value);
                    // END EXERCISE A
                }
            }
            """;

    @Nested
    @DisplayName("Java files")
    class JavaFiles {

        @Test
        @DisplayName("each gap becomes its hint and a stub that names the exercise")
        void stubs(@TempDir Path folder) throws IOException {
            TestRepository repository = new TestRepository(folder)
                    .write("solution/src/main/java/demo/Counter.java", COUNTER);

            StarterTree tree = StarterTree.build(folder);

            assertThat(tree.problems()).isEmpty();
            String starter = text(tree, "src/main/java/demo/Counter.java");
            assertThat(starter).contains("""
                            for (int value : values) {
                                // TODO Exercise E: add value to total
                                throw new UnsupportedOperationException(
                                        "Exercise E (training loop) is not implemented yet");
                            }
                            return total;
                    """);
            assertThat(starter).contains("""
                            // TODO Exercise C: return 2 value
                            //     without overflow checks
                            throw new UnsupportedOperationException(
                                    "Exercise C (RNN forward pass) is not implemented yet");
                        }
                    """);
            assertThat(starter).doesNotContain("total += value", "2 * value", "BEGIN", "END");
            assertThat(tree.gapCounts()).containsEntry(Exercise.A, 1)
                    .containsEntry(Exercise.C, 1).containsEntry(Exercise.E, 1);
            assertThat(repository.read("solution/src/main/java/demo/Counter.java"))
                    .isEqualTo(COUNTER);
        }

        @Test
        @DisplayName("the starter of a file with gaps compiles")
        void stubsCompile(@TempDir Path folder, @TempDir Path classes) throws IOException {
            new TestRepository(folder).write("solution/src/main/java/demo/Counter.java",
                    COUNTER);

            String starter = text(StarterTree.build(folder), "src/main/java/demo/Counter.java");

            assertThat(compile("demo/Counter.java", starter, classes)).as("javac errors")
                    .isEmpty();
        }

        @Test
        @DisplayName("a gap that other statements follow is rejected at its END line")
        void statementAfterGap(@TempDir Path folder) throws IOException {
            new TestRepository(folder).write("solution/src/main/java/demo/Late.java", """
                    class Late {
                        int f() {
                            // BEGIN EXERCISE D: compute x
                            int x = 1;
                            // END EXERCISE D
                            return x;
                        }
                    }
                    """);

            List<Problem> problems = StarterTree.build(folder).problems();

            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).file()).isEqualTo("solution/src/main/java/demo/Late.java");
            assertThat(problems.get(0).line()).isEqualTo(5);
            assertThat(problems.get(0).message()).contains("followed by the statement on line 6",
                    "unreachable");
            assertThat(problems.get(0).fix()).contains("method of their own");
        }

        @Test
        @DisplayName("a gap between two methods is rejected")
        void gapOutsideBody(@TempDir Path folder) throws IOException {
            new TestRepository(folder).write("solution/src/main/java/demo/Outside.java", """
                    class Outside {
                        // BEGIN EXERCISE B: write f
                        int f() {
                            return 1;
                        }
                        // END EXERCISE B
                    }
                    """);

            List<Problem> problems = StarterTree.build(folder).problems();

            assertThat(problems).extracting(Problem::message)
                    .anyMatch(message -> message.contains("not inside a method"));
        }

        @Test
        @DisplayName("a gap that starts inside a statement is rejected")
        void gapInsideStatement(@TempDir Path folder) throws IOException {
            new TestRepository(folder).write("solution/src/main/java/demo/Split.java", """
                    class Split {
                        int f() {
                            int x = 1
                                    // BEGIN EXERCISE B: finish the sum
                                    + 2;
                            return x;
                            // END EXERCISE B
                        }
                    }
                    """);

            List<Problem> problems = StarterTree.build(folder).problems();

            assertThat(problems).extracting(Problem::message)
                    .anyMatch(message -> message.contains("begins inside the statement"));
        }
    }

    @Nested
    @DisplayName("other files")
    class OtherFiles {

        @Test
        @DisplayName("the pom gets the starter's artifactId and name, nothing else changes")
        void pom(@TempDir Path folder) throws IOException {
            new TestRepository(folder);

            String pom = text(StarterTree.build(folder), "pom.xml");

            assertThat(pom).isEqualTo(TestRepository.POM
                    .replace("rnn-lab-solution", "rnn-lab-starter")
                    .replace("RNN lab: solution", "RNN lab: starter"));
        }

        @Test
        @DisplayName("solution-only files are left out, others copied as they are")
        void copies(@TempDir Path folder) throws IOException {
            new TestRepository(folder)
                    .write("solution/src/main/java/demo/Gru.java", "// SOLUTION ONLY: the"
                            + " reference GRU\nclass Gru {}\n")
                    .write("solution/notes.md", "<!-- SOLUTION ONLY -->\nanswers\n")
                    .write("solution/src/test/java/demo/CounterTests.java", "class X {}\n")
                    .write("solution/target/classes/demo/Counter.class", "binary")
                    .write("generator/starter-files/README.md", "handout\n");

            StarterTree tree = StarterTree.build(folder);

            assertThat(tree.files().keySet()).containsExactly("README.md", "pom.xml",
                    "src/test/java/demo/CounterTests.java");
            assertThat(tree.solutionOnly()).containsExactly(
                    "solution/notes.md", "solution/src/main/java/demo/Gru.java");
        }

        @Test
        @DisplayName("a starter-only file may not replace a solution file")
        void conflict(@TempDir Path folder) throws IOException {
            new TestRepository(folder).write("solution/README.md", "solution\n")
                    .write("generator/starter-files/README.md", "handout\n");

            List<Problem> problems = StarterTree.build(folder).problems();

            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).file()).isEqualTo("generator/starter-files/README.md");
        }
    }

    private static String text(StarterTree tree, String path) {
        assertThat(tree.files()).containsKey(path);
        return new String(tree.files().get(path), StandardCharsets.UTF_8);
    }

    /** Compiles one source file in memory and returns javac's error messages. */
    private static List<String> compile(String path, String text, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + path),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        compiler.getTask(null, null, diagnostics, List.of("-proc:none", "-d",
                classes.toString()), null, List.of(source)).call();
        return diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .map(diagnostic -> diagnostic.getLineNumber() + ": "
                        + diagnostic.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }
}
