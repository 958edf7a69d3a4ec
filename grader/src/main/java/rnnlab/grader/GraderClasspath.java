package rnnlab.grader;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class path of the grader itself, which the child JVM and the compiler reuse.
 *
 * <p>Run as {@code java -jar grader.jar}, it is the jar and every jar in the {@code lib} folder
 * beside it. Run from a build, it is the JVM's own class path, with the solution's classes left
 * out so that a submission is never graded against them.
 */
public final class GraderClasspath {

    private GraderClasspath() {
    }

    /** Returns the entries, the grader's own location first. */
    public static List<String> entries() {
        Path location = ownLocation();
        if (location != null && location.toString().endsWith(".jar")) {
            List<String> entries = new ArrayList<>();
            entries.add(location.toString());
            Path lib = location.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    jars.filter(path -> path.toString().endsWith(".jar")).sorted()
                            .forEach(path -> entries.add(path.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot list the grader's libraries in "
                            + lib + ": " + e.getMessage(), e);
                }
            }
            return entries;
        }
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!isSolution(entry) && !entry.isBlank()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    static boolean isSolution(String entry) {
        String normalized = entry.replace('\\', '/');
        return normalized.contains("rnn-lab-solution")
                || normalized.endsWith("/solution/target/classes")
                || normalized.endsWith("/solution/target/test-classes");
    }

    private static Path ownLocation() {
        try {
            var source = GraderClasspath.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
