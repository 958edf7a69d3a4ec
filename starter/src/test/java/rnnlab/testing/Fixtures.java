package rnnlab.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import rnnlab.lstm.LstmParameters;
import rnnlab.rnn.RnnParameters;

/** Weights and inputs that tests rebuild from a formula or a seed. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * Returns a matrix whose entry (r, c) is 0.5 sin(1 + k + 0.7 r + 1.3 c): weights that any
     * language can rebuild, used for the known-answer vectors.
     */
    public static DMatrixRMaj sinusoid(int k, int rows, int cols) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                matrix.set(r, c, 0.5 * Math.sin(1 + k + 0.7 * r + 1.3 * c));
            }
        }
        return matrix;
    }

    /** RNN weights numbered U = 0, V = 1, W = 2, b_hidden = 3, b_out = 4. */
    public static RnnParameters sinusoidRnn(int hidden, int vocabulary) {
        return new RnnParameters(sinusoid(0, hidden, vocabulary), sinusoid(1, hidden, hidden),
                sinusoid(2, vocabulary, hidden), sinusoid(3, hidden, 1),
                sinusoid(4, vocabulary, 1));
    }

    /**
     * LSTM weights numbered W_f, W_i, W_g, W_o = 0..3, W_v = 4, b_f, b_i, b_g, b_o = 5..8,
     * b_v = 9.
     */
    public static LstmParameters sinusoidLstm(int hidden, int vocabulary) {
        int z = hidden + vocabulary;
        return new LstmParameters(sinusoid(0, hidden, z), sinusoid(1, hidden, z),
                sinusoid(2, hidden, z), sinusoid(3, hidden, z), sinusoid(4, vocabulary, hidden),
                sinusoid(5, hidden, 1), sinusoid(6, hidden, 1), sinusoid(7, hidden, 1),
                sinusoid(8, hidden, 1), sinusoid(9, vocabulary, 1));
    }

    /** Fills every parameter with Gaussian values of the given standard deviation. */
    public static void randomize(List<DMatrixRMaj> matrices, double scale, Random random) {
        for (DMatrixRMaj matrix : matrices) {
            for (int k = 0; k < matrix.getNumElements(); k++) {
                matrix.data[k] = scale * random.nextGaussian();
            }
        }
    }

    /**
     * Encodes indices as one-hot vectors. It does not call {@code OneHot}, so that the tests of
     * the models still run in the starter before exercise A is done.
     */
    public static List<DMatrixRMaj> oneHots(int[] indices, int vocabulary) {
        List<DMatrixRMaj> inputs = new ArrayList<>();
        for (int index : indices) {
            DMatrixRMaj x = new DMatrixRMaj(vocabulary, 1);
            x.set(index, 0, 1.0);
            inputs.add(x);
        }
        return inputs;
    }

    /** Returns random indices in 0..vocabulary-1. */
    public static int[] randomIndices(int length, int vocabulary, Random random) {
        int[] indices = new int[length];
        for (int t = 0; t < length; t++) {
            indices[t] = random.nextInt(vocabulary);
        }
        return indices;
    }

    /** Returns vectors with Gaussian entries, so that every column of U or W_x matters. */
    public static List<DMatrixRMaj> denseInputs(int length, int vocabulary, Random random) {
        List<DMatrixRMaj> inputs = new ArrayList<>();
        for (int t = 0; t < length; t++) {
            DMatrixRMaj x = new DMatrixRMaj(vocabulary, 1);
            for (int k = 0; k < vocabulary; k++) {
                x.data[k] = random.nextGaussian();
            }
            inputs.add(x);
        }
        return inputs;
    }
}
