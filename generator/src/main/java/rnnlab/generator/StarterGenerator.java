package rnnlab.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code starter/} from {@code solution/}. Instructors edit only the solution and run,
 * from the repository root,
 * <pre>
 * ./mvnw -q -pl generator compile exec:java
 * </pre>
 * The build's parity tests then fail whenever the committed starter differs from what this
 * program writes.
 *
 * <h2>Gap markers</h2>
 *
 * <p>A gap is a run of solution lines between two whole-line comments:
 * <pre>
 * // BEGIN EXERCISE C: compute h_t = tanh(U x_t + V h_{t-1} + b_hidden) with Matrices.affine,
 * //     Matrices.multiplyAdd and Matrices.tanhInPlace
 * DMatrixRMaj h = Matrices.affine(parameters.u(), x, parameters.bHidden());
 * ...
 * return h;
 * // END EXERCISE C
 * </pre>
 * The text after the colon, with the comment lines right below it whose text starts with four
 * or more spaces, is the hint. In the starter the gap becomes the hint, after {@code TODO
 * Exercise C:}, and a stub {@code throw new UnsupportedOperationException("Exercise C (RNN
 * forward pass) is not implemented yet")} with the title from {@link Exercise}. The stub never
 * returns a value, so no test can pass by accident on a {@code 0} or {@code null}.
 *
 * <p>Rules, which the generator checks and reports with file and line:
 * <ul>
 *   <li>markers pair up, do not nest, name a letter of {@link Exercise} and carry a hint;</li>
 *   <li>a gap covers whole statements of one block, from some statement to the block's last,
 *       because javac rejects statements after a {@code throw} as unreachable. A gap can be a
 *       method body, the tail of one, or a loop body, which leaves the loop and the method's
 *       {@code return} visible; lines that other statements follow go into a method of their
 *       own (see {@link GapPlacement}).</li>
 * </ul>
 * A file whose first line is {@code // SOLUTION ONLY} is left out of the starter; see
 * {@link StarterTree} for the other files.
 */
public final class StarterGenerator {

    private StarterGenerator() {
    }

    /**
     * Writes the starter: changed files are rewritten, new ones created, and files that the
     * generator no longer makes are deleted. Build output under {@code starter/} is kept.
     *
     * @param args the repository root; the working folder when absent
     * @throws IllegalStateException if a marker is invalid, after printing every problem
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        generate(root, System.out, System.err);
    }

    /**
     * Writes the starter of a repository and prints one summary line, or prints every problem
     * and throws.
     *
     * @throws IllegalStateException if a marker is invalid; nothing is written then
     */
    static void generate(Path root, PrintStream out, PrintStream err) throws IOException {
        StarterTree tree = StarterTree.build(root);
        if (!tree.problems().isEmpty()) {
            tree.problems().forEach(err::println);
            throw new IllegalStateException(tree.problems().size() + " problem(s) in "
                    + Layout.SOLUTION + "/ stop the starter from being generated; starter/ was"
                    + " not changed");
        }
        int changed = write(tree, root.resolve(Layout.STARTER));
        out.println("Wrote " + Layout.STARTER + "/ from " + Layout.SOLUTION + "/: "
                + tree.files().size() + " files, " + changed + " changed; gaps per exercise: "
                + describe(tree.gapCounts()) + "; " + tree.solutionOnly().size()
                + " solution-only file(s) left out.");
    }

    /** Makes a folder hold exactly the tree's files and returns how many it changed. */
    static int write(StarterTree tree, Path starter) throws IOException {
        int changed = 0;
        for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
            Path target = starter.resolve(file.getKey());
            if (!Files.exists(target)
                    || !Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
                changed++;
            }
        }
        for (String stale : StarterTree.listFiles(starter)) {
            if (!tree.files().containsKey(stale)) {
                Files.delete(starter.resolve(stale));
                changed++;
            }
        }
        deleteEmptyFolders(starter);
        return changed;
    }

    private static void deleteEmptyFolders(Path starter) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(starter)) {
            walk.filter(Files::isDirectory)
                    .filter(path -> !StarterTree.IGNORED_NAMES.contains(
                            starter.relativize(path).getName(0).toString()))
                    .forEach(folders::add);
        }
        folders.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path folder : folders) {
            if (!folder.equals(starter)) {
                try (Stream<Path> entries = Files.list(folder)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(folder);
                    }
                }
            }
        }
    }

    /** Formats gap counts as "A 5, B 2", or "none". */
    static String describe(Map<Exercise, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((exercise, count) -> parts.add(exercise + " " + count));
        return String.join(", ", parts);
    }
}
