package rnnlab.generator;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that each gap can be replaced by a stub that compiles.
 *
 * <p>The stub is a {@code throw} statement, and javac rejects any statement after a
 * {@code throw} in the same block as unreachable. So a gap must cover whole statements of one
 * block, from some statement to the block's last one, inside a method, constructor, lambda or
 * initializer. A gap may therefore be a whole method body, the tail of one, or the body of a
 * loop, whose scaffolding stays visible. Lines that some other statement follows must move
 * into a method of their own. Variables declared in the gap then go out of scope with the
 * block, so no later line can use them.
 */
final class GapPlacement {

    private GapPlacement() {
    }

    /** A block and the first and last line of each of its statements. */
    private record Block(int open, int close, List<int[]> statements) {
    }

    /** Returns one problem for each gap that a throwing stub could not replace. */
    static List<Problem> check(JavaSource source, List<Gap> gaps) {
        List<Block> blocks = blocks(source);
        List<Problem> problems = new ArrayList<>();
        for (Gap gap : gaps) {
            Block block = innermostBlock(blocks, gap);
            if (block == null) {
                problems.add(problem(source, gap, gap.beginLine(), "is not inside a method,"
                        + " constructor, lambda or initializer body", "move both markers into"
                        + " the body whose statements the gap replaces"));
                continue;
            }
            check(source, gap, block, problems);
        }
        return problems;
    }

    private static void check(JavaSource source, Gap gap, Block block, List<Problem> problems) {
        int inside = 0;
        for (int[] statement : block.statements()) {
            int first = statement[0];
            int last = statement[1];
            if (first < gap.beginLine() && last >= gap.beginLine()) {
                problems.add(problem(source, gap, gap.beginLine(), "begins inside the statement"
                        + " of lines " + first + " to " + last, "move BEGIN EXERCISE "
                        + gap.exercise() + " above that statement or below its end"));
            } else if (first > gap.beginLine() && first < gap.endLine()) {
                inside++;
                if (last >= gap.endLine()) {
                    problems.add(problem(source, gap, gap.endLine(), "ends inside the"
                            + " statement of lines " + first + " to " + last, "move END EXERCISE "
                            + gap.exercise() + " below the end of that statement"));
                }
            } else if (first > gap.endLine()) {
                problems.add(problem(source, gap, gap.endLine(), "is followed by the statement"
                        + " on line " + first + " in the same block, which the throwing stub"
                        + " would make unreachable", "let the gap run to the end of its block:"
                        + " move END EXERCISE " + gap.exercise() + " below the block's last"
                        + " statement, or move the gap's lines into a method of their own"));
                break;
            }
        }
        if (inside == 0) {
            problems.add(problem(source, gap, gap.beginLine(), "contains no whole statement of"
                    + " the block of lines " + block.open() + " to " + block.close(),
                    "put at least one complete statement between the markers"));
        }
    }

    private static Problem problem(JavaSource source, Gap gap, int line, String message,
            String fix) {
        return new Problem(source.file(), line, "the gap of exercise " + gap.exercise()
                + " (lines " + gap.beginLine() + " to " + gap.endLine() + ") " + message, fix);
    }

    /** Returns the smallest block whose braces enclose both markers, or null. */
    private static Block innermostBlock(List<Block> blocks, Gap gap) {
        Block innermost = null;
        for (Block block : blocks) {
            boolean encloses = block.open() < gap.beginLine() && block.close() > gap.endLine();
            if (encloses && (innermost == null || block.open() >= innermost.open()
                    && block.close() <= innermost.close())) {
                innermost = block;
            }
        }
        return innermost;
    }

    private static List<Block> blocks(JavaSource source) {
        List<Block> blocks = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitBlock(BlockTree block, Void unused) {
                List<int[]> statements = new ArrayList<>();
                for (StatementTree statement : block.getStatements()) {
                    statements.add(new int[] {source.startLine(statement),
                        source.endLine(statement)});
                }
                blocks.add(new Block(source.startLine(block), source.endLine(block),
                        statements));
                return super.visitBlock(block, unused);
            }
        }.scan(source.unit(), null);
        return blocks;
    }
}
