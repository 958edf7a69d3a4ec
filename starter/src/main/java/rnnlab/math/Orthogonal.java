package rnnlab.math;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Orthogonal initialisation of a weight matrix of any shape.
 *
 * <p>A Gaussian matrix is factored as Q R; Q's columns are orthonormal, and multiplying each
 * column by the sign of R's matching diagonal entry makes the result uniformly distributed over
 * orthogonal matrices rather than biased by the factorisation's sign convention. A wide matrix
 * (rows &lt; cols) is built as the transpose of a tall one, so that its rows are orthonormal.
 */
public final class Orthogonal {

    private Orthogonal() {
    }

    /**
     * Returns a rows×cols matrix with orthonormal columns (rows ≥ cols, so Wᵀ W = I) or
     * orthonormal rows (rows &lt; cols, so W Wᵀ = I).
     *
     * @throws IllegalArgumentException if either dimension is below 1
     */
    public static DMatrixRMaj initialize(int rows, int cols, Random random) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("orthogonal initialisation: expected a shape of at"
                    + " least 1x1 but was " + rows + "x" + cols);
        }
        boolean wide = rows < cols;
        int tall = wide ? cols : rows;
        int narrow = wide ? rows : cols;

        DMatrixRMaj gaussian = new DMatrixRMaj(tall, narrow);
        for (int k = 0; k < gaussian.getNumElements(); k++) {
            gaussian.data[k] = random.nextGaussian();
        }

        // TODO Exercise B: factor the Gaussian matrix G = Q R with DecompositionFactory_DDRM.qr
        //     (getQ(null, true) and getR(null, true) give the compact tall×narrow Q), negate
        //     column j of Q wherever R_jj < 0, and return Q, transposed when the shape is wide.
        throw new UnsupportedOperationException(
                "Exercise B (RNN parameters) is not implemented yet");
    }
}
