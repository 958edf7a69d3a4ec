package rnnlab.batch;

import rnnlab.lstm.Lstm;
import rnnlab.model.LossAndGradients;
import rnnlab.model.ParameterSet;
import rnnlab.model.SequenceModel;
import rnnlab.rnn.Rnn;

/**
 * A hand-written model that runs B sequences at once (exercise G). Every call starts each
 * sequence from the zero initial state, as {@link SequenceModel} does.
 */
public interface BatchModel {

    /** Returns the model's short name, the same as its one-sequence form's. */
    String name();

    /** Returns the size of the one-hot inputs and of the softmax outputs. */
    int vocabularySize();

    /** Returns the weights, live: the optimizer updates them in place. */
    ParameterSet parameters();

    /**
     * Runs the forward pass and returns the loss of each sequence.
     *
     * @return Σ_t -ln y_t[target_t] of every sequence, in the order of the list the batch was
     *     made from
     * @throws IllegalArgumentException if the batch's vocabulary size differs from the model's
     */
    double[] sequenceLosses(SequenceBatch batch);

    /**
     * Runs the forward and the backward pass.
     *
     * @return the sum of the sequence losses and its exact gradient, which is the sum of the
     *     sequences' gradients: not averaged, not clipped
     * @throws IllegalArgumentException if the batch's vocabulary size differs from the model's
     */
    LossAndGradients lossAndGradients(SequenceBatch batch);

    /** Returns the sum of the sequence losses, without computing gradients. */
    default double loss(SequenceBatch batch) {
        return BatchLoss.total(sequenceLosses(batch));
    }

    /**
     * Returns the batched form of a hand-written model, sharing its weights.
     *
     * @throws IllegalArgumentException if the model is neither {@link Rnn} nor {@link Lstm}
     */
    static BatchModel of(SequenceModel model) {
        if (model instanceof Rnn rnn) {
            return new BatchRnn(rnn.parameters());
        }
        if (model instanceof Lstm lstm) {
            return new BatchLstm(lstm.parameters());
        }
        throw new IllegalArgumentException("model: expected the hand-written rnn or lstm but was "
                + model.name() + "; mini-batches are implemented for those two only");
    }
}
