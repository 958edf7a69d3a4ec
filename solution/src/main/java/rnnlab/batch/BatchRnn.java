package rnnlab.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.math.Matrices;
import rnnlab.model.LossAndGradients;
import rnnlab.rnn.RnnParameters;

/**
 * The vanilla RNN on a batch of sequences (exercise G): the formulas of {@code RnnForward} and
 * {@code RnnBackward} with one column per sequence, so that each step is a matrix-matrix
 * product.
 *
 * <p>Forward, from H_0 = 0, where H_{t-1} is cut to its first k_t columns, the sequences that
 * are still running:
 * <pre>
 * H_t = tanh(U X_t + V H_{t-1} + b_hidden 1ᵀ)     H×k_t
 * Y_t = softmax(W H_t + b_out 1ᵀ)                 V×k_t, column by column
 * </pre>
 * Backward, from the last step, with the carry widened by zero columns for the sequences that
 * end at step t:
 * <pre>
 * dO_t = Y_t - onehot(targets_t)
 * Δ_t  = Wᵀ dO_t + carry,    carry = Vᵀ dA_{t+1}
 * dA_t = (1 - H_t ∘ H_t) ∘ Δ_t
 * dW = Σ_t dO_t H_tᵀ,  dU = Σ_t dA_t X_tᵀ,  dV = Σ_t dA_t H_{t-1}ᵀ
 * db_out = Σ_t dO_t 1,  db_hidden = Σ_t dA_t 1
 * </pre>
 * Each product over the columns sums the sequences' contributions, so the gradients are the
 * sums of the one-sequence gradients.
 */
public final class BatchRnn implements BatchModel {

    private final RnnParameters parameters;

