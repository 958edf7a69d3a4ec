package rnnlab.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import rnnlab.lstm.LstmParameters;
import rnnlab.math.Matrices;
import rnnlab.model.LossAndGradients;

/**
 * The LSTM on a batch of sequences, given complete: the formulas of {@code LstmForward} and
 * {@code LstmBackward} with one column per sequence.
 *
 * <p>Forward, from H_0 = C_0 = 0, where H_{t-1} and C_{t-1} are cut to their first k_t
 * columns, the sequences that are still running:
 * <pre>
 * Z_t = [H_{t-1}; X_t]                    (H+V)×k_t
 * F_t = σ(W_f Z_t + b_f 1ᵀ)   I_t = σ(W_i Z_t + b_i 1ᵀ)
 * G_t = tanh(W_g Z_t + b_g 1ᵀ)   O_t = σ(W_o Z_t + b_o 1ᵀ)
 * C_t = F_t ∘ C_{t-1} + I_t ∘ G_t
 * H_t = O_t ∘ tanh(C_t)
 * Y_t = softmax(W_v H_t + b_v 1ᵀ), column by column
 * </pre>
 * Backward, the formulas of {@code LstmBackward} entry by entry, with the products taken over
 * all columns at once. The carries δh and δc into step t are widened by zero columns for the
 * sequences that end at step t, and the weight gradients sum over steps and columns:
 * {@code dW_v = Σ_t dV_t H_tᵀ} and {@code dW_k = Σ_t dA_k,t Z_tᵀ}.
 */
public final class BatchLstm implements BatchModel {

    private final LstmParameters parameters;

