package rnnlab.batch;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** The lab's loss, Σ_t -ln y_t[target_t] per sequence, on batched softmax outputs. */
final class BatchLoss {

    /** The same floor as {@code Losses}: a target with probability 0 costs about 708. */
    private static final double MIN_PROBABILITY = Double.MIN_NORMAL;

    private BatchLoss() {
    }

    /**
     * Returns the loss of every sequence of a batch, in the order of the list the batch was
     * made from. Each sums its steps in time order, as {@code Losses.crossEntropy} does.
     *
     * @param probabilities Y_t of every step, V×k_t each, not modified
     */
    static double[] sequenceLosses(SequenceBatch batch, List<DMatrixRMaj> probabilities) {
        double[] byColumn = new double[batch.size()];
        for (int t = 0; t < batch.steps(); t++) {
            DMatrixRMaj y = probabilities.get(t);
            int[] targets = batch.targets(t);
            for (int j = 0; j < targets.length; j++) {
                double p = y.get(targets[j], j);
                byColumn[j] -= Math.log(Math.max(p, MIN_PROBABILITY));
            }
        }
        double[] losses = new double[batch.size()];
        for (int j = 0; j < losses.length; j++) {
            losses[batch.sequenceIndex(j)] = byColumn[j];
        }
        return losses;
    }

    /** Returns the sum of the sequence losses, in the order of the list. */
    static double total(double[] sequenceLosses) {
        double sum = 0;
        for (double loss : sequenceLosses) {
            sum += loss;
        }
        return sum;
    }

    /**
     * Returns dO_t = Y_t - onehot(targets): the gradient of the loss with respect to the logits
     * of one step, softmax and cross-entropy together, one column per active sequence.
     *
     * @param probabilities Y_t, V×k_t, not modified
     * @return a new V×k_t matrix
     */
    static DMatrixRMaj outputErrors(DMatrixRMaj probabilities, int[] targets) {
        DMatrixRMaj errors = probabilities.copy();
        for (int j = 0; j < targets.length; j++) {
            errors.data[targets[j] * errors.numCols + j] -= 1.0;
        }
        return errors;
    }
}
