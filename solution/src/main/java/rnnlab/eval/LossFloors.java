package rnnlab.eval;

import rnnlab.data.AnBn;

/**
 * The lowest expected losses (sum of cross-entropy per sequence) on {@code a^n b^n EOS} with n
 * uniform in 1..N, against which training results are read.
 */
public final class LossFloors {

    /** No model can do better: only n is uncertain, and it carries ln N nats. */
    public static final double OPTIMAL = optimal(AnBn.MAX_N);

    /** The best a model without memory can do, predicting from the current token alone. */
    public static final double MEMORYLESS = memoryless(AnBn.MAX_N);

    private LossFloors() {
    }

    /** Returns ln N, the entropy of the uniform choice of n. */
    public static double optimal(int maxN) {
        return Math.log(maxN);
    }

    /**
     * Returns the expected loss of the best model that sees only the current token.
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
