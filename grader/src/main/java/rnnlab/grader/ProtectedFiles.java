package rnnlab.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Records, at build time, the SHA-256 of every file a student must not change, as
 * {@code sha256sum} would print them, with paths as they appear in a student's repository: the
 * build file, the visible tests and the grading workflow.
 *
 * <p>Arguments: the starter folder, the workflow file (may be missing), the output file.
 */
public final class ProtectedFiles {

    private ProtectedFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path starter = Path.of(args[0]);
        Path workflow = Path.of(args[1]);
        Path output = Path.of(args[2]);
        List<String> lines = new ArrayList<>();
        lines.add("# SHA-256 of the files a student must not change, paths from the repository"
                + " root");
        if (Files.isRegularFile(starter.resolve("pom.xml"))) {
            lines.add(line(starter.resolve("pom.xml"), "pom.xml"));
        }
        Path tests = starter.resolve("src/test");
        if (Files.isDirectory(tests)) {
            try (Stream<Path> walk = Files.walk(tests)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String relative = starter.relativize(file).toString().replace('\\', '/');
                    lines.add(line(file, relative));
                }
            }
        }
        if (Files.isRegularFile(workflow)) {
            lines.add(line(workflow, ".github/workflows/classroom.yml"));
        }
        Files.createDirectories(output.getParent());
        Files.write(output, lines, StandardCharsets.UTF_8);
        System.out.println("Recorded " + (lines.size() - 1) + " protected files in " + output);
    }

    private static String line(Path file, String relative) throws IOException {
        return TamperCheck.sha256(file) + "  " + relative;
    }
}
