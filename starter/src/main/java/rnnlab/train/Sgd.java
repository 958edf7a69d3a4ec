package rnnlab.train;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import rnnlab.model.ParameterSet;

/** Plain stochastic gradient descent (part of exercise E): θ ← θ - η ∇θ. */
public final class Sgd {

    private Sgd() {
    }

    /**
     * Moves every parameter against its gradient.
     *
     * @param parameters modified in place
     * @param gradients not modified; same names and shapes as the parameters
     * @param learningRate η, a positive step size
     * @throws IllegalArgumentException if the shapes differ or η is not positive
     */
    public static void step(ParameterSet parameters, ParameterSet gradients,
            double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate: expected a positive number but was "
                    + learningRate);
        }
        parameters.requireSameShapes(gradients);
        List<DMatrixRMaj> weights = parameters.matrices();
        List<DMatrixRMaj> slopes = gradients.matrices();
        for (int k = 0; k < weights.size(); k++) {
            // TODO Exercise E: θ ← θ - η ∇θ for matrix k, in place in weights.get(k).
            //     CommonOps_DDRM.addEquals(a, beta, b) computes a = a + beta b.
            throw new UnsupportedOperationException(
                    "Exercise E (training loop) is not implemented yet");
        }
    }
}
