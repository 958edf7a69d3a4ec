package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.grader.Graded;
import rnnlab.math.Orthogonal;
import rnnlab.rnn.RnnParameters;

/** Exercise B: the RNN's parameter shapes and orthogonal initialisation. */
@DisplayName("B: RNN parameters")
public class ExerciseBTests {

    private static final String B = "B";

    /**
     * EJML's Householder QR is orthonormal to about 1e-14 at these sizes. The bound leaves room
     * for Gram-Schmidt on an ill-conditioned square matrix, and every mistake is off by 1e-3 or
     * more.
     */
    private static final double TOLERANCE = 1e-9;

    private static final String QR_HINT = "Orthogonal.initialize: factor a Gaussian matrix as"
            + " Q R and return Q; for rows < cols build the cols×rows matrix and transpose it, so"
            + " that the rows are orthonormal and the shape stays rows×cols";

    private static DMatrixRMaj initialize(int rows, int cols, long seed) {
        DMatrixRMaj matrix = Orthogonal.initialize(rows, cols, new Random(seed));
        check(matrix != null && matrix.numRows == rows && matrix.numCols == cols, B,
                "shape of Orthogonal.initialize(" + rows + ", " + cols + ", random)",
                rows + "x" + cols, matrix == null ? "null" : Feedback.shape(matrix), QR_HINT);
        return matrix;
    }

    @Test
    @Graded(exercise = B, points = 2)
    @DisplayName("wide shapes get orthonormal rows and keep their shape")
    void wideShapes() {
        int[][] shapes = {{4, 50}, {50, 54}, {3, 8}, {1, 6}, {7, 12}};
        for (int[] shape : shapes) {
            DMatrixRMaj matrix = initialize(shape[0], shape[1], 900L + shape[0] * 100 + shape[1]);
            Feedback.assertOrthonormal(B, "orthogonal initialisation", matrix, TOLERANCE,
                    QR_HINT);
        }
    }

    @Test
    @Graded(exercise = B, points = 1)
    @DisplayName("tall and square shapes get orthonormal columns")
    void tallAndSquareShapes() {
        int[][] shapes = {{50, 4}, {54, 50}, {9, 2}, {6, 1}, {50, 50}, {5, 5}};
        for (int[] shape : shapes) {
            DMatrixRMaj matrix = initialize(shape[0], shape[1], 700L + shape[0] * 100 + shape[1]);
            Feedback.assertOrthonormal(B, "orthogonal initialisation", matrix, TOLERANCE,
                    QR_HINT);
        }
    }

    @Test
    @Graded(exercise = B, points = 1)
    @DisplayName("a seed gives the lab's matrix: Q of the given Gaussian draw")
    void knownDraws() {
        // The Gaussian entries are drawn by the given code, row by row. Q with R's diagonal made
        // positive is unique, so every correct factorisation gives these values to rounding.
        int[][] shapes = {{4, 4}, {6, 3}, {3, 6}, {1, 1}, {2, 1}};
        for (int[] shape : shapes) {
            long seed = 3000L + shape[0] * 10 + shape[1];
            DMatrixRMaj expected = Reference.orthogonal(shape[0], shape[1], new Random(seed));
            DMatrixRMaj actual = initialize(shape[0], shape[1], seed);
            Feedback.assertMatrix(B, "Orthogonal.initialize(" + shape[0] + ", " + shape[1]
                    + ", new Random(" + seed + "))", expected, actual, TOLERANCE, QR_HINT
                    + "; a square matrix is not transposed, and column j changes sign only"
                    + " where R_jj < 0");
        }
    }

