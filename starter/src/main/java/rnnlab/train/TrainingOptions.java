package rnnlab.train;

/**
 * The settings of a training run.
 *
 * @param epochs the number of passes over the training sequences, at least 1
 * @param learningRate the SGD step size, positive
 * @param maxGradientNorm the global norm gradients are clipped to, positive
 */
public record TrainingOptions(int epochs, double learningRate, double maxGradientNorm) {

    /**
     * Checks every setting.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs: expected 1 or more but was " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate: expected a positive number but was "
                    + learningRate);
        }
        if (!(maxGradientNorm > 0)) {
            throw new IllegalArgumentException("maxGradientNorm: expected a positive number but"
                    + " was " + maxGradientNorm);
        }
    }

    /** Returns options with the default clipping norm. */
    public static TrainingOptions of(int epochs, double learningRate) {
        return new TrainingOptions(epochs, learningRate, Clipping.DEFAULT_MAX_NORM);
    }
}
