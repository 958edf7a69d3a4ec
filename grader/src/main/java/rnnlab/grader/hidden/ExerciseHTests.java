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
    @Graded(exercise = H, points = 3)
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
        LstmParameters again = initialize(7, 5, 42);
        for (int k = 0; k < NAMES.size(); k++) {
            check(Arrays.equals(parameters.matrices().get(k).data,
                    again.matrices().get(k).data), H, NAMES.get(k) + " from two Randoms seeded"
                    + " 42", "identical matrices", "different matrices", hint);
        }
    }

}