    @Test
    @Graded(exercise = B, points = 1)
    @DisplayName("signs are corrected by R's diagonal, so entries are unbiased")
    void signCorrection() {
        // With Q's columns multiplied by the signs of R's diagonal, Q is uniformly distributed
        // over orthogonal matrices and every entry has mean 0. Without the correction, EJML's
        // Householder QR makes Q_00 negative in every draw and the later diagonal entries
        // negative in more than 80% of draws, so their means are -0.28 to -0.35 for these
        // shapes. Over 400 draws the standard error of a mean is about 0.02, so the bound 0.15
        // is seven standard errors.
        int draws = 400;
        int[][] shapes = {{6, 4}, {4, 7}, {5, 5}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int cols = shape[1];
            Random random = new Random(4242L + rows * 10 + cols);
            double[] diagonalSums = new double[Math.min(rows, cols)];
            DMatrixRMaj previous = null;
            for (int draw = 0; draw < draws; draw++) {
                DMatrixRMaj matrix = Orthogonal.initialize(rows, cols, random);
                for (int j = 0; j < diagonalSums.length; j++) {
                    diagonalSums[j] += matrix.get(j, j);
                }
                if (previous != null) {
                    check(!Arrays.equals(previous.data, matrix.data), B,
                            "two draws of " + rows + "x" + cols + " from one Random",
                            "different matrices", "the same matrix twice",
                            "Orthogonal.initialize draws a new Gaussian matrix from the given"
                                    + " Random on every call");
                }
                previous = matrix;
            }
            for (int j = 0; j < diagonalSums.length; j++) {
                double mean = diagonalSums[j] / draws;
                check(Math.abs(mean) < 0.15, B, "mean of entry (" + j + ", " + j + ") over "
                        + draws + " draws of " + rows + "x" + cols, "a value within ±0.15 of 0",
                        Feedback.format(mean), "the sign correction: multiply column j of Q by"
                                + " the sign of R_jj (columns, not rows), before any"
                                + " transpose, and draw Gaussian entries (nextGaussian)");
            }
        }
    }

    @Test
    @Graded(exercise = B, points = 1)
    @DisplayName("RnnParameters.initialize: shapes, orthogonal weights, zero biases")
    void rnnInitialize() {
        int hidden = 7;
        int vocabulary = 5;
        String hint = "RnnParameters.initialize: U hiddenSize×vocabularySize, V"
                + " hiddenSize×hiddenSize, W vocabularySize×hiddenSize, each from"
                + " Orthogonal.initialize with the given Random; both biases zero";

        RnnParameters parameters = Feedback.call(B, () -> RnnParameters.initialize(hidden,
                vocabulary, new Random(31)));

        String[] names = {"U", "V", "W", "b_hidden", "b_out"};
        int[][] shapes = {{7, 5}, {7, 7}, {5, 7}, {7, 1}, {5, 1}};
        for (int k = 0; k < names.length; k++) {
            DMatrixRMaj matrix = parameters.matrices().get(k);
            check(matrix.numRows == shapes[k][0] && matrix.numCols == shapes[k][1], B,
                    "shape of " + names[k] + " for hiddenSize 7, vocabularySize 5",
                    shapes[k][0] + "x" + shapes[k][1], Feedback.shape(matrix), hint);
        }
        Feedback.assertOrthonormal(B, "U", parameters.u(), TOLERANCE, hint);
        Feedback.assertOrthonormal(B, "V", parameters.v(), TOLERANCE, hint);
        Feedback.assertOrthonormal(B, "W", parameters.w(), TOLERANCE, hint);
        Feedback.assertMatrix(B, "b_hidden", new DMatrixRMaj(7, 1), parameters.bHidden(), 0.0,
                hint);
        Feedback.assertMatrix(B, "b_out", new DMatrixRMaj(5, 1), parameters.bOut(), 0.0, hint);

        RnnParameters square = Feedback.call(B, () -> RnnParameters.initialize(4, 4,
                new Random(32)));
        check(square.bHidden() != square.bOut(), B, "b_hidden and b_out from initialize(4, 4,"
                + " random)", "separate matrices", "one shared matrix", "a new zero column for"
                        + " each bias, because SGD updates each in place");

        RnnParameters again = RnnParameters.initialize(hidden, vocabulary, new Random(31));
        for (int k = 0; k < names.length; k++) {
            check(parameters.matrices().get(k) != again.matrices().get(k), B, names[k]
                    + " of two models made by initialize", "separate matrices",
                    "one matrix shared by both models", "a new matrix on every call, never a"
                            + " cached one, because SGD updates each model's weights in place");
            check(Arrays.equals(parameters.matrices().get(k).data,
                    again.matrices().get(k).data), B, names[k] + " from two Randoms seeded 31",
                    "identical matrices", "different matrices",
                    "that every random number comes from the given Random, never a new one");
        }
    }

