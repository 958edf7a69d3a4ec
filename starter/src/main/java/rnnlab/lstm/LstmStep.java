package rnnlab.lstm;

import org.ejml.data.DMatrixRMaj;

/**
 * The values of one LSTM time step that the backward pass needs, all hiddenSize×1 except z
 * ((hiddenSize+vocabularySize)×1) and y (vocabularySize×1).
 *
 * @param z [h_{t-1}; x_t]
 * @param forget f_t = σ(W_f z + b_f)
 * @param input i_t = σ(W_i z + b_i)
 * @param candidate g_t = tanh(W_g z + b_g)
 * @param cell c_t = f_t ∘ c_{t-1} + i_t ∘ g_t
 * @param outputGate o_t = σ(W_o z + b_o)
 * @param tanhCell tanh(c_t), kept so that the backward pass does not recompute it
 * @param hidden h_t = o_t ∘ tanh(c_t)
 * @param probabilities y_t = softmax(W_v h_t + b_v)
 */
public record LstmStep(DMatrixRMaj z, DMatrixRMaj forget, DMatrixRMaj input,
        DMatrixRMaj candidate, DMatrixRMaj cell, DMatrixRMaj outputGate, DMatrixRMaj tanhCell,
        DMatrixRMaj hidden, DMatrixRMaj probabilities) {
}