    /** Wraps existing weights, not copied. */
    public BatchRnn(RnnParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * The values of the forward pass that the backward pass needs. Entry t of each list belongs
     * to step t.
     *
     * @param previousHidden H_{t-1} cut to k_t columns, H×k_t, zero at t = 0
     * @param hidden H_t, H×k_t
     * @param probabilities Y_t, V×k_t
     */
    record Trace(List<DMatrixRMaj> previousHidden, List<DMatrixRMaj> hidden,
            List<DMatrixRMaj> probabilities) {
    }

    @Override
    public String name() {
        return "rnn";
    }

    @Override
    public int vocabularySize() {
        return parameters.vocabularySize();
    }

    @Override
    public RnnParameters parameters() {
        return parameters;
    }

    @Override
    public double[] sequenceLosses(SequenceBatch batch) {
        return BatchLoss.sequenceLosses(batch, forward(batch).probabilities());
    }

    @Override
    public LossAndGradients lossAndGradients(SequenceBatch batch) {
        Trace trace = forward(batch);
        return backward(batch, trace);
    }

    /** Runs the forward pass over every step of the batch, from zero states. */
    Trace forward(SequenceBatch batch) {
        requireVocabulary(batch);
        int steps = batch.steps();
        List<DMatrixRMaj> previousHidden = new ArrayList<>(steps);
        List<DMatrixRMaj> hidden = new ArrayList<>(steps);
        List<DMatrixRMaj> probabilities = new ArrayList<>(steps);
        DMatrixRMaj state = new DMatrixRMaj(parameters.hiddenSize(), batch.activeCount(0));
        for (int t = 0; t < steps; t++) {
            DMatrixRMaj previous = Columns.leading(state, batch.activeCount(t));
            DMatrixRMaj h = hiddenStep(batch.inputs(t), previous, parameters);
            previousHidden.add(previous);
            hidden.add(h);
            probabilities.add(outputStep(h, parameters));
            state = h;
        }
        return new Trace(previousHidden, hidden, probabilities);
    }

    /**
     * Computes H_t = tanh(U X_t + V H_{t-1} + b_hidden 1ᵀ).
     *
     * @param x X_t, V×k, not modified
     * @param previousHidden H_{t-1}, H×k, not modified
     * @return a new H×k matrix
     */
    static DMatrixRMaj hiddenStep(DMatrixRMaj x, DMatrixRMaj previousHidden,
            RnnParameters parameters) {
        // BEGIN EXERCISE G: H_t = tanh(U X_t + V H_{t-1} + b_hidden 1ᵀ), a new H×k matrix.
        //     Columns.repeated(b, k) makes b 1ᵀ; Matrices.addProduct(A, B, C) adds A B to C;
        //     then Matrices.tanhInPlace. Leave x and previousHidden unchanged.
        DMatrixRMaj h = Columns.repeated(parameters.bHidden(), x.numCols);
        Matrices.addProduct(parameters.u(), x, h);
        Matrices.addProduct(parameters.v(), previousHidden, h);
        Matrices.tanhInPlace(h);
        return h;
        // END EXERCISE G
    }

    /** Computes Y_t = softmax(W H_t + b_out 1ᵀ) column by column, a new V×k matrix. */
    static DMatrixRMaj outputStep(DMatrixRMaj h, RnnParameters parameters) {
        DMatrixRMaj y = Columns.repeated(parameters.bOut(), h.numCols);
        Matrices.addProduct(parameters.w(), h, y);
        Matrices.softmaxColumnsInPlace(y);
        return y;
    }

    /**
     * Computes the summed loss of the batch and its exact gradients. Does not average or clip.
     *
     * @param trace the forward pass of this batch with these weights, not modified
     */
    LossAndGradients backward(SequenceBatch batch, Trace trace) {
        int steps = batch.steps();
        DMatrixRMaj[] dOutputs = new DMatrixRMaj[steps];
        DMatrixRMaj[] dPreActivations = new DMatrixRMaj[steps];
        DMatrixRMaj carry = new DMatrixRMaj(parameters.hiddenSize(),
                batch.activeCount(steps - 1));
        for (int t = steps - 1; t >= 0; t--) {
            // Sequences that end at step t get no gradient from later steps.
            carry = Columns.widened(carry, batch.activeCount(t));
            DMatrixRMaj h = trace.hidden().get(t);
            // BEGIN EXERCISE G: dO_t = Y_t - onehot(targets_t) (BatchLoss.outputErrors);
            //     Δ_t = Wᵀ dO_t + carry, on a copy of carry; dA_t = (1 - H_t ∘ H_t) ∘ Δ_t; then
            //     carry = Vᵀ dA_t for step t-1, a new H×k matrix. Store dO_t in dOutputs[t] and
            //     dA_t in dPreActivations[t]. Matrices.addProductTransA(A, B, C) adds Aᵀ B to C.

            // dO_t = Y_t - onehot(targets_t)
            DMatrixRMaj dOutput = BatchLoss.outputErrors(trace.probabilities().get(t),
                    batch.targets(t));

            // Δ_t = Wᵀ dO_t + carry
            DMatrixRMaj dHidden = carry.copy();
            Matrices.addProductTransA(parameters.w(), dOutput, dHidden);

            // dA_t = (1 - H_t ∘ H_t) ∘ Δ_t
            DMatrixRMaj dPreActivation = new DMatrixRMaj(h.numRows, h.numCols);
            for (int k = 0; k < h.getNumElements(); k++) {
                double value = h.data[k];
                dPreActivation.data[k] = (1.0 - value * value) * dHidden.data[k];
            }

            // The carry into step t-1 is Vᵀ dA_t.
            carry = new DMatrixRMaj(h.numRows, h.numCols);
            Matrices.addProductTransA(parameters.v(), dPreActivation, carry);

            dOutputs[t] = dOutput;
            dPreActivations[t] = dPreActivation;
            // END EXERCISE G
        }

        RnnParameters gradients = RnnParameters.zeros(parameters.hiddenSize(),
                parameters.vocabularySize());
        addWeightGradients(batch, trace, Arrays.asList(dOutputs),
                Arrays.asList(dPreActivations), gradients);
        double loss = BatchLoss.total(BatchLoss.sequenceLosses(batch, trace.probabilities()));
        return new LossAndGradients(loss, gradients);
    }

    /**
     * Adds the weight gradients, summed over all steps and sequences, to {@code gradients}.
     *
     * @param dOutputs dO_t of every step, V×k_t each, not modified
     * @param dPreActivations dA_t of every step, H×k_t each, not modified
     * @param gradients all zero on entry, modified
     */
    private static void addWeightGradients(SequenceBatch batch, Trace trace,
            List<DMatrixRMaj> dOutputs, List<DMatrixRMaj> dPreActivations,
            RnnParameters gradients) {
        Matrices.addProductsTransB(dOutputs, trace.hidden(), gradients.w());
        Matrices.addProductsTransB(dPreActivations, batch.inputs(), gradients.u());
        Matrices.addProductsTransB(dPreActivations, trace.previousHidden(), gradients.v());
        Columns.addColumnSums(dOutputs, gradients.bOut());
        Columns.addColumnSums(dPreActivations, gradients.bHidden());
    }

    private void requireVocabulary(SequenceBatch batch) {
        Matrices.requireShape("inputs[0]", batch.inputs(0), parameters.vocabularySize(),
                batch.activeCount(0));
    }
}
