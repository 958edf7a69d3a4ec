package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.djl.CellType;
import rnnlab.djl.DjlNetwork;
import rnnlab.djl.DjlSequenceModel;
import rnnlab.grader.Graded;
import rnnlab.lstm.LstmParameters;

/**
 * Exercise K: the LSTM as a DJL block. The block is checked by its shapes, its parameter count,
 * its batch-first layout, and by running it with weights copied from a hand-written LSTM.
 */
@DisplayName("K: DJL LSTM network")
public class ExerciseKTests {

    private static final String K = "K";
    private static final int VOCABULARY = 5;
    private static final int HIDDEN = 7;

    @Test
    @Graded(exercise = K, points = 2)
    @DisplayName("outputs (batch, time, V) logits and has 4H(V+H) + 8H + VH weights")
    void shapesAndParameterCount() {
        try (DjlSequenceModel model = DjlSequenceModel.create(CellType.LSTM, VOCABULARY, HIDDEN,
                21)) {
            DjlNetwork network = model.network();
            try (NDManager manager = NDManager.newBaseManager()) {
                float[] logits = DjlSupport.logits(network, manager,
                        new int[][] {{0, 1, 2, 3, 4, 0}, {4, 3, 2, 1, 0, 1}}, VOCABULARY);
                check(logits.length == 2 * 6 * VOCABULARY, K,
                        "number of logits for a batch of 2 sequences of 6 steps",
                        String.valueOf(2 * 6 * VOCABULARY) + " (2 x 6 x " + VOCABULARY + ")",
                        String.valueOf(logits.length), "the block returns the Linear layer's"
                                + " output for every time step, batch first");
            }
            long expected = 4L * HIDDEN * (VOCABULARY + HIDDEN) + 8L * HIDDEN
                    + (long) VOCABULARY * HIDDEN;
            long actual = DjlSupport.parameterCount(network);
            check(actual == expected, K, "parameter count with V = 5, H = 7",
                    String.valueOf(expected), actual + " " + DjlSupport.describeParameters(
                            network), "one LSTM layer of state size H and a Linear layer of V"
                            + " units without bias");

            Shape[] outputs = network.getOutputShapes(new Shape[] {new Shape(3, 4, VOCABULARY)});
            Shape expectedShape = new Shape(3, 4, VOCABULARY);
            check(outputs.length == 1 && outputs[0].equals(expectedShape), K,
                    "getOutputShapes for input (3, 4, 5)", expectedShape.toString(),
                    Arrays.toString(outputs), "the recurrent layer's output"
                            + " (batch, time, H) fed to the Linear layer of V units");
            check(network.hiddenSize() == HIDDEN && network.vocabularySize() == VOCABULARY
                    && network.toString().contains("hiddenSize 7"), K,
                    "sizes reported by the network", "hiddenSize 7, vocabularySize 5",
                    network.toString(), "the sizes given to the constructor");
            try (NDManager manager = NDManager.newBaseManager()) {
                Feedback.assertRejected(K, "forward on input of shape (1, 3, 4) with V = 5",
                        () -> network.forward(new ParameterStore(manager, false),
                                new NDList(manager.zeros(new Shape(1, 3, 4))), false),
                        "the input check at the start of forwardInternal", "(batch, time, 5)",
                        "(1, 3, 4)");
            }
        }
        DjlNetwork smallest = new DjlNetwork(CellType.LSTM, 1, 1);
        check(smallest.hiddenSize() == 1 && smallest.vocabularySize() == 1, K,
                "new DjlNetwork(LSTM, 1, 1)", "a network of size 1", smallest.toString(),
                "that 1 is a valid size: the check rejects sizes below 1 only");
        Feedback.assertRejected(K, "new DjlNetwork(LSTM, 0, 7)",
                () -> new DjlNetwork(CellType.LSTM, 0, HIDDEN), "the size check of the"
                        + " constructor", "0", "7");
        Feedback.assertRejected(K, "new DjlNetwork(LSTM, 5, 0)",
                () -> new DjlNetwork(CellType.LSTM, VOCABULARY, 0), "the size check of the"
                        + " constructor", "5", "0");
    }

    @Test
    @Graded(exercise = K, points = 2)
    @DisplayName("reads input batch first: sequences in a batch do not mix")
    void batchFirst() {
        try (DjlSequenceModel model = DjlSequenceModel.create(CellType.LSTM, VOCABULARY, HIDDEN,
                22);
                NDManager manager = NDManager.newBaseManager()) {
            int[] first = {0, 0, 1, 1, 2};
            int[] second = {3, 4, 3, 4, 3};
            float[] alone = DjlSupport.logits(model.network(), manager, new int[][] {first},
                    VOCABULARY);
            float[] together = DjlSupport.logits(model.network(), manager,
                    new int[][] {first, second}, VOCABULARY);
            for (int k = 0; k < alone.length; k++) {
                if (Math.abs(alone[k] - together[k]) > 1e-5) {
                    throw Feedback.failure(K, "logit " + k + " of the first sequence, alone and"
                            + " in a batch of two", Feedback.format(alone[k]),
                            Feedback.format(together[k]), "the layout (batch, time, feature):"
                                    + " optBatchFirst(true) on the LSTM builder");
                }
            }
        }
    }

    @Test
    @Graded(exercise = K, points = 2)
    @DisplayName("with a hand-written LSTM's weights, gives the same softmax outputs")
    void sameOutputsAsHandWritten() {
        Random random = new Random(23);
        LstmParameters weights = Reference.randomLstm(HIDDEN, VOCABULARY, 0.6, random);
        weights.bOut().zero();
        int[] indices = {2, 0, 0, 1, 4, 3, 1};
        List<rnnlab.lstm.LstmStep> reference = Reference.lstmForward(weights,
                Reference.oneHots(indices, VOCABULARY), new DMatrixRMaj(HIDDEN, 1),
                new DMatrixRMaj(HIDDEN, 1));
        try (DjlSequenceModel model = DjlSequenceModel.create(CellType.LSTM, VOCABULARY, HIDDEN,
                24);
                NDManager manager = NDManager.newBaseManager()) {
            DjlSupport.copyLstm(weights, model.network());
            float[] logits = DjlSupport.logits(model.network(), manager, new int[][] {indices},
                    VOCABULARY);
            for (int t = 0; t < indices.length; t++) {
                DMatrixRMaj expected = reference.get(t).probabilities();
                double[] row = softmax(logits, t * VOCABULARY, VOCABULARY);
                for (int k = 0; k < VOCABULARY; k++) {
                    if (Math.abs(expected.get(k, 0) - row[k]) > 1e-5) {
                        throw Feedback.failure(K, "softmax of the logits at step " + t
                                + ", entry " + k, Feedback.format(expected.get(k, 0)),
                                Feedback.format(row[k]), "the block returns logits W_v h_t"
                                        + " (no softmax inside, no bias) from one LSTM layer");
                    }
                }
            }
        }
    }

    private static double[] softmax(float[] values, int offset, int size) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            max = Math.max(max, values[offset + k]);
        }
        double[] result = new double[size];
        double sum = 0;
        for (int k = 0; k < size; k++) {
            result[k] = Math.exp(values[offset + k] - max);
            sum += result[k];
        }
        for (int k = 0; k < size; k++) {
            result[k] /= sum;
        }
        return result;
    }
}
