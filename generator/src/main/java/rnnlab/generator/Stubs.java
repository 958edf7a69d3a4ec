package rnnlab.generator;

import java.util.ArrayList;
import java.util.List;

/** Replaces each gap of a solution file with what students see: the hint and a stub. */
final class Stubs {

    /** The extra indentation of a continued line, as in the rest of the lab's code. */
    private static final String CONTINUATION_INDENT = "        ";

    private Stubs() {
    }

    /**
     * Returns the starter's lines for a solution file. A gap such as
     * <pre>
     * // BEGIN EXERCISE C: hint
     * //     more hint
     * ... solution lines ...
     * // END EXERCISE C
     * </pre>
     * becomes
     * <pre>
     * // TODO Exercise C: hint
     * //     more hint
     * throw new UnsupportedOperationException(
     *         "Exercise C (RNN forward pass) is not implemented yet");
     * </pre>
     * at the indentation of the BEGIN marker. Every other line is kept as it is.
     *
     * @param lines the solution file's lines, without line terminators
     * @param gaps the file's gaps in line order, already checked by {@link GapParser} and
     *     {@link GapPlacement}
     */
    static List<String> render(List<String> lines, List<Gap> gaps) {
        List<String> result = new ArrayList<>(lines.size());
        int next = 1;
        for (Gap gap : gaps) {
            for (; next < gap.beginLine(); next++) {
                result.add(lines.get(next - 1));
            }
            String indent = gap.indent();
            result.add(indent + "// TODO Exercise " + gap.exercise() + ": " + gap.hint());
            result.addAll(gap.hintContinuation());
            result.add(indent + "throw new UnsupportedOperationException(");
            result.add(indent + CONTINUATION_INDENT + "\"" + gap.exercise().stubMessage()
                    + "\");");
            next = gap.endLine() + 1;
        }
        for (; next <= lines.size(); next++) {
            result.add(lines.get(next - 1));
        }
        return result;
    }
}
