package rnnlab.lstm;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import rnnlab.model.LossAndGradients;
import rnnlab.model.SequenceModel;

/**
 * The LSTM as a {@link SequenceModel} (exercise J): the forward pass followed by the given
 * backward pass, both from zero initial states.
 */
public final class Lstm implements SequenceModel {

    private final LstmParameters parameters;

    /** Wraps existing weights, not copied. */
    public Lstm(LstmParameters parameters) {
        this.parameters = parameters;
    }

    /** Creates an LSTM with orthogonal initial weights and zero biases. */
    public static Lstm initialize(int hiddenSize, int vocabularySize, Random random) {
        return new Lstm(LstmParameters.initialize(hiddenSize, vocabularySize, random));
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public int vocabularySize() {
        return parameters.vocabularySize();
    }

    @Override
    public LstmParameters parameters() {
        return parameters;
    }

    @Override
    public List<DMatrixRMaj> probabilities(List<DMatrixRMaj> inputs) {
        // TODO Exercise J: run the forward pass from zero states (the forward method below) and
        //     return the softmax output of every step.
        throw new UnsupportedOperationException(
                "Exercise J (LSTM training) is not implemented yet");
    }

    @Override
    public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets) {
        // TODO Exercise J: run the forward pass from zero states, then the given
        //     LstmBackward.backward on its trace, which returns the loss and the gradients.
        throw new UnsupportedOperationException(
                "Exercise J (LSTM training) is not implemented yet");
    }

    private LstmTrace forward(List<DMatrixRMaj> inputs) {
        // TODO Exercise J: LstmForward.forward from h_0 = 0 and c_0 = 0; LstmForward.zeroState
        //     makes a zero H×1 vector.
        throw new UnsupportedOperationException(
                "Exercise J (LSTM training) is not implemented yet");
    }
}
