package rnnlab.lstm;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import rnnlab.math.Matrices;
import rnnlab.model.Inputs;

/**
 * The LSTM's forward pass (exercise I).
 *
 * <pre>
 * z_t = [h_{t-1}; x_t]
 * f_t = σ(W_f z_t + b_f)            forget gate
 * i_t = σ(W_i z_t + b_i)            input gate
 * g_t = tanh(W_g z_t + b_g)         candidate
 * c_t = f_t ∘ c_{t-1} + i_t ∘ g_t   cell state
 * o_t = σ(W_o z_t + b_o)            output gate
 * h_t = o_t ∘ tanh(c_t)             hidden state
 * y_t = softmax(W_v h_t + b_v)
 * </pre>
 */
public final class LstmForward {

    private LstmForward() {
    }

    /**
     * Runs the network over a sequence.
     *
     * @param inputs x_1 … x_T, vocabularySize×1 each, not modified
     * @param initialHidden h_0, hiddenSize×1, not modified
     * @param initialCell c_0, hiddenSize×1, not modified
     * @param parameters the weights, not modified
     * @return the gates, states and softmax output of every step
     * @throws IllegalArgumentException if an input or an initial state has the wrong shape
     */
    public static LstmTrace forward(List<DMatrixRMaj> inputs, DMatrixRMaj initialHidden,
            DMatrixRMaj initialCell, LstmParameters parameters) {
        Inputs.require(inputs, parameters.vocabularySize());
        Matrices.requireShape("initialHidden", initialHidden, parameters.hiddenSize(), 1);
        Matrices.requireShape("initialCell", initialCell, parameters.hiddenSize(), 1);

        List<LstmStep> steps = new ArrayList<>(inputs.size());
        DMatrixRMaj hidden = initialHidden;
        DMatrixRMaj cell = initialCell;
        for (DMatrixRMaj x : inputs) {
            LstmStep step = step(x, hidden, cell, parameters);
            steps.add(step);
            hidden = step.hidden();
            cell = step.cell();
        }
        return new LstmTrace(initialHidden.copy(), initialCell.copy(), steps);
    }

    /** Computes one time step from x_t, h_{t-1} and c_{t-1}. */
    static LstmStep step(DMatrixRMaj x, DMatrixRMaj previousHidden, DMatrixRMaj previousCell,
            LstmParameters parameters) {
        // TODO Exercise I: z = [h_{t-1}; x_t] (CommonOps_DDRM.concatRowsMulti); f, i, o with
        //     gate(W, z, b) and g = tanh(W_g z + b_g); c_t = f ∘ c_{t-1} + i ∘ g; h_t = o ∘
        //     tanh(c_t); y_t = softmax(W_v h_t + b_v). Return them all in a new LstmStep.
        throw new UnsupportedOperationException(
                "Exercise I (LSTM forward pass) is not implemented yet");
    }

    /** Computes σ(W z + b), one sigmoid gate. */
    private static DMatrixRMaj gate(DMatrixRMaj weights, DMatrixRMaj z, DMatrixRMaj bias) {
        DMatrixRMaj activation = Matrices.affine(weights, z, bias);
        Matrices.sigmoidInPlace(activation);
        return activation;
    }

    /** Returns zero initial states h_0 and c_0 for these weights. */
    public static DMatrixRMaj zeroState(LstmParameters parameters) {
        return new DMatrixRMaj(parameters.hiddenSize(), 1);
    }
}
