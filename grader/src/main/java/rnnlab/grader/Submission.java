package rnnlab.grader;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A submission's Java sources, found in a student's repository root or a starter-shaped tree.
 *
 * @param root the folder given to the grader
 * @param sources the folder of the main sources, such as {@code root/src/main/java}
 * @param files every {@code .java} file under sources, sorted
 */
public record Submission(Path root, Path sources, List<Path> files) {

    /** The folders, relative to a submission, searched for main sources in this order. */
    static final List<String> SOURCE_FOLDERS = List.of("src/main/java", "starter/src/main/java",
            "solution/src/main/java");

    /**
     * Finds the sources of a submission.
     *
     * @throws BadInputException if the folder is missing, has no sources, or cannot be read
     */
    public static Submission locate(Path root) throws BadInputException {
        if (!Files.exists(root)) {
            throw new BadInputException("submission folder " + root + " does not exist; pass a"
                    + " student's repository root or a starter/ folder");
        }
        if (!Files.isDirectory(root)) {
            throw new BadInputException("submission " + root + " is a file, not a folder; pass"
                    + " the folder that contains src/main/java");
        }
        for (String candidate : SOURCE_FOLDERS) {
            Path sources = root.resolve(candidate);
            if (Files.isDirectory(sources)) {
                List<Path> files = javaFiles(sources);
                if (!files.isEmpty()) {
                    return new Submission(root, sources, files);
                }
            }
        }
        throw new BadInputException("no Java sources found in " + root + ": expected .java files"
                + " under one of " + SOURCE_FOLDERS);
    }

    private static List<Path> javaFiles(Path sources) throws BadInputException {
        try (Stream<Path> walk = Files.walk(sources, FileVisitOption.FOLLOW_LINKS)) {
            List<Path> files = walk.filter(path -> path.toString().endsWith(".java"))
                    .filter(Files::isRegularFile)
                    .filter(path -> !isGraderSource(sources, path))
                    .sorted()
                    .toList();
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    throw new BadInputException("cannot read " + file + "; check its"
                            + " permissions");
                }
            }
            return files;
        } catch (IOException e) {
            throw new BadInputException("cannot read the sources under " + sources + ": "
                    + e.getMessage());
        }
    }

    /**
     * Returns whether a file sits in the grader's own package, {@code rnnlab/grader}. Such files
     * are never compiled, so a submission cannot bring its own hidden tests or runner.
     */
    static boolean isGraderSource(Path sources, Path file) {
        return sources.relativize(file).toString().replace('\\', '/').startsWith(
                "rnnlab/grader/");
    }

    /** Returns the path of a source file relative to the sources folder, with '/'. */
    public String relative(Path file) {
        return sources.relativize(file).toString().replace('\\', '/');
    }
}
