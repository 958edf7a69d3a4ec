package rnnlab.grader;

/**
 * The graded exercises of the lab. The core exercises total 100 points; the optional ones add
 * bonus points on top.
 */
public enum Exercise {
    A("vocabulary and one-hot encoding", false),
    B("RNN parameters", false),
    C("RNN forward pass", false),
    D("RNN backward pass", false),
    E("training loop", false),
    F("greedy generation", false),
    G("mini-batches", true),
    H("LSTM parameters", false),
    I("LSTM forward pass", false),
    J("LSTM training", false),
    K("DJL LSTM network", false),
    L("DJL training loop", false),
    M("GRU", true),
    N("harder language", true);

    private final String title;
    private final boolean bonus;

    Exercise(String title, boolean bonus) {
        this.title = title;
        this.bonus = bonus;
    }

    /** Returns the short title, such as "RNN forward pass". */
    public String title() {
        return title;
    }

    /** Returns whether the exercise is optional, giving bonus points beyond 100. */
    public boolean bonus() {
        return bonus;
    }

    /** Returns the label used in reports, such as "C (RNN forward pass)". */
    public String label() {
        return name() + " (" + title + ")";
    }

    /**
     * Returns the exercise with this letter.
     *
     * @throws IllegalArgumentException naming the letter and the valid ones
     */
    public static Exercise of(String letter) {
        for (Exercise exercise : values()) {
            if (exercise.name().equals(letter)) {
                return exercise;
            }
        }
        throw new IllegalArgumentException("exercise: expected one of A-N (no letter in use for"
                + " the LSTM backward pass) but was \"" + letter + "\"");
    }
}
