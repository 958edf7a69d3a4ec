package rnnlab.grader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Writes the manifest of hidden tests at build time, when the solution is on the class path:
 * every {@code @Graded} test method of the compiled hidden test classes, with its exercise and
 * points. Fails the build on a test without {@code @Graded}, points below 1, or an unknown
 * exercise.
 *
 * <p>Arguments: the folder of compiled classes.
 */
public final class HiddenTestManifest {

    private static final String HIDDEN_PACKAGE = "rnnlab/grader/hidden";

    private HiddenTestManifest() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Path classes = Path.of(args[0]);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String className : testClassNames(classes)) {
            Class<?> type = Class.forName(className, false,
                    HiddenTestManifest.class.getClassLoader());
            Method[] methods = type.getDeclaredMethods();
            java.util.Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method method : methods) {
                rows.addAll(describe(type, method));
            }
        }
        Path file = classes.resolve(HiddenTests.MANIFEST);
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(),
                rows);
        System.out.println("Wrote " + rows.size() + " hidden tests to " + file);
    }

    private static List<String> testClassNames(Path classes) throws IOException {
        Path folder = classes.resolve(HIDDEN_PACKAGE);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith("Tests.class"))
                    .sorted()
                    .map(name -> HIDDEN_PACKAGE.replace('/', '.') + "."
                            + name.substring(0, name.length() - ".class".length()))
                    .toList();
        }
    }

    private static List<Map<String, Object>> describe(Class<?> type, Method method) {
        boolean isTest = method.isAnnotationPresent(Test.class)
                || method.isAnnotationPresent(ParameterizedTest.class);
        Graded graded = method.getAnnotation(Graded.class);
        if (!isTest && graded == null) {
            return List.of();
        }
        String where = type.getSimpleName() + "." + method.getName();
        if (graded == null) {
            throw new IllegalStateException(where + " is a test without @Graded; add"
                    + " @Graded(exercise = ..., points = ...)");
        }
        if (!isTest) {
            throw new IllegalStateException(where + " has @Graded but is not a @Test");
        }
        if (graded.points() < 1) {
            throw new IllegalStateException(where + ": points must be at least 1 but were "
                    + graded.points());
        }
        Exercise exercise = Exercise.of(graded.exercise());
        DisplayName displayName = method.getAnnotation(DisplayName.class);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("className", type.getName());
        row.put("methodName", method.getName());
        row.put("displayName", displayName != null ? displayName.value() : method.getName());
        row.put("exercise", exercise.name());
        row.put("points", graded.points());
        return List.of(row);
    }
}
