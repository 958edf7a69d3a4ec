package rnnlab.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("starter generator")
class StarterGeneratorTests {

    @Test
    @DisplayName("writes new files, deletes stale ones and keeps build output")
    void write(@TempDir Path folder) throws IOException {
        TestRepository repository = new TestRepository(folder)
                .write("solution/src/main/java/demo/A.java", "package demo;\nclass A {}\n")
                .write("starter/src/main/java/demo/Old.java", "package demo;\nclass Old {}\n")
                .write("starter/target/classes/demo/Old.class", "build output");

        ByteArrayOutputStream out = new ByteArrayOutputStream();

        StarterGenerator.generate(folder, print(out), print(new ByteArrayOutputStream()));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Wrote starter/ from"
                + " solution/: 2 files, 3 changed; gaps per exercise: none; 0 solution-only"
                + " file(s) left out.\n");

        assertThat(repository.read("starter/src/main/java/demo/A.java"))
                .isEqualTo("package demo;\nclass A {}\n");
        assertThat(folder.resolve("starter/src/main/java/demo/Old.java")).doesNotExist();
        assertThat(folder.resolve("starter/target/classes/demo/Old.class")).exists();
        assertThat(repository.read("starter/pom.xml")).contains("rnn-lab-starter");
    }

    @Test
    @DisplayName("an invalid marker stops it before anything is written")
    void invalidMarker(@TempDir Path folder) {
        new TestRepository(folder).write("solution/src/main/java/demo/A.java",
                "class A {\n    void f() {\n        // BEGIN EXERCISE C: hint\n    }\n}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThatThrownBy(() -> StarterGenerator.generate(folder,
                print(new ByteArrayOutputStream()), print(err)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("starter/ was not changed");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "solution/src/main/java/demo/A.java:3: BEGIN EXERCISE C is never closed. Fix:"
                + " add // END EXERCISE C after the last line of the gap\n");
        assertThat(Files.exists(folder.resolve("starter"))).isFalse();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
