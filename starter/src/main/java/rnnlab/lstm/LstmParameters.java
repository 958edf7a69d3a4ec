package rnnlab.lstm;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import rnnlab.math.Matrices;
import rnnlab.math.Orthogonal;
import rnnlab.model.ParameterSet;

/**
 * The weights of the LSTM (exercise H), or their gradients.
 *
 * <p>Every gate reads the concatenation z = [h_{t-1}; x_t], hidden state first, so its weights
 * are hiddenSize×(hiddenSize + vocabularySize): columns 0..hiddenSize-1 act on h_{t-1} and the
 * rest on x_t.
 *
 * <pre>
 * W_f, W_i, W_g, W_o   hiddenSize×(hiddenSize+vocabularySize)   forget, input, candidate, output
 * b_f, b_i, b_g, b_o   hiddenSize×1
 * W_v                  vocabularySize×hiddenSize                 hidden to output
 * b_v                  vocabularySize×1
 * </pre>
 */
public final class LstmParameters implements ParameterSet {

    private static final List<String> NAMES = List.of(
            "W_f", "W_i", "W_g", "W_o", "W_v", "b_f", "b_i", "b_g", "b_o", "b_v");

    private final DMatrixRMaj wForget;
    private final DMatrixRMaj wInput;
    private final DMatrixRMaj wCandidate;
    private final DMatrixRMaj wOutputGate;
    private final DMatrixRMaj wOut;
    private final DMatrixRMaj bForget;
    private final DMatrixRMaj bInput;
    private final DMatrixRMaj bCandidate;
    private final DMatrixRMaj bOutputGate;
    private final DMatrixRMaj bOut;

    /**
     * Wraps ten matrices, not copied, in the order of {@link #names()}, after checking that
     * their shapes agree with W_v's.
     *
     * @throws IllegalArgumentException naming the first matrix with the wrong shape
     */
    public LstmParameters(DMatrixRMaj wForget, DMatrixRMaj wInput, DMatrixRMaj wCandidate,
            DMatrixRMaj wOutputGate, DMatrixRMaj wOut, DMatrixRMaj bForget, DMatrixRMaj bInput,
            DMatrixRMaj bCandidate, DMatrixRMaj bOutputGate, DMatrixRMaj bOut) {
        if (wOut == null) {
            throw new IllegalArgumentException("W_v: expected a vocabularySize x hiddenSize"
                    + " matrix but was null");
        }
        int hidden = wOut.numCols;
        int vocabulary = wOut.numRows;
        Matrices.requireShape("W_f", wForget, hidden, hidden + vocabulary);
        Matrices.requireShape("W_i", wInput, hidden, hidden + vocabulary);
        Matrices.requireShape("W_g", wCandidate, hidden, hidden + vocabulary);
        Matrices.requireShape("W_o", wOutputGate, hidden, hidden + vocabulary);
        Matrices.requireShape("b_f", bForget, hidden, 1);
        Matrices.requireShape("b_i", bInput, hidden, 1);
        Matrices.requireShape("b_g", bCandidate, hidden, 1);
        Matrices.requireShape("b_o", bOutputGate, hidden, 1);
        Matrices.requireShape("b_v", bOut, vocabulary, 1);
        this.wForget = wForget;
        this.wInput = wInput;
        this.wCandidate = wCandidate;
        this.wOutputGate = wOutputGate;
        this.wOut = wOut;
        this.bForget = bForget;
        this.bInput = bInput;
        this.bCandidate = bCandidate;
        this.bOutputGate = bOutputGate;
        this.bOut = bOut;
    }

    /**
     * Creates initial weights (exercise H): every weight matrix orthogonal, every bias zero.
     *
     * @throws IllegalArgumentException if a size is below 1
     */
    public static LstmParameters initialize(int hiddenSize, int vocabularySize, Random random) {
        requireSizes(hiddenSize, vocabularySize);
        // TODO Exercise H: each gate acts on z = [h; x], so W_f, W_i, W_g and W_o are H×(H+V),
        //     and W_v is V×H. Draw the five with Orthogonal.initialize from the same random in
        //     the constructor's order; every bias is a zero column.
        throw new UnsupportedOperationException(
                "Exercise H (LSTM parameters) is not implemented yet");
    }

    /** Creates all-zero matrices of the right shapes, for example to sum gradients into. */
    public static LstmParameters zeros(int hiddenSize, int vocabularySize) {
        requireSizes(hiddenSize, vocabularySize);
        int zSize = hiddenSize + vocabularySize;
        return new LstmParameters(
                new DMatrixRMaj(hiddenSize, zSize),
                new DMatrixRMaj(hiddenSize, zSize),
                new DMatrixRMaj(hiddenSize, zSize),
                new DMatrixRMaj(hiddenSize, zSize),
                new DMatrixRMaj(vocabularySize, hiddenSize),
                new DMatrixRMaj(hiddenSize, 1),
                new DMatrixRMaj(hiddenSize, 1),
                new DMatrixRMaj(hiddenSize, 1),
                new DMatrixRMaj(hiddenSize, 1),
                new DMatrixRMaj(vocabularySize, 1));
    }

    private static void requireSizes(int hiddenSize, int vocabularySize) {
        if (hiddenSize < 1 || vocabularySize < 1) {
            throw new IllegalArgumentException("LSTM sizes: expected hiddenSize and"
                    + " vocabularySize of at least 1 but were " + hiddenSize + " and "
                    + vocabularySize);
        }
    }

    /** Returns a deep copy. */
    public LstmParameters copy() {
        return new LstmParameters(wForget.copy(), wInput.copy(), wCandidate.copy(),
                wOutputGate.copy(), wOut.copy(), bForget.copy(), bInput.copy(),
                bCandidate.copy(), bOutputGate.copy(), bOut.copy());
    }

    public int hiddenSize() {
        return wOut.numCols;
    }

    public int vocabularySize() {
        return wOut.numRows;
    }

    /** Forget gate weights W_f, hiddenSize×(hiddenSize+vocabularySize). */
    public DMatrixRMaj wForget() {
        return wForget;
    }

    /** Input gate weights W_i, hiddenSize×(hiddenSize+vocabularySize). */
    public DMatrixRMaj wInput() {
        return wInput;
    }

    /** Candidate weights W_g, hiddenSize×(hiddenSize+vocabularySize). */
    public DMatrixRMaj wCandidate() {
        return wCandidate;
    }

    /** Output gate weights W_o, hiddenSize×(hiddenSize+vocabularySize). */
    public DMatrixRMaj wOutputGate() {
        return wOutputGate;
    }

    /** Hidden to output weights W_v, vocabularySize×hiddenSize. */
    public DMatrixRMaj wOut() {
        return wOut;
    }

    /** Forget gate bias b_f, hiddenSize×1. */
    public DMatrixRMaj bForget() {
        return bForget;
    }

    /** Input gate bias b_i, hiddenSize×1. */
    public DMatrixRMaj bInput() {
        return bInput;
    }

    /** Candidate bias b_g, hiddenSize×1. */
    public DMatrixRMaj bCandidate() {
        return bCandidate;
    }

    /** Output gate bias b_o, hiddenSize×1. */
    public DMatrixRMaj bOutputGate() {
        return bOutputGate;
    }

    /** Output bias b_v, vocabularySize×1. */
    public DMatrixRMaj bOut() {
        return bOut;
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public List<DMatrixRMaj> matrices() {
        return List.of(wForget, wInput, wCandidate, wOutputGate, wOut,
                bForget, bInput, bCandidate, bOutputGate, bOut);
    }
}
