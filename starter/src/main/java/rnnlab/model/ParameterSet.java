package rnnlab.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.math.Matrices;

/**
 * A model's weights, or their gradients, as named matrices in a fixed order.
 *
 * <p>Gradients use the same type as the parameters they belong to, so that {@code matrices()}
 * of both line up entry by entry. The matrices are live: changing one changes the model.
 */
public interface ParameterSet {

    /** Returns the names, in the order of {@link #matrices()}. */
    List<String> names();

    /** Returns the matrices themselves, not copies. */
    List<DMatrixRMaj> matrices();

    /** Returns the number of scalar parameters. */
    default int count() {
        int count = 0;
        for (DMatrixRMaj matrix : matrices()) {
            count += matrix.getNumElements();
        }
        return count;
    }

    /** Returns the L2 norm of all entries of all matrices taken together. */
    default double globalNorm() {
        double sum = 0;
        for (DMatrixRMaj matrix : matrices()) {
            sum += Matrices.sumOfSquares(matrix);
        }
        return Math.sqrt(sum);
    }

    /**
     * Checks that another set has the same names and shapes, for example gradients against the
     * parameters they update.
     *
     * @throws IllegalArgumentException naming the first matrix whose shape differs
     */
    default void requireSameShapes(ParameterSet other) {
        if (!names().equals(other.names())) {
            throw new IllegalArgumentException("parameter names: expected " + names()
                    + " but was " + other.names());
        }
        for (int k = 0; k < names().size(); k++) {
            DMatrixRMaj expected = matrices().get(k);
            Matrices.requireShape(names().get(k), other.matrices().get(k), expected.numRows,
                    expected.numCols);
        }
    }
}
