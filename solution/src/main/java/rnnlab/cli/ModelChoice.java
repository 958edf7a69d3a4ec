package rnnlab.cli;

/** The values of {@code --model}. */
public enum ModelChoice {
    rnn, lstm, all
}
