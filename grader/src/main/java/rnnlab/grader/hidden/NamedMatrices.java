package rnnlab.grader.hidden;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.model.ParameterSet;

/**
 * A parameter set the grader builds itself, so that tests of the training loop do not depend
 * on the submission's RNN or LSTM parameter classes.
 */
final class NamedMatrices implements ParameterSet {

    private final List<String> names;
    private final List<DMatrixRMaj> matrices;

    /** Wraps the matrices, not copied; names and matrices line up by position. */
    NamedMatrices(List<String> names, List<DMatrixRMaj> matrices) {
        this.names = List.copyOf(names);
        this.matrices = List.copyOf(matrices);
    }

    /** Returns all-zero matrices of the same names and shapes. */
    NamedMatrices zerosLike() {
        List<DMatrixRMaj> zeros = new ArrayList<>();
        for (DMatrixRMaj matrix : matrices) {
            zeros.add(new DMatrixRMaj(matrix.numRows, matrix.numCols));
        }
        return new NamedMatrices(names, zeros);
    }

    /** Returns a deep copy. */
    NamedMatrices copy() {
        return new NamedMatrices(names, Reference.copies(matrices));
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public List<DMatrixRMaj> matrices() {
        return matrices;
    }
}
