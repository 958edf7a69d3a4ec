package rnnlab.rnn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * What the RNN's forward pass keeps for the backward pass.
 *
 * @param initialHidden h_0, hiddenSize×1
 * @param hidden h_1 … h_T: entry t is the state after reading input t, hiddenSize×1 each
 * @param probabilities y_1 … y_T: entry t is the softmax output after input t,
 *     vocabularySize×1 each
 */
public record RnnTrace(DMatrixRMaj initialHidden, List<DMatrixRMaj> hidden,
        List<DMatrixRMaj> probabilities) {

    /**
     * Returns the state the step at index t started from: h_0 for the first step, otherwise the
     * state after input t-1. Using this, rather than indexing {@code hidden} by t-1, avoids the
     * off-by-one at t = 0.
     */
    public DMatrixRMaj previousHidden(int t) {
        return t == 0 ? initialHidden : hidden.get(t - 1);
    }

    /** Returns the state after the last input, h_T. */
    public DMatrixRMaj lastHidden() {
        return hidden.get(hidden.size() - 1);
    }
}
