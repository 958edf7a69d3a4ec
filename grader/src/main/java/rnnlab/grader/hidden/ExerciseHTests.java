package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.grader.Graded;
import rnnlab.lstm.LstmParameters;
import rnnlab.math.Orthogonal;

/** Exercise H: the LSTM's parameter shapes and initial values. */
@DisplayName("H: LSTM parameters")
public class ExerciseHTests {

    private static final String H = "H";

    private static final List<String> NAMES = List.of("W_f", "W_i", "W_g", "W_o", "W_v", "b_f",
            "b_i", "b_g", "b_o", "b_v");

    private static final String SHAPE_HINT = "the shapes: each gate reads z = [h; x], so W_f,"
            + " W_i, W_g and W_o are hiddenSize×(hiddenSize+vocabularySize) and their biases"
            + " hiddenSize×1; W_v is vocabularySize×hiddenSize and b_v vocabularySize×1";

    /** Returns the expected shape of each parameter, in the order of NAMES. */
    private static int[][] shapes(int hidden, int vocabulary) {
        int z = hidden + vocabulary;
        return new int[][] {{hidden, z}, {hidden, z}, {hidden, z}, {hidden, z},
            {vocabulary, hidden}, {hidden, 1}, {hidden, 1}, {hidden, 1}, {hidden, 1},
            {vocabulary, 1}};
    }

    private static void checkShapes(LstmParameters parameters, int hidden, int vocabulary,
            String call) {
        int[][] shapes = shapes(hidden, vocabulary);
        for (int k = 0; k < NAMES.size(); k++) {
            DMatrixRMaj matrix = parameters.matrices().get(k);
            String expected = shapes[k][0] + "x" + shapes[k][1];
            check(matrix != null && Feedback.shape(matrix).equals(expected), H,
                    "shape of " + NAMES.get(k) + " from " + call, expected,
                    matrix == null ? "null" : Feedback.shape(matrix), SHAPE_HINT);
        }
    }

    private static LstmParameters initialize(int hidden, int vocabulary, long seed) {
        try {
            return Feedback.call(H, () -> LstmParameters.initialize(hidden, vocabulary,
                    new Random(seed)));
        } catch (IllegalArgumentException e) {
            throw Feedback.failure(H, "LstmParameters.initialize(" + hidden + ", " + vocabulary
                    + ", random)", "weights of the right shapes", "IllegalArgumentException \""
                    + e.getMessage() + "\"", SHAPE_HINT + ". If the shapes you ask"
                    + " Orthogonal.initialize for are right, its result is wrong: see exercise B");
        }
    }

    @Test
    @Graded(exercise = H, points = 2)
    @DisplayName("initialize gives every gate weight the shape for z = [h; x]")
    void initializeShapes() {
        LstmParameters parameters = initialize(7, 5, 41);

        checkShapes(parameters, 7, 5, "initialize(7, 5, random)");
        for (int k = 5; k < NAMES.size(); k++) {
            DMatrixRMaj bias = parameters.matrices().get(k);
            Feedback.assertMatrix(H, NAMES.get(k) + " from initialize",
                    new DMatrixRMaj(bias.numRows, 1), bias, 0.0, "that every bias starts at"
                            + " zero");
        }
    }

