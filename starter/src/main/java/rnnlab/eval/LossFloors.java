package rnnlab.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rnnlab.data.AnBn;
import rnnlab.data.Language;

/**
 * The lowest expected losses (sum of cross-entropy per sequence) on {@code a^n b^n EOS} with n
 * uniform in 1..N, against which training results are read.
 */
public final class LossFloors {

    /**
     * No model can do better: only n is uncertain, and it carries ln N nats. The same floor
     * holds for {@code a^n b^n c^n}, where the {@code c}s are determined too.
     */
    public static final double OPTIMAL = optimal(AnBn.MAX_N);

    /** The best a model without memory can do, predicting from the current token alone. */
    public static final double MEMORYLESS = memoryless(AnBn.MAX_N);

    private LossFloors() {
    }

    /**
     * The two reference levels of one language, as drawn on the plots.
     *
     * @param optimal the lowest expected loss of any model
     * @param memoryless the lowest expected loss of a model that sees only the current token
     */
    public record Floors(double optimal, double memoryless) {

        /** Returns the floors of a language with n uniform on 1..{@link AnBn#MAX_N}. */
        public static Floors of(Language language) {
            return new Floors(LossFloors.optimal(AnBn.MAX_N), LossFloors.memoryless(language,
                    AnBn.MAX_N));
        }
    }

    /** Returns ln N, the entropy of the uniform choice of n. */
    public static double optimal(int maxN) {
        return Math.log(maxN);
    }

    /**
     * Returns the expected loss of the best model that sees only the current token, for any
     * language, by enumerating its sequences: with n uniform on 1..maxN, count how often each
     * token follows each token, and charge each transition -ln of its conditional frequency.
     */
    public static double memoryless(Language language, int maxN) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (int n = 1; n <= maxN; n++) {
            List<String> sequence = language.sequence(n);
            for (int t = 0; t + 1 < sequence.size(); t++) {
                counts.computeIfAbsent(sequence.get(t), key -> new HashMap<>())
                        .merge(sequence.get(t + 1), 1, Integer::sum);
            }
        }
        double total = 0;
        for (Map<String, Integer> next : counts.values()) {
            double seen = next.values().stream().mapToInt(Integer::intValue).sum();
            for (int count : next.values()) {
                total += count * -Math.log(count / seen);
            }
        }
        return total / maxN;
    }

    /**
     * Returns the expected loss of the best model that sees only the current token, on
     * {@code a^n b^n EOS}.
     *
     * <p>Over the data, an {@code a} is followed by another {@code a} in (n-1) of its n
     * occurrences and by {@code b} once, and likewise a {@code b} by {@code b} or {@code EOS}. So
     * the best memory-less guess after either letter is the same pair of frequencies,
     * p = Σ(n-1) / Σn for staying and q = N / Σn for switching, and each sequence pays
     * (n-1)(-ln p) + (-ln q) for its {@code a}s and again for its {@code b}s. For N = 11 this is
     * 2 (5 ln(66/55) + ln 6) ≈ 5.407.
     */
    public static double memoryless(int maxN) {
        if (maxN < 2) {
            return 0;
        }
        double occurrences = maxN * (maxN + 1) / 2.0;
        double stay = (occurrences - maxN) / occurrences;
        double change = maxN / occurrences;
        double meanN = (maxN + 1) / 2.0;
        double perLetter = (meanN - 1) * -Math.log(stay) - Math.log(change);
        return 2 * perLetter;
    }
}
