package rnnlab.grader.hidden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import rnnlab.model.LossAndGradients;
import rnnlab.model.SequenceModel;

/**
 * A model without memory that the training-loop tests build themselves: y_t = softmax(W x_t + b).
 * Its loss and exact gradients take a few lines, so the tests of exercise E do not depend on the
 * submission's RNN or LSTM. It records the targets of every {@code lossAndGradients} call, so a
 * test can tell which sequences were trained on and in which order.
 */
final class BigramModel implements SequenceModel {

    private final NamedMatrices parameters;
    private final List<int[]> trainedOn = Collections.synchronizedList(new ArrayList<>());

    private BigramModel(NamedMatrices parameters) {
        this.parameters = parameters;
    }

    /** Creates a model with Gaussian weights of the given standard deviation. */
    static BigramModel random(int vocabularySize, double scale, Random random) {
        return new BigramModel(new NamedMatrices(List.of("W", "b"), List.of(
                Reference.gaussian(vocabularySize, vocabularySize, scale, random),
                Reference.gaussian(vocabularySize, 1, scale, random))));
    }

    /** Returns a model with a deep copy of these weights and no recorded calls. */
    BigramModel copy() {
        return new BigramModel(parameters.copy());
    }

    /** Returns the targets array of every lossAndGradients call, in call order. */
    List<int[]> trainedOn() {
        return List.copyOf(trainedOn);
    }

    private DMatrixRMaj w() {
        return parameters.matrices().get(0);
    }

    private DMatrixRMaj b() {
        return parameters.matrices().get(1);
    }

    @Override
    public String name() {
        return "bigram";
    }

    @Override
    public int vocabularySize() {
        return b().numRows;
    }

    @Override
    public NamedMatrices parameters() {
        return parameters;
    }

    @Override
    public List<DMatrixRMaj> probabilities(List<DMatrixRMaj> inputs) {
        List<DMatrixRMaj> result = new ArrayList<>(inputs.size());
        for (DMatrixRMaj x : inputs) {
            result.add(Reference.softmax(Reference.affine(w(), x, b())));
        }
        return result;
    }

    @Override
    public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets) {
        trainedOn.add(targets);
        List<DMatrixRMaj> probabilities = probabilities(inputs);
        NamedMatrices gradients = parameters.zerosLike();
        for (int t = 0; t < inputs.size(); t++) {
            // dlogits_t = y_t - onehot(target_t); dW += dlogits_t x_tᵀ; db += dlogits_t
            DMatrixRMaj dLogits = probabilities.get(t).copy();
            dLogits.data[targets[t]] -= 1;
            CommonOps_DDRM.multAddTransB(dLogits, inputs.get(t), gradients.matrices().get(0));
            CommonOps_DDRM.addEquals(gradients.matrices().get(1), dLogits);
        }
        return new LossAndGradients(Reference.crossEntropy(probabilities, targets), gradients);
    }

    @Override
    public double loss(List<DMatrixRMaj> inputs, int[] targets) {
        return Reference.crossEntropy(probabilities(inputs), targets);
    }
}
