package rnnlab.train;

/**
 * Raised when the loss becomes NaN, infinite, or far above the untrained model's loss. The
 * message names the epoch, the loss and the learning rate, and {@link #history()} keeps every
 * epoch finished before it.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient History history;

    public TrainingDivergedException(String message, History history) {
        super(message);
        this.history = history;
    }

    /** Returns the epochs that finished before the loss diverged. */
    public History history() {
        return history;
    }
}
