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
 * build file, the visible tests, the grading workflow and the scripts it calls.
 *
 * <p>Arguments: the starter folder, the workflow file, the output file, and optionally the
 * {@code pom.xml} that students receive and the folder of the workflow's scripts. The student
 * pom replaces the starter's own, which inherits from the lab's parent pom and so is not the
 * file in a student's repository. A missing workflow, pom or script folder is left out.
 */
public final class ProtectedFiles {

    private ProtectedFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path starter = Path.of(args[0]);
        Path workflow = Path.of(args[1]);
        Path output = Path.of(args[2]);
        Path pom = args.length > 3 ? Path.of(args[3]) : starter.resolve("pom.xml");
        List<String> lines = new ArrayList<>();
        lines.add("# SHA-256 of the files a student must not change, paths from the repository"
                + " root");
        if (Files.isRegularFile(pom)) {
            lines.add(line(pom, "pom.xml"));
        }
        addTree(lines, starter.resolve("src/test"), "src/test");
        if (Files.isRegularFile(workflow)) {
            lines.add(line(workflow, ".github/workflows/classroom.yml"));
        }
        if (args.length > 4) {
            addTree(lines, Path.of(args[4]), ".github/scripts");
        }
        Files.createDirectories(output.getParent());
        Files.write(output, lines, StandardCharsets.UTF_8);
        System.out.println("Recorded " + (lines.size() - 1) + " protected files in " + output);
    }

    /** Adds every file under {@code folder}, recorded under {@code repositoryPath}. */
    private static void addTree(List<String> lines, Path folder, String repositoryPath)
            throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                lines.add(line(file, repositoryPath + "/" + relative));
            }
        }
    }

    private static String line(Path file, String relative) throws IOException {
        return TamperCheck.sha256(file) + "  " + relative;
    }
}
