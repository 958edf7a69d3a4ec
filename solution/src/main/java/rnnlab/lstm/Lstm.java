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
        return forward(inputs).probabilities();
    }

    @Override
    public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets) {
        LstmTrace trace = forward(inputs);
        return LstmBackward.backward(inputs, targets, trace, parameters);
    }

    private LstmTrace forward(List<DMatrixRMaj> inputs) {
        DMatrixRMaj zero = LstmForward.zeroState(parameters);
        return LstmForward.forward(inputs, zero, zero, parameters);
    }
}