    /** Wraps existing weights, not copied. */
    public BatchLstm(LstmParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * The values of one batched step that the backward pass needs: H×k except z
     * ((H+V)×k) and probabilities (V×k).
     */
    record Step(DMatrixRMaj previousCell, DMatrixRMaj z, DMatrixRMaj forget, DMatrixRMaj input,
            DMatrixRMaj candidate, DMatrixRMaj cell, DMatrixRMaj outputGate,
            DMatrixRMaj tanhCell, DMatrixRMaj hidden, DMatrixRMaj probabilities) {
    }

    /** The gradients of one step with respect to the four gate pre-activations and to C_t. */
    private record StepGradients(DMatrixRMaj forget, DMatrixRMaj input, DMatrixRMaj candidate,
            DMatrixRMaj outputGate, DMatrixRMaj cell) {
    }

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public int vocabularySize() {
        return parameters.vocabularySize();
    }

    @Override
    public LstmParameters parameters() {
        return parameters;
    }

    @Override
    public double[] sequenceLosses(SequenceBatch batch) {
        return BatchLoss.sequenceLosses(batch, probabilities(forward(batch)));
    }

    @Override
    public LossAndGradients lossAndGradients(SequenceBatch batch) {
        List<Step> steps = forward(batch);
        return backward(batch, steps);
    }

    /** Runs the forward pass over every step of the batch, from zero states. */
    List<Step> forward(SequenceBatch batch) {
        Matrices.requireShape("inputs[0]", batch.inputs(0), parameters.vocabularySize(),
                batch.activeCount(0));
        List<Step> steps = new ArrayList<>(batch.steps());
        DMatrixRMaj hidden = new DMatrixRMaj(parameters.hiddenSize(), batch.activeCount(0));
        DMatrixRMaj cell = hidden.copy();
        for (int t = 0; t < batch.steps(); t++) {
            int active = batch.activeCount(t);
            Step step = step(batch.inputs(t), Columns.leading(hidden, active),
                    Columns.leading(cell, active), parameters);
            steps.add(step);
            hidden = step.hidden();
            cell = step.cell();
        }
        return steps;
    }

    /** Computes one step for k sequences from X_t (V×k), H_{t-1} and C_{t-1} (H×k each). */
    static Step step(DMatrixRMaj x, DMatrixRMaj previousHidden, DMatrixRMaj previousCell,
            LstmParameters parameters) {
        // Z_t = [H_{t-1}; X_t]
        DMatrixRMaj z = CommonOps_DDRM.concatRowsMulti(previousHidden, x);

        DMatrixRMaj forget = gate(parameters.wForget(), z, parameters.bForget());
        DMatrixRMaj input = gate(parameters.wInput(), z, parameters.bInput());
        DMatrixRMaj candidate = affine(parameters.wCandidate(), z, parameters.bCandidate());
        Matrices.tanhInPlace(candidate);
        DMatrixRMaj outputGate = gate(parameters.wOutputGate(), z, parameters.bOutputGate());

        // C_t = F_t ∘ C_{t-1} + I_t ∘ G_t
        DMatrixRMaj cell = new DMatrixRMaj(previousCell.numRows, previousCell.numCols);
        for (int k = 0; k < cell.getNumElements(); k++) {
            cell.data[k] = forget.data[k] * previousCell.data[k]
                    + input.data[k] * candidate.data[k];
        }

        // H_t = O_t ∘ tanh(C_t)
        DMatrixRMaj tanhCell = cell.copy();
        Matrices.tanhInPlace(tanhCell);
        DMatrixRMaj hidden = new DMatrixRMaj(cell.numRows, cell.numCols);
        CommonOps_DDRM.elementMult(outputGate, tanhCell, hidden);

        // Y_t = softmax(W_v H_t + b_v 1ᵀ)
        DMatrixRMaj probabilities = affine(parameters.wOut(), hidden, parameters.bOut());
        Matrices.softmaxColumnsInPlace(probabilities);
        return new Step(previousCell, z, forget, input, candidate, cell, outputGate, tanhCell,
                hidden, probabilities);
    }

    /** Computes W Z + b 1ᵀ into a new matrix. */
    private static DMatrixRMaj affine(DMatrixRMaj weights, DMatrixRMaj z, DMatrixRMaj bias) {
        DMatrixRMaj result = Columns.repeated(bias, z.numCols);
        Matrices.addProduct(weights, z, result);
        return result;
    }

    /** Computes σ(W Z + b 1ᵀ), one sigmoid gate for every column. */
    private static DMatrixRMaj gate(DMatrixRMaj weights, DMatrixRMaj z, DMatrixRMaj bias) {
        DMatrixRMaj activation = affine(weights, z, bias);
        Matrices.sigmoidInPlace(activation);
        return activation;
    }

    private static List<DMatrixRMaj> probabilities(List<Step> steps) {
        List<DMatrixRMaj> result = new ArrayList<>(steps.size());
        for (Step step : steps) {
            result.add(step.probabilities());
        }
        return result;
    }

    /**
     * Computes the summed loss of the batch and its exact gradients. Does not average or clip.
     *
     * @param steps the forward pass of this batch with these weights, not modified
     */
    LossAndGradients backward(SequenceBatch batch, List<Step> steps) {
        int count = steps.size();
        int hiddenSize = parameters.hiddenSize();
        StepGradients[] local = new StepGradients[count];
        DMatrixRMaj[] dLogits = new DMatrixRMaj[count];
        DMatrixRMaj hiddenCarry = new DMatrixRMaj(hiddenSize, batch.activeCount(count - 1));
        DMatrixRMaj cellCarry = hiddenCarry.copy();
        for (int t = count - 1; t >= 0; t--) {
            // Sequences that end at step t get no gradient from later steps.
            int active = batch.activeCount(t);
            hiddenCarry = Columns.widened(hiddenCarry, active);
            cellCarry = Columns.widened(cellCarry, active);
            Step step = steps.get(t);

            // dV_t = Y_t - onehot(targets_t)
            dLogits[t] = BatchLoss.outputErrors(step.probabilities(), batch.targets(t));

            // dH = W_vᵀ dV_t + δh
            DMatrixRMaj dHidden = hiddenCarry.copy();
            Matrices.addProductTransA(parameters.wOut(), dLogits[t], dHidden);

            local[t] = stepGradients(step, dHidden, cellCarry);

            // dZ = Σ_k W_kᵀ dA_k; δh = dZ[0 : H]; δc = dC ∘ F_t
            DMatrixRMaj dz = new DMatrixRMaj(step.z().numRows, active);
            Matrices.addProductTransA(parameters.wForget(), local[t].forget(), dz);
            Matrices.addProductTransA(parameters.wInput(), local[t].input(), dz);
            Matrices.addProductTransA(parameters.wCandidate(), local[t].candidate(), dz);
            Matrices.addProductTransA(parameters.wOutputGate(), local[t].outputGate(), dz);
            hiddenCarry = CommonOps_DDRM.extract(dz, 0, hiddenSize, 0, active);
            cellCarry = new DMatrixRMaj(hiddenSize, active);
            CommonOps_DDRM.elementMult(local[t].cell(), step.forget(), cellCarry);
        }

        LstmParameters gradients = LstmParameters.zeros(hiddenSize,
                parameters.vocabularySize());
        addWeightGradients(steps, Arrays.asList(dLogits), local, gradients);
        double loss = BatchLoss.total(BatchLoss.sequenceLosses(batch, probabilities(steps)));
        return new LossAndGradients(loss, gradients);
    }

    /** Applies the chain rule through the gates of one step, given dH and the carried δc. */
    private static StepGradients stepGradients(Step step, DMatrixRMaj dHidden,
            DMatrixRMaj cellCarry) {
        int rows = dHidden.numRows;
        int columns = dHidden.numCols;
        DMatrixRMaj dForget = new DMatrixRMaj(rows, columns);
        DMatrixRMaj dInput = new DMatrixRMaj(rows, columns);
        DMatrixRMaj dCandidate = new DMatrixRMaj(rows, columns);
        DMatrixRMaj dOutputGate = new DMatrixRMaj(rows, columns);
        DMatrixRMaj dCell = new DMatrixRMaj(rows, columns);
        for (int k = 0; k < dHidden.getNumElements(); k++) {
            double f = step.forget().data[k];
            double i = step.input().data[k];
            double g = step.candidate().data[k];
            double o = step.outputGate().data[k];
            double tanhCell = step.tanhCell().data[k];
            double dh = dHidden.data[k];

            // dA_o = dH ∘ tanh(C_t) ∘ O(1 - O)
            dOutputGate.data[k] = dh * tanhCell * o * (1 - o);
            // dC = δc + dH ∘ O ∘ (1 - tanh²(C_t))
            double dc = cellCarry.data[k] + dh * o * (1 - tanhCell * tanhCell);
            dCell.data[k] = dc;
            // dA_f = dC ∘ C_{t-1} ∘ F(1 - F); dA_i = dC ∘ G ∘ I(1 - I); dA_g = dC ∘ I ∘ (1 - G²)
            dForget.data[k] = dc * step.previousCell().data[k] * f * (1 - f);
            dInput.data[k] = dc * g * i * (1 - i);
            dCandidate.data[k] = dc * i * (1 - g * g);
        }
        return new StepGradients(dForget, dInput, dCandidate, dOutputGate, dCell);
    }

    /** Adds dW_v, db_v and every gate's dW_k and db_k, summed over steps and columns. */
    private static void addWeightGradients(List<Step> steps, List<DMatrixRMaj> dLogits,
            StepGradients[] local, LstmParameters gradients) {
        List<DMatrixRMaj> hidden = new ArrayList<>(steps.size());
        List<DMatrixRMaj> z = new ArrayList<>(steps.size());
        for (Step step : steps) {
            hidden.add(step.hidden());
            z.add(step.z());
        }
        accumulate(dLogits, hidden, gradients.wOut(), gradients.bOut());
        accumulate(gateErrors(local, StepGradients::forget), z, gradients.wForget(),
                gradients.bForget());
        accumulate(gateErrors(local, StepGradients::input), z, gradients.wInput(),
                gradients.bInput());
        accumulate(gateErrors(local, StepGradients::candidate), z, gradients.wCandidate(),
                gradients.bCandidate());
        accumulate(gateErrors(local, StepGradients::outputGate), z, gradients.wOutputGate(),
                gradients.bOutputGate());
    }

    private static List<DMatrixRMaj> gateErrors(StepGradients[] local,
            Function<StepGradients, DMatrixRMaj> gate) {
        List<DMatrixRMaj> errors = new ArrayList<>(local.length);
        for (StepGradients step : local) {
            errors.add(gate.apply(step));
        }
        return errors;
    }

    /** Adds one layer's contribution: dW += Σ_t dA_t Z_tᵀ and db += Σ_t dA_t 1. */
    private static void accumulate(List<DMatrixRMaj> dPreActivations, List<DMatrixRMaj> inputs,
            DMatrixRMaj dWeights, DMatrixRMaj dBias) {
        Matrices.addProductsTransB(dPreActivations, inputs, dWeights);
        Columns.addColumnSums(dPreActivations, dBias);
    }
}
