package rnnlab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The lab's toy language: {@code a^n b^n EOS}, with n drawn uniformly from 1 to {@link #MAX_N}.
 *
 * <p>After the first {@code b} every token is determined by the count of {@code a}s, so a model
 * with memory can predict the rest exactly; only the length n is a guess.
 */
public final class AnBn {

    /** The token that follows the last {@code b}. */
    public static final String EOS = "EOS";

    /** The largest n the generator draws. */
    public static final int MAX_N = 11;

    /** The number of sequences the lab uses by default. */
    public static final int DEFAULT_COUNT = 256;

    private AnBn() {
    }

    /**
     * Generates {@code count} sequences; the same seed always gives the same list.
     *
     * @throws IllegalArgumentException if count is negative
     */
    public static List<List<String>> generate(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("sequence count: expected 0 or more but was "
                    + count);
        }
        Random random = new Random(seed);
        List<List<String>> sequences = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            sequences.add(sequence(1 + random.nextInt(MAX_N)));
        }
        return Collections.unmodifiableList(sequences);
    }

    /** Returns {@code a^n b^n EOS} as a list of 2n + 1 tokens. */
    public static List<String> sequence(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected 1 or more but was " + n);
        }
        List<String> tokens = new ArrayList<>(2 * n + 1);
        tokens.addAll(Collections.nCopies(n, "a"));
        tokens.addAll(Collections.nCopies(n, "b"));
        tokens.add(EOS);
        return Collections.unmodifiableList(tokens);
    }
}
