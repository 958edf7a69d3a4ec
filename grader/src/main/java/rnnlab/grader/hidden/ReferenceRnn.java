package rnnlab.grader.hidden;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import rnnlab.model.LossAndGradients;
import rnnlab.model.SequenceModel;
import rnnlab.rnn.RnnParameters;
import rnnlab.rnn.RnnTrace;

/**
 * The grader's own RNN as a {@link SequenceModel}: forward and backward pass from
 * {@link Reference}, so that the training loop (exercise E) can be checked end to end without
 * the submission's exercises B, C and D.
 */
final class ReferenceRnn implements SequenceModel {

    private final RnnParameters parameters;

    /** Creates an RNN with orthogonal U, V and W and zero biases. */
    ReferenceRnn(int hiddenSize, int vocabularySize, Random random) {
        this.parameters = new RnnParameters(
                Reference.orthogonal(hiddenSize, vocabularySize, random),
                Reference.orthogonal(hiddenSize, hiddenSize, random),
                Reference.orthogonal(vocabularySize, hiddenSize, random),
                new DMatrixRMaj(hiddenSize, 1), new DMatrixRMaj(vocabularySize, 1));
    }

    @Override
    public String name() {
        return "reference-rnn";
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
        List<DMatrixRMaj> gradients = Reference.rnnGradients(parameters, inputs, targets, trace);
        return new LossAndGradients(Reference.crossEntropy(trace.probabilities(), targets),
                new RnnParameters(gradients.get(0), gradients.get(1), gradients.get(2),
                        gradients.get(3), gradients.get(4)));
    }

    @Override
    public double loss(List<DMatrixRMaj> inputs, int[] targets) {
        return Reference.crossEntropy(probabilities(inputs), targets);
    }

    private RnnTrace forward(List<DMatrixRMaj> inputs) {
        return Reference.rnnForward(parameters, inputs,
                new DMatrixRMaj(parameters.hiddenSize(), 1));
    }
}
