package rnnlab.generator;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * One Java file parsed by the JDK's compiler into a syntax tree, without the classpath: enough
 * to see statements, blocks and declarations with their line numbers, but no types.
 */
final class JavaSource {

    private final String file;
    private final CompilationUnitTree unit;
    private final SourcePositions positions;

    private JavaSource(String file, CompilationUnitTree unit, SourcePositions positions) {
        this.file = file;
        this.unit = unit;
        this.positions = positions;
    }

    /**
     * Parses a source text.
     *
     * @param file the path relative to the repository root, for messages
     * @throws ParseException listing the syntax errors, each with its line
     */
    static JavaSource parse(String file, String text) throws ParseException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime; run Maven with a"
                    + " JDK 17 or newer, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + file),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostics,
                List.of("-proc:none"), null, List.of(source));
        Iterable<? extends CompilationUnitTree> units;
        try {
            units = task.parse();
        } catch (IOException unreadable) {
            throw new ParseException(List.of(new Problem(file, 0, "cannot be parsed: "
                    + unreadable.getMessage(), "check that the file is readable UTF-8")));
        }
        List<Problem> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(new Problem(file, (int) diagnostic.getLineNumber(), "syntax error: "
                        + diagnostic.getMessage(Locale.ROOT), "make the file valid Java"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ParseException(errors);
        }
        return new JavaSource(file, units.iterator().next(), Trees.instance(task)
                .getSourcePositions());
    }

    String file() {
        return file;
    }

    CompilationUnitTree unit() {
        return unit;
    }

    /** Returns the 1-based line where a tree starts. */
    int startLine(Tree tree) {
        return lineOf(positions.getStartPosition(unit, tree));
    }

    /** Returns the 1-based line where a tree ends, its last character included. */
    int endLine(Tree tree) {
        return lineOf(positions.getEndPosition(unit, tree) - 1);
    }

    private int lineOf(long position) {
        LineMap lines = unit.getLineMap();
        return (int) lines.getLineNumber(position);
    }

    /** Syntax errors that stop a file from being read. */
    static final class ParseException extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient List<Problem> problems;

        ParseException(List<Problem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }
}
