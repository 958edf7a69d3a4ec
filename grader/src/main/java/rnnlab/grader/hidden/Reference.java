package rnnlab.grader.hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import rnnlab.lstm.LstmParameters;
import rnnlab.lstm.LstmStep;
import rnnlab.model.ParameterSet;
import rnnlab.rnn.RnnParameters;
import rnnlab.rnn.RnnTrace;

/**
 * The grader's own implementation of the lab's maths, written on EJML alone.
 *
 * <p>The hidden tests compute expected values here rather than with the submission's helpers
 * (such as {@code rnnlab.math.Matrices}), so that one unfinished or broken exercise does not
 * change what another exercise is compared with. Every method leaves its arguments unchanged
 * unless its documentation states otherwise.
 */
final class Reference {

    /** The step of the five-point central difference; its error is O(ε⁴), about 1e-12 here. */
    static final double EPSILON = 1e-3;

    private Reference() {
    }

    /** Returns a rows×cols matrix of Gaussian entries with the given standard deviation. */
    static DMatrixRMaj gaussian(int rows, int cols, double scale, Random random) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < matrix.getNumElements(); k++) {
            matrix.data[k] = scale * random.nextGaussian();
        }
        return matrix;
    }

    /** Returns a vocabularySize×1 column with 1 at the index, built without the lab's OneHot. */
    static DMatrixRMaj oneHot(int index, int vocabularySize) {
        DMatrixRMaj vector = new DMatrixRMaj(vocabularySize, 1);
        vector.set(index, 0, 1.0);
        return vector;
    }

    /** Encodes indices as one-hot columns. */
    static List<DMatrixRMaj> oneHots(int[] indices, int vocabularySize) {
        List<DMatrixRMaj> vectors = new ArrayList<>(indices.length);
        for (int index : indices) {
            vectors.add(oneHot(index, vocabularySize));
        }
        return vectors;
    }

    /** Returns a deep copy of every matrix. */
    static List<DMatrixRMaj> copies(List<DMatrixRMaj> matrices) {
        List<DMatrixRMaj> result = new ArrayList<>(matrices.size());
        for (DMatrixRMaj matrix : matrices) {
            result.add(matrix.copy());
        }
        return result;
    }

    /** Returns random RNN weights, every entry N(0, scale²), biases included. */
    static RnnParameters randomRnn(int hiddenSize, int vocabularySize, double scale,
            Random random) {
        return new RnnParameters(gaussian(hiddenSize, vocabularySize, scale, random),
                gaussian(hiddenSize, hiddenSize, scale, random),
                gaussian(vocabularySize, hiddenSize, scale, random),
                gaussian(hiddenSize, 1, scale, random),
                gaussian(vocabularySize, 1, scale, random));
    }

    /** Returns random LSTM weights, every entry N(0, scale²), biases included. */
    static LstmParameters randomLstm(int hiddenSize, int vocabularySize, double scale,
            Random random) {
        int zSize = hiddenSize + vocabularySize;
        return new LstmParameters(gaussian(hiddenSize, zSize, scale, random),
                gaussian(hiddenSize, zSize, scale, random),
                gaussian(hiddenSize, zSize, scale, random),
                gaussian(hiddenSize, zSize, scale, random),
                gaussian(vocabularySize, hiddenSize, scale, random),
                gaussian(hiddenSize, 1, scale, random),
                gaussian(hiddenSize, 1, scale, random),
                gaussian(hiddenSize, 1, scale, random),
                gaussian(hiddenSize, 1, scale, random),
                gaussian(vocabularySize, 1, scale, random));
    }

    /** Computes W x + b into a new column. */
    static DMatrixRMaj affine(DMatrixRMaj weights, DMatrixRMaj x, DMatrixRMaj bias) {
        DMatrixRMaj result = bias.copy();
        CommonOps_DDRM.multAdd(weights, x, result);
        return result;
    }

    /** Returns softmax(logits) in a new column, with the maximum subtracted first. */
    static DMatrixRMaj softmax(DMatrixRMaj logits) {
        double max = CommonOps_DDRM.elementMax(logits);
        DMatrixRMaj result = new DMatrixRMaj(logits.numRows, 1);
        double sum = 0;
        for (int k = 0; k < logits.numRows; k++) {
            result.data[k] = Math.exp(logits.data[k] - max);
            sum += result.data[k];
        }
        CommonOps_DDRM.divide(result, sum);
        return result;
    }

    /** Returns the logistic sigmoid of every entry in a new matrix. */
    static DMatrixRMaj sigmoid(DMatrixRMaj values) {
        DMatrixRMaj result = values.copy();
        for (int k = 0; k < result.getNumElements(); k++) {
            double x = result.data[k];
            result.data[k] = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
        }
        return result;
    }

    /** Returns tanh of every entry in a new matrix. */
    static DMatrixRMaj tanh(DMatrixRMaj values) {
        DMatrixRMaj result = values.copy();
        for (int k = 0; k < result.getNumElements(); k++) {
            result.data[k] = Math.tanh(result.data[k]);
        }
        return result;
    }

    /** Returns Σ_t -ln y_t[target_t], the lab's loss of one sequence. */
    static double crossEntropy(List<DMatrixRMaj> probabilities, int[] targets) {
        double loss = 0;
        for (int t = 0; t < targets.length; t++) {
            loss -= Math.log(probabilities.get(t).get(targets[t], 0));
        }
        return loss;
    }

    /** Returns a_t = U x_t + V h_{t-1} + b_hidden, the RNN's pre-activation. */
    static DMatrixRMaj rnnPreActivation(RnnParameters p, DMatrixRMaj x, DMatrixRMaj previous) {
        DMatrixRMaj a = affine(p.u(), x, p.bHidden());
        CommonOps_DDRM.multAdd(p.v(), previous, a);
        return a;
    }

    /**
     * Runs the RNN forward: h_t = tanh(a_t), y_t = softmax(W h_t + b_out).
     *
     * @return a trace in the lab's format: h_1 … h_T and y_1 … y_T, with a copy of h_0
     */
    static RnnTrace rnnForward(RnnParameters p, List<DMatrixRMaj> inputs,
            DMatrixRMaj initialHidden) {
        List<DMatrixRMaj> hidden = new ArrayList<>();
        List<DMatrixRMaj> probabilities = new ArrayList<>();
        DMatrixRMaj previous = initialHidden;
        for (DMatrixRMaj x : inputs) {
            DMatrixRMaj h = rnnHidden(p, x, previous);
            hidden.add(h);
            probabilities.add(rnnOutput(p, h));
            previous = h;
        }
        return new RnnTrace(initialHidden.copy(), hidden, probabilities);
    }

    /** Returns h_t = tanh(U x_t + V h_{t-1} + b_hidden). */
    static DMatrixRMaj rnnHidden(RnnParameters p, DMatrixRMaj x, DMatrixRMaj previousHidden) {
        return tanh(rnnPreActivation(p, x, previousHidden));
    }

    /** Returns y_t = softmax(W h_t + b_out). */
    static DMatrixRMaj rnnOutput(RnnParameters p, DMatrixRMaj hidden) {
        return softmax(affine(p.w(), hidden, p.bOut()));
    }

    /** Returns the largest |a_t| entry over a sequence, to confirm tanh leaves its linear part. */
    static double largestRnnPreActivation(RnnParameters p, List<DMatrixRMaj> inputs,
            DMatrixRMaj initialHidden) {
        double largest = 0;
        DMatrixRMaj previous = initialHidden;
        for (DMatrixRMaj x : inputs) {
            DMatrixRMaj a = rnnPreActivation(p, x, previous);
            largest = Math.max(largest, CommonOps_DDRM.elementMaxAbs(a));
            previous = tanh(a);
        }
        return largest;
    }

    /**
     * Computes the RNN's loss and exact gradients by backpropagation through time.
     *
     * @return dU, dV, dW, db_hidden, db_out in the order of {@code RnnParameters.names()}
     */
    static List<DMatrixRMaj> rnnGradients(RnnParameters p, List<DMatrixRMaj> inputs,
            int[] targets, RnnTrace trace) {
        int hiddenSize = p.hiddenSize();
        DMatrixRMaj du = new DMatrixRMaj(p.u().numRows, p.u().numCols);
        DMatrixRMaj dv = new DMatrixRMaj(hiddenSize, hiddenSize);
        DMatrixRMaj dw = new DMatrixRMaj(p.w().numRows, p.w().numCols);
        DMatrixRMaj dbHidden = new DMatrixRMaj(hiddenSize, 1);
        DMatrixRMaj dbOut = new DMatrixRMaj(p.vocabularySize(), 1);
        DMatrixRMaj carry = new DMatrixRMaj(hiddenSize, 1);
        for (int t = inputs.size() - 1; t >= 0; t--) {
            DMatrixRMaj h = trace.hidden().get(t);
            DMatrixRMaj previous = t == 0 ? trace.initialHidden() : trace.hidden().get(t - 1);

            // do_t = y_t - onehot(target_t)
            DMatrixRMaj dOutput = trace.probabilities().get(t).copy();
            dOutput.data[targets[t]] -= 1;
            CommonOps_DDRM.multAddTransB(dOutput, h, dw);
            CommonOps_DDRM.addEquals(dbOut, dOutput);

            // da_t = (1 - h_t²) ∘ (Wᵀ do_t + carry)
            DMatrixRMaj dHidden = carry.copy();
            CommonOps_DDRM.multAddTransA(p.w(), dOutput, dHidden);
            DMatrixRMaj da = new DMatrixRMaj(hiddenSize, 1);
            for (int k = 0; k < hiddenSize; k++) {
                da.data[k] = (1 - h.data[k] * h.data[k]) * dHidden.data[k];
            }
            CommonOps_DDRM.multAddTransB(da, inputs.get(t), du);
            CommonOps_DDRM.multAddTransB(da, previous, dv);
            CommonOps_DDRM.addEquals(dbHidden, da);

            // The carry into step t-1 is Vᵀ da_t.
            carry = new DMatrixRMaj(hiddenSize, 1);
            CommonOps_DDRM.multAddTransA(p.v(), da, carry);
        }
        return List.of(du, dv, dw, dbHidden, dbOut);
    }

    /** Runs one LSTM step from x_t, h_{t-1} and c_{t-1}, in the lab's LstmStep format. */
    static LstmStep lstmStep(LstmParameters p, DMatrixRMaj x, DMatrixRMaj previousHidden,
            DMatrixRMaj previousCell) {
        // z_t = [h_{t-1}; x_t], hidden state first
        DMatrixRMaj z = new DMatrixRMaj(previousHidden.numRows + x.numRows, 1);
        CommonOps_DDRM.insert(previousHidden, z, 0, 0);
        CommonOps_DDRM.insert(x, z, previousHidden.numRows, 0);

        DMatrixRMaj forget = sigmoid(affine(p.wForget(), z, p.bForget()));
        DMatrixRMaj input = sigmoid(affine(p.wInput(), z, p.bInput()));
        DMatrixRMaj candidate = tanh(affine(p.wCandidate(), z, p.bCandidate()));
        DMatrixRMaj outputGate = sigmoid(affine(p.wOutputGate(), z, p.bOutputGate()));

        // c_t = f_t ∘ c_{t-1} + i_t ∘ g_t
        DMatrixRMaj cell = new DMatrixRMaj(previousCell.numRows, 1);
        for (int k = 0; k < cell.numRows; k++) {
            cell.data[k] = forget.data[k] * previousCell.data[k]
                    + input.data[k] * candidate.data[k];
        }

        // h_t = o_t ∘ tanh(c_t)
        DMatrixRMaj tanhCell = tanh(cell);
        DMatrixRMaj hidden = new DMatrixRMaj(cell.numRows, 1);
        CommonOps_DDRM.elementMult(outputGate, tanhCell, hidden);

        DMatrixRMaj probabilities = softmax(affine(p.wOut(), hidden, p.bOut()));
        return new LstmStep(z, forget, input, candidate, cell, outputGate, tanhCell, hidden,
                probabilities);
    }

    /** Runs the LSTM over a sequence; entry t of the result is computed from input t. */
    static List<LstmStep> lstmForward(LstmParameters p, List<DMatrixRMaj> inputs,
            DMatrixRMaj initialHidden, DMatrixRMaj initialCell) {
        List<LstmStep> steps = new ArrayList<>();
        DMatrixRMaj hidden = initialHidden;
        DMatrixRMaj cell = initialCell;
        for (DMatrixRMaj x : inputs) {
            LstmStep step = lstmStep(p, x, hidden, cell);
            steps.add(step);
            hidden = step.hidden();
            cell = step.cell();
        }
        return steps;
    }

    /**
     * Estimates dLoss/dθ for every entry of one matrix by the five-point central difference.
     *
     * @param matrix modified during the call and restored before it returns
     * @param loss recomputes the loss from the current parameters
     */
    static DMatrixRMaj numericalGradient(DMatrixRMaj matrix, DoubleSupplier loss) {
        DMatrixRMaj estimate = new DMatrixRMaj(matrix.numRows, matrix.numCols);
        for (int k = 0; k < matrix.getNumElements(); k++) {
            double original = matrix.data[k];
            double plus = lossAt(matrix, k, original + EPSILON, loss);
            double minus = lossAt(matrix, k, original - EPSILON, loss);
            double plusTwice = lossAt(matrix, k, original + 2 * EPSILON, loss);
            double minusTwice = lossAt(matrix, k, original - 2 * EPSILON, loss);
            matrix.data[k] = original;
            estimate.data[k] = (8 * (plus - minus) - (plusTwice - minusTwice)) / (12 * EPSILON);
        }
        return estimate;
    }

    private static double lossAt(DMatrixRMaj matrix, int index, double value,
            DoubleSupplier loss) {
        matrix.data[index] = value;
        return loss.getAsDouble();
    }

    /** Returns the L2 norm of all entries of all matrices together. */
    static double globalNorm(List<DMatrixRMaj> matrices) {
        double sum = 0;
        for (DMatrixRMaj matrix : matrices) {
            for (int k = 0; k < matrix.getNumElements(); k++) {
                sum += matrix.data[k] * matrix.data[k];
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * Scales every gradient by maxNorm / norm when the global norm exceeds maxNorm.
     *
     * @param gradients modified in place
     */
    static void clipGlobalNorm(ParameterSet gradients, double maxNorm) {
        double norm = globalNorm(gradients.matrices());
        if (norm > maxNorm) {
            for (DMatrixRMaj gradient : gradients.matrices()) {
                CommonOps_DDRM.scale(maxNorm / norm, gradient);
            }
        }
    }

    /**
     * Moves every parameter against its gradient: θ ← θ - η ∇θ.
     *
     * @param parameters modified in place
     */
    static void sgdStep(ParameterSet parameters, ParameterSet gradients, double learningRate) {
        for (int k = 0; k < parameters.matrices().size(); k++) {
            CommonOps_DDRM.addEquals(parameters.matrices().get(k), -learningRate,
                    gradients.matrices().get(k));
        }
    }

    /**
     * Returns an orthogonal matrix: Q from the QR factorisation of a Gaussian matrix, each column
     * multiplied by the sign of R's matching diagonal entry. A wide shape is the transpose of a
     * tall one.
     */
    static DMatrixRMaj orthogonal(int rows, int cols, Random random) {
        boolean wide = rows < cols;
        int tall = Math.max(rows, cols);
        int narrow = Math.min(rows, cols);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(tall, narrow);
        qr.decompose(gaussian(tall, narrow, 1.0, random));
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        for (int j = 0; j < narrow; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < tall; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        return wide ? CommonOps_DDRM.transpose(q, null) : q;
    }
}
