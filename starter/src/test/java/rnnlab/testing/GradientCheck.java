package rnnlab.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import rnnlab.model.ParameterSet;

/** Central-difference gradients, to check a backward pass against its own loss function. */
public final class GradientCheck {

    /**
     * The step of the five-point stencil. Its truncation error, about ε⁴ times the fifth
     * derivative, and its rounding error, about 1e-16 × loss / ε, are both near 1e-12 here, so
     * even gradients as small as 1e-5 are checked to a relative error of 1e-7.
     */
    public static final double EPSILON = 1e-3;

    private GradientCheck() {
    }

    /**
     * Estimates dLoss/dθ for every entry of every parameter by central differences, restoring
     * each entry afterwards.
     *
     * @param parameters modified during the call and restored before it returns
     * @param loss recomputes the loss from the current parameters
     * @return one matrix per parameter, in the order of {@code parameters.matrices()}
     */
    public static List<DMatrixRMaj> numericalGradients(ParameterSet parameters,
            DoubleSupplier loss) {
        List<DMatrixRMaj> estimates = new ArrayList<>();
        for (DMatrixRMaj matrix : parameters.matrices()) {
            DMatrixRMaj estimate = new DMatrixRMaj(matrix.numRows, matrix.numCols);
            for (int k = 0; k < matrix.getNumElements(); k++) {
                double original = matrix.data[k];
                double plus = lossAt(matrix, k, original + EPSILON, loss);
                double minus = lossAt(matrix, k, original - EPSILON, loss);
                double plusTwice = lossAt(matrix, k, original + 2 * EPSILON, loss);
                double minusTwice = lossAt(matrix, k, original - 2 * EPSILON, loss);
                matrix.data[k] = original;
                // The five-point central difference: its error is O(ε⁴) rather than O(ε²).
                estimate.data[k] = (8 * (plus - minus) - (plusTwice - minusTwice))
                        / (12 * EPSILON);
            }
            estimates.add(estimate);
        }
        return estimates;
    }

    private static double lossAt(DMatrixRMaj matrix, int index, double value,
            DoubleSupplier loss) {
        matrix.data[index] = value;
        return loss.getAsDouble();
    }

    /**
     * Returns ||a - n|| / (||a|| + ||n||), or 0 when both are zero.
     */
    public static double relativeError(DMatrixRMaj analytic, DMatrixRMaj numeric) {
        double difference = 0;
        double normA = 0;
        double normN = 0;
        for (int k = 0; k < analytic.getNumElements(); k++) {
            double a = analytic.data[k];
            double n = numeric.data[k];
            difference += (a - n) * (a - n);
            normA += a * a;
            normN += n * n;
        }
        double denominator = Math.sqrt(normA) + Math.sqrt(normN);
        return denominator == 0 ? 0 : Math.sqrt(difference) / denominator;
    }
}
