/**
 * RNN and LSTM from scratch: the lab's models, data, training and tools.
 *
 * <h2>Notation</h2>
 *
 * <p>Vectors are columns. H is the hidden size, V the vocabulary size (4 for the lab's data:
 * {@code a}, {@code b}, {@code EOS}, {@code UNK}) and T the number of time steps. Code names
 * follow the formulas: a gradient is the parameter's name with a {@code d} in front.
 *
 * <pre>
 * symbol     code               shape      meaning
 * x_t        inputs.get(t)      V×1        one-hot input at step t
 * h_t        hidden             H×1        hidden state; h_0 is the initial state
 * y_t        probabilities      V×1        softmax output, the predicted next-token distribution
 *
 * RNN (rnnlab.rnn)
 * U          u()                H×V        input to hidden
 * V          v()                H×H        hidden to hidden, through time
 * W          w()                V×H        hidden to output
 * b_hidden   bHidden()          H×1
 * b_out      bOut()             V×1
 * a_t                           H×1        pre-activation U x_t + V h_{t-1} + b_hidden
 * o_t                           V×1        logits W h_t + b_out
 *
 * LSTM (rnnlab.lstm)
 * z_t        z                  (H+V)×1    [h_{t-1}; x_t], hidden state first
 * f, i, o    forget, input,     H×1        sigmoid gates
 *            outputGate
 * g          candidate          H×1        tanh candidate
 * c_t        cell               H×1        cell state; c_0 is the initial state
 * W_f, W_i,  wForget(), ...     H×(H+V)    gate weights on z
 * W_g, W_o
 * b_f ... b_o                   H×1        gate biases
 * W_v        wOut()             V×H        hidden to output
 * b_v        bOut()             V×1
 * </pre>
 *
 * <p>The loss of a sequence is Σ_t -ln y_t[target_t]. Backward passes return its exact
 * gradient; clipping to one global norm is a separate step.
 */
package rnnlab;
