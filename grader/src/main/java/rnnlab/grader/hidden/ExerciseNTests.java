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
    @Graded(exercise = N, points = 2)
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

    @Test
    @Graded(exercise = N, points = 1)
    @DisplayName("generate draws n from 1 to 11 with a seed; names are checked")
    void generateAndNames() {
        String hint = "Language.ANBNCN.sequence(n), which generate calls for each drawn n";
        List<List<String>> sequences = Language.ANBNCN.generate(200, 77);
        check(sequences.size() == 200, N, "sequences from generate(200, 77)", "200",
                String.valueOf(sequences.size()), hint);
        boolean[] seen = new boolean[12];
        for (List<String> sequence : sequences) {
            int n = (sequence.size() - 1) / 3;
            check(n >= 1 && n <= 11 && expected(n).equals(sequence), N,
                    "a sequence from generate(200, 77)", "a^n b^n c^n EOS with n in 1..11",
                    String.valueOf(sequence), hint);
            seen[n] = true;
        }
        for (int n = 1; n <= 11; n++) {
            check(seen[n], N, "n = " + n + " among 200 generated sequences", "present",
                    "absent", "n uniform in 1..11: 1 + random.nextInt(AnBn.MAX_N)");
        }
        check(sequences.equals(Language.ANBNCN.generate(200, 77)), N,
                "two calls of generate(200, 77)", "the same list", "different lists",
                "that generate uses only a Random seeded with the given seed");

        Feedback.assertRejected(N, "Language.ANBNCN.sequence(0)",
                () -> Language.ANBNCN.sequence(0), "the check of n", "n", "0");
        check(Language.ANBNCN.generate(0, 77).isEmpty(), N, "Language.ANBNCN.generate(0, 77)",
                "an empty list", "another result", "that a count of 0 is valid");
        Feedback.assertRejected(N, "Language.ANBNCN.generate(-1, 77)",
                () -> Language.ANBNCN.generate(-1, 77), "the check of the count", "-1");
        check(Language.of("anbncn") == Language.ANBNCN
                && Language.ANBNCN.optionName().equals("anbncn")
                && Language.ANBNCN.description().equals("a^n b^n c^n EOS")
                && Language.ANBNCN.firstDetermined().equals("b"), N,
                "the names of Language.ANBNCN", "option anbncn, pattern a^n b^n c^n EOS, first"
                        + " determined token b", Language.ANBNCN.optionName() + ", "
                        + Language.ANBNCN.description() + ", "
                        + Language.ANBNCN.firstDetermined(), "leave the enum constant's names"
                        + " as given");
        Feedback.assertRejected(N, "Language.of(\"abc\")", () -> Language.of("abc"),
                "Language.of, which names the valid choices", "abc", "anbncn");
    }
}