    @Test
    @Graded(exercise = H, points = 3)
    @DisplayName("initialize draws each weight matrix orthogonal and separately")
    void initializeOrthogonal() {
        LstmParameters parameters = initialize(7, 5, 42);
        String hint = "LstmParameters.initialize: each of W_f, W_i, W_g, W_o and W_v from its"
                + " own call of Orthogonal.initialize with the given Random";

        for (int k = 0; k < 5; k++) {
            Feedback.assertOrthonormal(H, NAMES.get(k) + " from initialize",
                    parameters.matrices().get(k), 1e-9, hint);
            for (int other = 0; other < k; other++) {
                check(!Arrays.equals(parameters.matrices().get(k).data,
                        parameters.matrices().get(other).data), H, NAMES.get(k) + " and "
                        + NAMES.get(other), "different draws", "the same matrix", hint);
            }
        }
        for (int k = 0; k < NAMES.size(); k++) {
            for (int other = 0; other < k; other++) {
                check(parameters.matrices().get(k) != parameters.matrices().get(other), H,
                        NAMES.get(k) + " and " + NAMES.get(other) + " from initialize",
                        "separate matrices", "one shared matrix", "a new matrix for every"
                                + " bias (new DMatrixRMaj each time), because SGD updates each"
                                + " in place");
            }
        }
        LstmParameters again = initialize(7, 5, 42);
        for (int k = 0; k < NAMES.size(); k++) {
            check(parameters.matrices().get(k) != again.matrices().get(k), H, NAMES.get(k)
                    + " of two models made by initialize", "separate matrices",
                    "one matrix shared by both models", "a new matrix on every call, never a"
                            + " cached one, because SGD updates each model's weights in place");
            check(Arrays.equals(parameters.matrices().get(k).data,
                    again.matrices().get(k).data), H, NAMES.get(k) + " from two Randoms seeded"
                    + " 42", "identical matrices", "different matrices", hint);
        }
        // The submission's own Orthogonal.initialize replays the draws in the constructor's
        // order, so only the order of the five calls is checked here.
        Random replay = new Random(42);
        for (int k = 0; k < 5; k++) {
            int rows = k < 4 ? 7 : 5;
            int cols = k < 4 ? 12 : 7;
            DMatrixRMaj expected = Orthogonal.initialize(rows, cols, replay);
            check(Arrays.equals(expected.data, parameters.matrices().get(k).data), H,
                    NAMES.get(k) + " from initialize(7, 5, new Random(42))", "call number "
                    + (k + 1) + " of Orthogonal.initialize on that Random", "other values",
                    "draw W_f, W_i, W_g, W_o and then W_v, one call each, in the constructor's"
                            + " order, so that a seed gives the lab's weights");
        }
    }

    @Test
    @Graded(exercise = H, points = 1)
    @DisplayName("sizes below 1 and a missing W_v are rejected; copy is deep")
    void inputChecksAndCopy() {
        String sizeHint = "the size check at the start of initialize and zeros, which reports"
                + " the value";
        Feedback.assertRejected(H, "LstmParameters.initialize(0, 5, random)",
                () -> LstmParameters.initialize(0, 5, new Random(1)), sizeHint, "hiddenSize",
                "0", "5");
        Feedback.assertRejected(H, "LstmParameters.initialize(4, 0, random)",
                () -> LstmParameters.initialize(4, 0, new Random(1)), sizeHint,
                "vocabularySize", "4", "0");
        Feedback.assertRejected(H, "LstmParameters.zeros(3, 0)",
                () -> LstmParameters.zeros(3, 0), sizeHint, "vocabularySize", "3", "0");
        LstmParameters smallest = initialize(1, 1, 2);
        checkShapes(smallest, 1, 1, "initialize(1, 1, random)");
        checkShapes(LstmParameters.zeros(1, 1), 1, 1, "zeros(1, 1)");
        LstmParameters zeros = LstmParameters.zeros(3, 2);
        List<DMatrixRMaj> m = zeros.matrices();
        int[][] shapes = shapes(3, 2);
        for (int k = 0; k < NAMES.size(); k++) {
            if (k == 4) {
                continue;
            }
            DMatrixRMaj[] wrong = m.toArray(new DMatrixRMaj[0]);
            wrong[k] = new DMatrixRMaj(wrong[k].numRows, wrong[k].numCols + 1);
            String found = Feedback.shape(wrong[k]);
            Feedback.assertShapeError(H, "new LstmParameters with a " + found + " "
                    + NAMES.get(k), () -> new LstmParameters(wrong[0], wrong[1], wrong[2],
                    wrong[3], wrong[4], wrong[5], wrong[6], wrong[7], wrong[8], wrong[9]),
                    NAMES.get(k), shapes[k][0] + "x" + shapes[k][1], found);
        }
        Feedback.assertRejected(H, "new LstmParameters(..., W_v = null, ...)",
                () -> new LstmParameters(m.get(0), m.get(1), m.get(2), m.get(3), null, m.get(5),
                        m.get(6), m.get(7), m.get(8), m.get(9)), "the constructor's check of"
                        + " W_v", "W_v", "null");

        LstmParameters original = initialize(3, 2, 8);
        LstmParameters copy = original.copy();
        for (int k = 0; k < NAMES.size(); k++) {
            DMatrixRMaj copied = copy.matrices().get(k);
            DMatrixRMaj source = original.matrices().get(k);
            check(copied != source && Arrays.equals(copied.data, source.data), H,
                    NAMES.get(k) + " of LstmParameters.copy()", "an equal, separate matrix",
                    copied == source ? "the same object" : "other values",
                    "that copy() copies each of the ten matrices");
        }
    }
}
