package rnnlab.train;

/**
 * The losses of one epoch, each the sum of cross-entropy per sequence averaged over sequences.
 *
 * @param epoch counted from 1
 * @param trainingLoss the mean loss of the training sequences, each taken just before its update
 * @param validationLoss the mean loss of the validation sequences after the epoch, or NaN when
 *     there are none
 */
public record EpochResult(int epoch, double trainingLoss, double validationLoss) {
}
