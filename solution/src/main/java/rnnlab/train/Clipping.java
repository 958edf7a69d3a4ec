package rnnlab.train;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import rnnlab.model.ParameterSet;

/**
 * Gradient clipping by one global norm (part of exercise E).
 *
 * <p>The norm is taken over all gradients together, and every gradient is scaled by the same
 * factor, so the direction of the update never changes. Clipping each matrix on its own would
 * change it.
 */
public final class Clipping {

    /** The lab's default maximum norm. */
    public static final double DEFAULT_MAX_NORM = 0.25;

    private Clipping() {
    }

    /**
     * Scales every gradient by {@code maxNorm / norm} when the global L2 norm exceeds
     * {@code maxNorm}; leaves them unchanged otherwise.
     *
     * @param gradients modified in place; pass gradients, never the model's own parameters
     * @return the global norm before clipping
     * @throws IllegalArgumentException if maxNorm is not positive
     */
    public static double clipGlobalNorm(ParameterSet gradients, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm: expected a positive number but was "
                    + maxNorm);
        }
        // BEGIN EXERCISE E: take one L2 norm over all gradients together (gradients.globalNorm()).
        //     If it exceeds maxNorm, scale every matrix of gradients.matrices() by maxNorm / norm
        //     with CommonOps_DDRM.scale. Return the norm from before clipping.
        double norm = gradients.globalNorm();
        if (norm > maxNorm) {
            double scale = maxNorm / norm;
            for (DMatrixRMaj gradient : gradients.matrices()) {
                CommonOps_DDRM.scale(scale, gradient);
            }
        }
        return norm;
        // END EXERCISE E
    }
}
