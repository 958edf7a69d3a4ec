package rnnlab.rnn;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.math.Matrices;
import rnnlab.model.Inputs;

/**
 * The RNN's forward pass (exercise C).
 *
 * <pre>
 * h_t = tanh(U x_t + V h_{t-1} + b_hidden)
 * o_t = W h_t + b_out
 * y_t = softmax(o_t)
 * </pre>
 */
public final class RnnForward {

    private RnnForward() {
    }

    /**
     * Runs the network over a sequence.
     *
     * @param inputs x_1 … x_T, vocabularySize×1 each, not modified
     * @param initialHidden h_0, hiddenSize×1, not modified
     * @param parameters the weights, not modified
     * @return every hidden state and softmax output
     * @throws IllegalArgumentException if an input or h_0 has the wrong shape
     */
    public static RnnTrace forward(List<DMatrixRMaj> inputs, DMatrixRMaj initialHidden,
            RnnParameters parameters) {
        Inputs.require(inputs, parameters.vocabularySize());
        Matrices.requireShape("initialHidden", initialHidden, parameters.hiddenSize(), 1);

        List<DMatrixRMaj> hidden = new ArrayList<>(inputs.size());
        List<DMatrixRMaj> probabilities = new ArrayList<>(inputs.size());
        DMatrixRMaj previous = initialHidden;
        for (DMatrixRMaj x : inputs) {
            DMatrixRMaj h = hiddenStep(x, previous, parameters);
            hidden.add(h);
            probabilities.add(outputStep(h, parameters));
            previous = h;
        }
        return new RnnTrace(initialHidden.copy(), hidden, probabilities);
    }

    /** Computes h_t = tanh(U x_t + V h_{t-1} + b_hidden), hiddenSize×1. */
    static DMatrixRMaj hiddenStep(DMatrixRMaj x, DMatrixRMaj previousHidden,
            RnnParameters parameters) {
        // BEGIN EXERCISE C: h_t = tanh(U x_t + V h_{t-1} + b_hidden), a new H×1 vector. Use
        //     Matrices.affine(A, x, b) for A x + b, Matrices.multiplyAdd(A, x, y) to add A x to
        //     y, and Matrices.tanhInPlace. Leave x and previousHidden unchanged.
        DMatrixRMaj h = Matrices.affine(parameters.u(), x, parameters.bHidden());
        Matrices.multiplyAdd(parameters.v(), previousHidden, h);
        Matrices.tanhInPlace(h);
        return h;
        // END EXERCISE C
    }

    /** Computes y_t = softmax(W h_t + b_out), vocabularySize×1. */
    static DMatrixRMaj outputStep(DMatrixRMaj h, RnnParameters parameters) {
        // BEGIN EXERCISE C: y_t = softmax(W h_t + b_out), a new V×1 vector, with Matrices.affine
        //     and Matrices.softmaxInPlace.
        DMatrixRMaj y = Matrices.affine(parameters.w(), h, parameters.bOut());
        Matrices.softmaxInPlace(y);
        return y;
        // END EXERCISE C
    }

    /** Returns a zero initial state h_0 for these weights. */
    public static DMatrixRMaj zeroState(RnnParameters parameters) {
        return new DMatrixRMaj(parameters.hiddenSize(), 1);
    }
}
