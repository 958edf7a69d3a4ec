package rnnlab.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import rnnlab.lstm.LstmParameters;

/**
 * Copies the hand-written LSTM's weights into a DJL network, in PyTorch's layout.
 *
 * <p>The hand-written gates act on z = [h_{t-1}; x_t], so columns 0..H-1 of each W_k multiply
 * the hidden state and columns H..H+V-1 the input. PyTorch keeps the two parts apart and stacks
 * the four gates in the order i, f, g, o:
 * <pre>
 * l_0_i2h_WEIGHT  (4H×V)  rows kH..kH+H-1 = W_k[:, H:H+V]   acts on x_t
 * l_0_h2h_WEIGHT  (4H×H)  rows kH..kH+H-1 = W_k[:, 0:H]     acts on h_{t-1}
 * l_0_i2h_BIAS    (4H)    entries kH..kH+H-1 = b_k
 * l_0_h2h_BIAS    (4H)    zeros, because PyTorch adds the two biases
 * weight          (V×H)   W_v of the output layer, which has no bias
 * </pre>
 */
final class LstmWeightMapping {

    /** PyTorch's gate order: input, forget, candidate, output. */
    static final String PYTORCH_GATE_ORDER = "ifgo";

    private LstmWeightMapping() {
    }

    /**
     * Copies every weight in PyTorch's gate order.
     *
     * @param from hand-written weights with b_v = 0, not modified
     * @param to an initialized LSTM network of the same sizes, whose weights are overwritten
     * @throws IllegalArgumentException if b_v is not zero, or the sizes differ
     */
    static void copy(LstmParameters from, DjlNetwork to) {
        copyInGateOrder(from, to, PYTORCH_GATE_ORDER);
    }

    /**
     * Copies every weight, stacking the gates in the given order, such as {@code "figo"} for
     * the order in which the lab lists them.
     */
    static void copyInGateOrder(LstmParameters from, DjlNetwork to, String gateOrder) {
        requireCompatible(from, to);
        int hidden = from.hiddenSize();
        int vocabulary = from.vocabularySize();
        float[] inputWeights = new float[4 * hidden * vocabulary];
        float[] hiddenWeights = new float[4 * hidden * hidden];
        float[] inputBias = new float[4 * hidden];
        for (int block = 0; block < 4; block++) {
            char gate = gateOrder.charAt(block);
            DMatrixRMaj weights = gateWeights(from, gate);
            DMatrixRMaj bias = gateBias(from, gate);
            for (int r = 0; r < hidden; r++) {
                int row = block * hidden + r;
                for (int c = 0; c < vocabulary; c++) {
                    inputWeights[row * vocabulary + c] = (float) weights.get(r, hidden + c);
                }
                for (int c = 0; c < hidden; c++) {
                    hiddenWeights[row * hidden + c] = (float) weights.get(r, c);
                }
                inputBias[row] = (float) bias.get(r, 0);
            }
        }
        set(to, "l_0_i2h_WEIGHT", inputWeights);
        set(to, "l_0_h2h_WEIGHT", hiddenWeights);
        set(to, "l_0_i2h_BIAS", inputBias);
        set(to, "l_0_h2h_BIAS", new float[4 * hidden]);
        overwrite(to.outputLayer().getParameters().get("weight").getArray(),
                toFloats(from.wOut()));
    }

    private static void requireCompatible(LstmParameters from, DjlNetwork to) {
        for (double value : from.bOut().data) {
            if (value != 0) {
                throw new IllegalArgumentException("b_v: expected zeros, because the DJL output"
                        + " layer has no bias, but an entry was " + value);
            }
        }
        if (to.cellType() != CellType.LSTM || to.hiddenSize() != from.hiddenSize()
                || to.vocabularySize() != from.vocabularySize()) {
            throw new IllegalArgumentException("network: expected an LSTM with hidden size "
                    + from.hiddenSize() + " and vocabulary size " + from.vocabularySize()
                    + " but was " + to);
        }
    }

    private static DMatrixRMaj gateWeights(LstmParameters parameters, char gate) {
        return Map.of('f', parameters.wForget(), 'i', parameters.wInput(),
                'g', parameters.wCandidate(), 'o', parameters.wOutputGate()).get(gate);
    }

    private static DMatrixRMaj gateBias(LstmParameters parameters, char gate) {
        return Map.of('f', parameters.bForget(), 'i', parameters.bInput(),
                'g', parameters.bCandidate(), 'o', parameters.bOutputGate()).get(gate);
    }

    private static void set(DjlNetwork network, String name, float[] values) {
        overwrite(network.recurrentLayer().getParameters().get(name).getArray(), values);
    }

    /**
     * Writes values into a weight array in place, through an indexed assignment. Unlike
     * {@code NDArray.set(float[])}, the assignment does not make libtorch 2.7.1 print a
     * deprecation warning.
     */
    private static void overwrite(NDArray weights, float[] values) {
        try (NDManager scope = weights.getManager().newSubManager()) {
            NDArray source = scope.create(values, weights.getShape());
            weights.set(new NDIndex(":"), source);
        }
    }

    private static float[] toFloats(DMatrixRMaj matrix) {
        float[] values = new float[matrix.getNumElements()];
        for (int k = 0; k < values.length; k++) {
            values[k] = (float) matrix.data[k];
        }
        return values;
    }
}
