package rnnlab.rnn;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import rnnlab.model.LossAndGradients;
import rnnlab.model.SequenceModel;

/** The vanilla RNN as a {@link SequenceModel}: its weights, forward and backward pass. */
public final class Rnn implements SequenceModel {

    private final RnnParameters parameters;

    /** Wraps existing weights, not copied. */
    public Rnn(RnnParameters parameters) {
        this.parameters = parameters;
    }

    /** Creates an RNN with orthogonal initial weights. */
    public static Rnn initialize(int hiddenSize, int vocabularySize, Random random) {
        return new Rnn(RnnParameters.initialize(hiddenSize, vocabularySize, random));
    }

    @Override
    public String name() {
        return "rnn";
    }

    @Override
    public int vocabularySize() {
        return parameters.vocabularySize();
    }

    @Override
    public RnnParameters parameters() {
        return parameters;
    }

    @Override
    public List<DMatrixRMaj> probabilities(List<DMatrixRMaj> inputs) {
        return forward(inputs).probabilities();
    }

    @Override
    public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets) {
        RnnTrace trace = forward(inputs);
        return RnnBackward.backward(inputs, targets, trace, parameters);
    }

    private RnnTrace forward(List<DMatrixRMaj> inputs) {
        return RnnForward.forward(inputs, RnnForward.zeroState(parameters), parameters);
    }
}
