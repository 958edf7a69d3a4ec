package rnnlab.lstm;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * What the LSTM's forward pass keeps for the backward pass.
 *
 * @param initialHidden h_0, hiddenSize×1
 * @param initialCell c_0, hiddenSize×1
 * @param steps entry t holds the values computed from input t
 */
public record LstmTrace(DMatrixRMaj initialHidden, DMatrixRMaj initialCell,
        List<LstmStep> steps) {

    /** Returns the cell state the step at index t started from: c_0 for the first step. */
    public DMatrixRMaj previousCell(int t) {
        return t == 0 ? initialCell : steps.get(t - 1).cell();
    }

    /** Returns the softmax output of every step. */
    public List<DMatrixRMaj> probabilities() {
        List<DMatrixRMaj> result = new ArrayList<>(steps.size());
        for (LstmStep step : steps) {
            result.add(step.probabilities());
        }
        return result;
    }

    /** Returns the last step. */
    public LstmStep lastStep() {
        return steps.get(steps.size() - 1);
    }
}
