package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.data.Language;
import rnnlab.eval.LossFloors;
import rnnlab.grader.Graded;

/** Optional exercise N: the harder language a^n b^n c^n EOS. */
@DisplayName("N: harder language (bonus)")
public class ExerciseNTests {

    private static final String N = "N";

    private static List<String> expected(int n) {
        List<String> tokens = new ArrayList<>();
        for (String letter : List.of("a", "b", "c")) {
            for (int k = 0; k < n; k++) {
                tokens.add(letter);
            }
        }
        tokens.add("EOS");
        return tokens;
    }

    @Test
    @Graded(exercise = N, points = 3)
    @DisplayName("a^n b^n c^n EOS for n = 1, 4 and 11")
    void sequences() {
        for (int n : new int[] {1, 4, 11}) {
            List<String> found = Language.ANBNCN.sequence(n);
            check(expected(n).equals(found), N, "sequence(" + n + ")",
                    String.join(" ", expected(n)), String.valueOf(found),
                    "n copies of a, then of b, then of c, then EOS");
        }
        List<String> anbn = Language.ANBN.sequence(3);
        check(List.of("a", "a", "a", "b", "b", "b", "EOS").equals(anbn), N,
                "the lab's own language, sequence(3) of a^n b^n", "a a a b b b EOS",
                String.valueOf(anbn), "leave a^n b^n as it is");
    }

    @Test
    @Graded(exercise = N, points = 2)
    @DisplayName("its memory-less floor is 3 (5 ln(66/55) + ln 6), about 8.11")
    void memorylessFloor() {
        // Enumerated from the submission's sequences: a, b and c are each followed by the same
        // letter n-1 times and by the next token once, so each letter costs one third of it.
        double expected = 3 * (5 * Math.log(66.0 / 55) + Math.log(6));
        double found = LossFloors.memoryless(Language.ANBNCN, 11);
        Feedback.assertNumber(N, "memory-less floor of a^n b^n c^n with n uniform in 1..11",
                expected, found, 1e-9, "the sequences that Language.ANBNCN.sequence(n) makes");
    }
}
