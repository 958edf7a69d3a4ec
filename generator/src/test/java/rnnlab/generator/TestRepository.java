package rnnlab.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small repository in a temporary folder, with files written from strings. */
final class TestRepository {

    /** A solution pom with the parts the generator rewrites. */
    static final String POM = """
            <project>
              <parent>
                <artifactId>rnn-lab</artifactId>
              </parent>
              <artifactId>rnn-lab-solution</artifactId>
              <name>RNN lab: solution</name>
            </project>
            """;

    private final Path root;

    TestRepository(Path root) {
        this.root = root;
        write("solution/pom.xml", POM);
    }

    Path root() {
        return root;
    }

    /** Writes a file, creating its folders, and returns this repository. */
    TestRepository write(String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    String read(String path) {
        try {
            return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Writes the starter that the generator makes from the current solution. */
    TestRepository generate() {
        try {
            StarterTree tree = StarterTree.build(root);
            if (!tree.problems().isEmpty()) {
                throw new IllegalStateException(tree.problems().toString());
            }
            StarterGenerator.write(tree, root.resolve(Layout.STARTER));
            return this;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
