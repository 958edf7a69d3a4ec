package rnnlab.djl;

/**
 * The settings of a DJL training run.
 *
 * @param epochs the number of passes over the training sequences, at least 1
 * @param learningRate Adam's step size, positive
 */
public record DjlTrainingOptions(int epochs, double learningRate) {

    /** Epochs when the command line does not set them. */
    public static final int DEFAULT_EPOCHS = 50;

    /** Adam's step size when the command line does not set it, Adam's usual default. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    /**
     * Checks every setting.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public DjlTrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs: expected 1 or more but was " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate: expected a positive number but was "
                    + learningRate);
        }
    }
}
