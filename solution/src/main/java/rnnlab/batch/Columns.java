package rnnlab.batch;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Column bookkeeping of the batched passes, where column j of every step matrix belongs to the
 * same sequence and the active sequences are always the first columns.
 */
final class Columns {

    private Columns() {
    }

    /**
     * Returns the first {@code count} columns: the part of a step's state that the next step
     * continues, because the sequences in the other columns have ended.
     *
     * @param matrix rows×n with n ≥ count, not modified
     * @return the matrix itself when count is n, otherwise a rows×count copy
     */
    static DMatrixRMaj leading(DMatrixRMaj matrix, int count) {
        if (count == matrix.numCols) {
            return matrix;
        }
        return CommonOps_DDRM.extract(matrix, 0, matrix.numRows, 0, count);
    }

    /**
     * Returns a matrix widened to {@code count} columns with zeros on the right: the gradient
     * carried back into a step, where the sequences that end at that step receive none.
     *
     * @param matrix rows×n with n ≤ count, not modified
     * @return the matrix itself when count is n, otherwise a new rows×count matrix
     */
    static DMatrixRMaj widened(DMatrixRMaj matrix, int count) {
        if (count == matrix.numCols) {
            return matrix;
        }
        DMatrixRMaj result = new DMatrixRMaj(matrix.numRows, count);
        CommonOps_DDRM.insert(matrix, result, 0, 0);
        return result;
    }

    /**
     * Returns {@code b 1ᵀ}: a bias column repeated {@code count} times, to start a batched
     * affine map {@code W X + b 1ᵀ} from.
     *
     * @param bias rows×1, not modified
     * @return a new rows×count matrix
     */
    static DMatrixRMaj repeated(DMatrixRMaj bias, int count) {
        DMatrixRMaj result = new DMatrixRMaj(bias.numRows, count);
        for (int row = 0; row < bias.numRows; row++) {
            double value = bias.data[row];
            for (int j = 0; j < count; j++) {
                result.data[row * count + j] = value;
            }
        }
        return result;
    }

    /**
     * Adds the sum of every column of every matrix to a bias gradient, in step order:
     * {@code db = db + Σ_t dA_t 1}.
     *
     * @param errors rows×k_t matrices, not modified
     * @param bias rows×1, modified
     */
    static void addColumnSums(Iterable<DMatrixRMaj> errors, DMatrixRMaj bias) {
        for (DMatrixRMaj error : errors) {
            CommonOps_DDRM.addEquals(bias, CommonOps_DDRM.sumRows(error, null));
        }
    }
}
