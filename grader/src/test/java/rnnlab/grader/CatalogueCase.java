package rnnlab.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One catalogue entry: a small edit of the solution's sources, read from a {@code .patch} file.
 *
 * <p>The format is line based. Lines before the first hunk are {@code # description},
 * {@code exercise: D} (the exercise the edit targets, {@code none} when it should cost nothing),
 * {@code also: F J} (exercises that call the edited code, so they may lose points too) and
 * {@code file: rnnlab/rnn/RnnBackward.java} (a path under src/main/java; it applies to the hunks
 * that follow). A hunk is {@code @@@ find}, the exact text, {@code @@@ replace}, the new text,
 * {@code @@@ end}. The find text must occur exactly once in its file.
 *
 * @param name the file name without {@code .patch}
 * @param description the first comment line
 * @param exercise the targeted exercise, or null for none
 * @param also exercises that depend on the edited code
 * @param hunks the edits, in order
 */
record CatalogueCase(String name, String description, Exercise exercise, Set<Exercise> also,
        List<Hunk> hunks) {

    /** One exact replacement in one source file. */
    record Hunk(String file, String find, String replace) {
    }

    /** Reads every {@code .patch} file of a folder, sorted by name. */
    static List<CatalogueCase> readFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<CatalogueCase> cases = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".patch"))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                cases.add(read(file));
            }
            return cases;
        }
    }

    /** Parses one {@code .patch} file. */
    static CatalogueCase read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.patch$", "");
        String description = "";
        Exercise exercise = null;
        Set<Exercise> also = EnumSet.noneOf(Exercise.class);
        List<Hunk> hunks = new ArrayList<>();
        String source = null;
        StringBuilder find = null;
        StringBuilder replace = null;
        StringBuilder current = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.equals("@@@ find")) {
                find = new StringBuilder();
                current = find;
            } else if (line.equals("@@@ replace")) {
                replace = new StringBuilder();
                current = replace;
            } else if (line.equals("@@@ end")) {
                if (source == null || find == null || replace == null) {
                    throw new IllegalArgumentException(file + ": a hunk needs a file: line, a"
                            + " find block and a replace block");
                }
                hunks.add(new Hunk(source, find.toString(), replace.toString()));
                find = null;
                replace = null;
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            } else if (line.startsWith("#")) {
                if (description.isEmpty()) {
                    description = line.substring(1).strip();
                }
            } else if (line.startsWith("exercise:")) {
                String letter = line.substring("exercise:".length()).strip();
                exercise = letter.equals("none") ? null : Exercise.of(letter);
            } else if (line.startsWith("also:")) {
                for (String letter : line.substring("also:".length()).strip().split("\\s+")) {
                    also.add(Exercise.of(letter));
                }
            } else if (line.startsWith("file:")) {
                source = line.substring("file:".length()).strip();
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException(file + ": unexpected line \"" + line + "\"");
            }
        }
        if (hunks.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected at least one hunk but was 0");
        }
        return new CatalogueCase(name, description, exercise, also, List.copyOf(hunks));
    }

    /**
     * Copies the solution's sources into {@code target}/src/main/java and applies the hunks.
     *
     * @throws IllegalStateException if a find text does not occur exactly once
     */
    Path applyTo(Path solutionSources, Path target) throws IOException {
        Path sources = target.resolve("src/main/java");
        try (Stream<Path> walk = Files.walk(solutionSources)) {
            for (Path path : walk.toList()) {
                Path copy = sources.resolve(solutionSources.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        for (Hunk hunk : hunks) {
            Path file = sources.resolve(hunk.file());
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int first = text.indexOf(hunk.find());
            if (first < 0 || text.indexOf(hunk.find(), first + 1) >= 0) {
                throw new IllegalStateException(name + ": the find text of a hunk occurs "
                        + (first < 0 ? "nowhere" : "more than once") + " in " + hunk.file()
                        + "; update the case to the solution's current code");
            }
            text = text.substring(0, first) + hunk.replace()
                    + text.substring(first + hunk.find().length());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        return target;
    }
}
