package rnnlab.rnn;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import rnnlab.math.Matrices;
import rnnlab.math.Orthogonal;
import rnnlab.model.ParameterSet;

/**
 * The weights of the vanilla RNN (exercise B), or their gradients.
 *
 * <pre>
 * U        hiddenSize×vocabularySize   input to hidden
 * V        hiddenSize×hiddenSize       hidden to hidden, through time
 * W        vocabularySize×hiddenSize   hidden to output
 * bHidden  hiddenSize×1
 * bOut     vocabularySize×1
 * </pre>
 */
public final class RnnParameters implements ParameterSet {

    private static final List<String> NAMES = List.of("U", "V", "W", "b_hidden", "b_out");

    private final DMatrixRMaj u;
    private final DMatrixRMaj v;
    private final DMatrixRMaj w;
    private final DMatrixRMaj bHidden;
    private final DMatrixRMaj bOut;

    /**
     * Wraps five matrices, not copied, after checking that their shapes agree with U's.
     *
     * @throws IllegalArgumentException naming the first matrix with the wrong shape
     */
    public RnnParameters(DMatrixRMaj u, DMatrixRMaj v, DMatrixRMaj w, DMatrixRMaj bHidden,
            DMatrixRMaj bOut) {
        if (u == null) {
            throw new IllegalArgumentException("U: expected a hiddenSize x vocabularySize matrix"
                    + " but was null");
        }
        int hidden = u.numRows;
        int vocabulary = u.numCols;
        Matrices.requireShape("V", v, hidden, hidden);
        Matrices.requireShape("W", w, vocabulary, hidden);
        Matrices.requireShape("b_hidden", bHidden, hidden, 1);
        Matrices.requireShape("b_out", bOut, vocabulary, 1);
        this.u = u;
        this.v = v;
        this.w = w;
        this.bHidden = bHidden;
        this.bOut = bOut;
    }

    /**
     * Creates initial weights (exercise B): U, V and W orthogonal, both biases zero.
     *
     * @throws IllegalArgumentException if a size is below 1
     */
    public static RnnParameters initialize(int hiddenSize, int vocabularySize, Random random) {
        requireSizes(hiddenSize, vocabularySize);
        // BEGIN EXERCISE B: draw U (H×V), V (H×H) and W (V×H) with Orthogonal.initialize from
        //     the same random, in that order, so that a seed always gives the same weights.
        //     Both biases are zero columns. Pass all five to the constructor.
        return new RnnParameters(
                Orthogonal.initialize(hiddenSize, vocabularySize, random),
                Orthogonal.initialize(hiddenSize, hiddenSize, random),
                Orthogonal.initialize(vocabularySize, hiddenSize, random),
                new DMatrixRMaj(hiddenSize, 1),
                new DMatrixRMaj(vocabularySize, 1));
        // END EXERCISE B
    }

    /** Creates all-zero matrices of the right shapes, for example to sum gradients into. */
    public static RnnParameters zeros(int hiddenSize, int vocabularySize) {
        requireSizes(hiddenSize, vocabularySize);
        return new RnnParameters(
                new DMatrixRMaj(hiddenSize, vocabularySize),
                new DMatrixRMaj(hiddenSize, hiddenSize),
                new DMatrixRMaj(vocabularySize, hiddenSize),
                new DMatrixRMaj(hiddenSize, 1),
                new DMatrixRMaj(vocabularySize, 1));
    }

    private static void requireSizes(int hiddenSize, int vocabularySize) {
        if (hiddenSize < 1 || vocabularySize < 1) {
            throw new IllegalArgumentException("RNN sizes: expected hiddenSize and vocabularySize"
                    + " of at least 1 but were " + hiddenSize + " and " + vocabularySize);
        }
    }

    /** Returns a deep copy. */
    public RnnParameters copy() {
        return new RnnParameters(u.copy(), v.copy(), w.copy(), bHidden.copy(), bOut.copy());
    }

    public int hiddenSize() {
        return u.numRows;
    }

    public int vocabularySize() {
        return u.numCols;
    }

    /** Input to hidden, hiddenSize×vocabularySize. */
    public DMatrixRMaj u() {
        return u;
    }

    /** Hidden to hidden, hiddenSize×hiddenSize. */
    public DMatrixRMaj v() {
        return v;
    }

    /** Hidden to output, vocabularySize×hiddenSize. */
    public DMatrixRMaj w() {
        return w;
    }

    /** Hidden bias, hiddenSize×1. */
    public DMatrixRMaj bHidden() {
        return bHidden;
    }

    /** Output bias, vocabularySize×1. */
    public DMatrixRMaj bOut() {
        return bOut;
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public List<DMatrixRMaj> matrices() {
        return List.of(u, v, w, bHidden, bOut);
    }
}
