package rnnlab.generator;

import java.util.Optional;

/**
 * The lab's exercises: the letters that gap markers may name, and the titles that stubs print.
 *
 * <p>The letters follow the classic NumPy notebook that the lab is based on, so E is followed
 * by the optional G and then H. A marker that names a letter missing here is rejected.
 */
public enum Exercise {
    A("vocabulary and one-hot encoding"),
    B("RNN parameters"),
    C("RNN forward pass"),
    D("RNN backward pass"),
    E("training loop"),
    F("greedy generation"),
    G("mini-batches"),
    H("LSTM parameters"),
    I("LSTM forward pass"),
    J("LSTM training"),
    K("DJL LSTM network"),
    L("DJL training loop"),
    M("GRU"),
    N("harder language");

    private final String title;

    Exercise(String title) {
        this.title = title;
    }

    /** Returns the short title, such as "RNN forward pass". */
    public String title() {
        return title;
    }

    /**
     * Returns the message of this exercise's stubs, for example "Exercise C (RNN forward pass)
     * is not implemented yet". The starter's tests and training program print it as it is.
     */
    public String stubMessage() {
        return "Exercise " + name() + " (" + title + ") is not implemented yet";
    }

    /** Returns the exercise with this letter, or empty for a letter the lab does not use. */
    public static Optional<Exercise> forLetter(String letter) {
        for (Exercise exercise : values()) {
            if (exercise.name().equals(letter)) {
                return Optional.of(exercise);
            }
        }
        return Optional.empty();
    }
}
