package rnnlab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The toy languages the models can learn, with n drawn uniformly from 1 to {@link AnBn#MAX_N}.
 *
 * <p>{@code a^n b^n EOS} is the lab's language. {@code a^n b^n c^n EOS} (optional exercise N)
 * is harder: the count of {@code a}s must survive twice as many steps, through the {@code b}s
 * and then the {@code c}s. In both, every token after the first {@code b} is determined.
 */
public enum Language {

    /** a^n b^n EOS. */
    ANBN("anbn", "a^n b^n EOS", List.of("a", "b")),

    /** a^n b^n c^n EOS. */
    ANBNCN("anbncn", "a^n b^n c^n EOS", List.of("a", "b", "c"));

    private final String optionName;
    private final String description;
    private final List<String> letters;

    Language(String optionName, String description, List<String> letters) {
        this.optionName = optionName;
        this.description = description;
        this.letters = letters;
    }

    /** Returns the name used on the command line, such as {@code anbncn}. */
    public String optionName() {
        return optionName;
    }

    /** Returns the pattern, such as {@code a^n b^n c^n EOS}. */
    public String description() {
        return description;
    }

    /** Returns the token from which every later token is determined: {@code b}. */
    public String firstDetermined() {
        return "b";
    }

    /**
     * Returns one sequence: each letter repeated n times, then {@code EOS}.
     *
     * @throws IllegalArgumentException if n is below 1
     */
    public List<String> sequence(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected 1 or more but was " + n);
        }
        return this == ANBN ? AnBn.sequence(n) : repeatLetters(letters, n);
    }

    /** Returns each letter repeated n times, in order, then {@code EOS}. */
    static List<String> repeatLetters(List<String> letters, int n) {
        // BEGIN EXERCISE N: add n copies of each letter (Collections.nCopies), then AnBn.EOS.
        List<String> tokens = new ArrayList<>(letters.size() * n + 1);
        for (String letter : letters) {
            tokens.addAll(Collections.nCopies(n, letter));
        }
        tokens.add(AnBn.EOS);
        return Collections.unmodifiableList(tokens);
        // END EXERCISE N
    }

    /**
     * Generates {@code count} sequences with n uniform in 1..{@link AnBn#MAX_N}; the same seed
     * always gives the same list, and for {@link #ANBN} the same list as
     * {@link AnBn#generate}.
     */
    public List<List<String>> generate(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("sequence count: expected 0 or more but was "
                    + count);
        }
        Random random = new Random(seed);
        List<List<String>> sequences = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            sequences.add(sequence(1 + random.nextInt(AnBn.MAX_N)));
        }
        return Collections.unmodifiableList(sequences);
    }

    /**
     * Returns the language with this command-line name.
     *
     * @throws IllegalArgumentException naming the valid names
     */
    public static Language of(String optionName) {
        for (Language language : values()) {
            if (language.optionName.equals(optionName)) {
                return language;
            }
        }
        throw new IllegalArgumentException("language: expected anbn or anbncn but was "
                + optionName);
    }
}
