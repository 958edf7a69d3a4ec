package rnnlab.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A next-token model over one-hot inputs: what the training loop, generation and evaluation
 * need from the RNN and the LSTM alike. Every call starts from the zero initial state.
 */
public interface SequenceModel {

    /** Returns a short lower-case name, such as {@code rnn}, for reports and file names. */
    String name();

    /** Returns the size of the one-hot inputs and of the softmax outputs. */
    int vocabularySize();

    /** Returns the weights, live: the optimizer updates them in place. */
    ParameterSet parameters();

    /**
     * Runs the forward pass.
     *
     * @param inputs one vocabularySize×1 vector per time step, not modified
     * @return the softmax output of each time step, vocabularySize×1
     */
    List<DMatrixRMaj> probabilities(List<DMatrixRMaj> inputs);

    /**
     * Runs the forward and the backward pass.
     *
     * @param inputs one vocabularySize×1 vector per time step, not modified
     * @param targets the index of the expected next token at each time step
     * @return the loss and its gradients, not clipped
     */
    LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets);

    /** Returns the loss of one sequence, without computing gradients. */
    default double loss(List<DMatrixRMaj> inputs, int[] targets) {
        return Losses.crossEntropy(probabilities(inputs), targets);
    }
}