    @Test
    @Graded(exercise = B, points = 1)
    @DisplayName("RnnParameters.initialize draws U, then V, then W from the one Random")
    void rnnDrawOrder() {
        // The submission's own Orthogonal.initialize replays the draws, so any correct way of
        // building an orthogonal matrix passes. Only the order of the three calls is checked.
        int hidden = 6;
        int vocabulary = 4;
        RnnParameters parameters = Feedback.call(B, () -> RnnParameters.initialize(hidden,
                vocabulary, new Random(57)));
        Random replay = new Random(57);
        DMatrixRMaj[] expected = {
            Orthogonal.initialize(hidden, vocabulary, replay),
            Orthogonal.initialize(hidden, hidden, replay),
            Orthogonal.initialize(vocabulary, hidden, replay)};
        String[] names = {"U", "V", "W"};
        for (int k = 0; k < names.length; k++) {
            DMatrixRMaj actual = parameters.matrices().get(k);
            check(Arrays.equals(expected[k].data, actual.data), B, names[k]
                    + " from RnnParameters.initialize(6, 4, new Random(57))",
                    "call number " + (k + 1) + " of Orthogonal.initialize on that Random",
                    "other values", "draw U (H×V), then V (H×H), then W (V×H) from the given"
                            + " Random, one call each, in that order, so that a seed gives the"
                            + " lab's weights");
        }
    }

    @Test
    @Graded(exercise = B, points = 1)
    @DisplayName("sizes below 1 and a missing U are rejected; copy is deep")
    void inputChecksAndCopy() {
        String sizeHint = "the size check at the start of each method: a shape of 0 rows or"
                + " columns is a caller's mistake, reported with the value";
        Feedback.assertRejected(B, "Orthogonal.initialize(0, 3, random)",
                () -> Orthogonal.initialize(0, 3, new Random(1)), sizeHint, "0x3");
        Feedback.assertRejected(B, "Orthogonal.initialize(4, 0, random)",
                () -> Orthogonal.initialize(4, 0, new Random(1)), sizeHint, "4x0");
        Feedback.assertRejected(B, "RnnParameters.initialize(0, 5, random)",
                () -> RnnParameters.initialize(0, 5, new Random(1)), sizeHint, "hiddenSize",
                "0", "5");
        Feedback.assertRejected(B, "RnnParameters.initialize(4, 0, random)",
                () -> RnnParameters.initialize(4, 0, new Random(1)), sizeHint,
                "vocabularySize", "4", "0");
        Feedback.assertRejected(B, "RnnParameters.zeros(4, -2)",
                () -> RnnParameters.zeros(4, -2), sizeHint, "vocabularySize", "-2");
        RnnParameters smallest = Feedback.call(B, () -> RnnParameters.initialize(1, 1,
                new Random(2)));
        Feedback.assertOrthonormal(B, "U of RnnParameters.initialize(1, 1, random)",
                smallest.u(), TOLERANCE, "that 1 is a valid size: the checks reject sizes below"
                        + " 1 only");
        check(RnnParameters.zeros(1, 1).hiddenSize() == 1, B, "RnnParameters.zeros(1, 1)",
                "a 1-unit RNN", "another size", "that 1 is a valid size");
        RnnParameters zeros = RnnParameters.zeros(3, 2);
        DMatrixRMaj[] valid = zeros.matrices().toArray(new DMatrixRMaj[0]);
        String[] names = {"U", "V", "W", "b_hidden", "b_out"};
        String[] shapes = {"3x2", "3x3", "2x3", "3x1", "2x1"};
        for (int k = 1; k < names.length; k++) {
            DMatrixRMaj[] wrong = valid.clone();
            wrong[k] = new DMatrixRMaj(wrong[k].numRows + 1, wrong[k].numCols);
            String found = Feedback.shape(wrong[k]);
            Feedback.assertShapeError(B, "new RnnParameters with a " + found + " " + names[k],
                    () -> new RnnParameters(wrong[0], wrong[1], wrong[2], wrong[3], wrong[4]),
                    names[k], shapes[k], found);
        }
        Feedback.assertRejected(B, "new RnnParameters(null, V, W, b_hidden, b_out)",
                () -> new RnnParameters(null, zeros.v(), zeros.w(), zeros.bHidden(),
                        zeros.bOut()), "the constructor's check of U", "U", "null");

        RnnParameters original = RnnParameters.initialize(3, 2, new Random(8));
        RnnParameters copy = original.copy();
        for (int k = 0; k < copy.matrices().size(); k++) {
            DMatrixRMaj copied = copy.matrices().get(k);
            check(copied != original.matrices().get(k)
                    && Arrays.equals(copied.data, original.matrices().get(k).data), B,
                    copy.names().get(k) + " of RnnParameters.copy()", "an equal, separate matrix",
                    copied == original.matrices().get(k) ? "the same object" : "other values",
                    "that copy() copies each of the five matrices");
        }
    }
}
