package rnnlab.lstm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import rnnlab.math.Matrices;
import rnnlab.model.Inputs;
import rnnlab.model.LossAndGradients;
import rnnlab.model.Losses;

/**
 * Backpropagation through time for the LSTM, given to students complete.
 *
 * <p>Every derivative is written with the activated values the forward pass kept: σ'(a) = s(1-s)
 * where s = σ(a), and tanh'(a) = 1 - t² where t = tanh(a). Applying those formulas to s or t
 * once more, as in σ'(s), is a classic mistake. Going backwards, with δh and δc the gradients
 * carried in from step t+1 (zero after the last step):
 * <pre>
 * dv_t  = y_t - onehot(target_t)
 * dh    = W_vᵀ dv_t + δh
 * do    = dh ∘ tanh(c_t),            da_o = do ∘ o_t(1 - o_t)
 * dc    = δc + dh ∘ o_t ∘ (1 - tanh²(c_t))
 * da_f  = dc ∘ c_{t-1} ∘ f_t(1 - f_t)
 * da_i  = dc ∘ g_t ∘ i_t(1 - i_t)
 * da_g  = dc ∘ i_t ∘ (1 - g_t²)
 * dz    = W_fᵀ da_f + W_iᵀ da_i + W_gᵀ da_g + W_oᵀ da_o
 * δh    = dz[0 : hiddenSize]           (the rows of z that hold h_{t-1})
 * δc    = dc ∘ f_t
 * </pre>
 * and then the weight gradients, summed over all steps:
 * <pre>
 * dW_v = Σ_t dv_t h_tᵀ,     db_v = Σ_t dv_t
 * dW_k = Σ_t da_k,t z_tᵀ,   db_k = Σ_t da_k,t    for k in f, i, g, o
 * </pre>
 */
public final class LstmBackward {

    private LstmBackward() {
    }

    /**
     * Computes the loss of a sequence and its exact gradients. Does not clip; call
     * {@code Clipping.clipGlobalNorm} after.
     *
     * @param inputs x_1 … x_T, not modified
     * @param targets the index of the next token at each step
     * @param trace the forward pass of these inputs, not modified
     * @param parameters the weights the trace was computed with, not modified
     * @return the loss Σ_t -ln y_t[target_t] and new gradient matrices
     */
    public static LossAndGradients backward(List<DMatrixRMaj> inputs, int[] targets,
            LstmTrace trace, LstmParameters parameters) {
        Inputs.require(inputs, parameters.vocabularySize());
        Losses.requireTargets(targets, inputs.size(), parameters.vocabularySize());
        int hiddenSize = parameters.hiddenSize();
        LstmParameters gradients = LstmParameters.zeros(hiddenSize, parameters.vocabularySize());

        int steps = inputs.size();
        StepGradients[] local = new StepGradients[steps];
        DMatrixRMaj[] dLogits = new DMatrixRMaj[steps];
        DMatrixRMaj hiddenCarry = new DMatrixRMaj(hiddenSize, 1);
        DMatrixRMaj cellCarry = new DMatrixRMaj(hiddenSize, 1);
        for (int t = steps - 1; t >= 0; t--) {
            LstmStep step = trace.steps().get(t);

            // dv_t = y_t - onehot(target_t)
            dLogits[t] = step.probabilities().copy();
            dLogits[t].data[targets[t]] -= 1.0;

            // dh = W_vᵀ dv_t + δh
            DMatrixRMaj dHidden = hiddenCarry.copy();
            Matrices.multiplyAddTransposed(parameters.wOut(), dLogits[t], dHidden);

            local[t] = stepGradients(step, trace.previousCell(t), dHidden, cellCarry);

            // dz = Σ_k W_kᵀ da_k; δh = dz[0 : hiddenSize]; δc = dc ∘ f_t
            DMatrixRMaj dz = new DMatrixRMaj(step.z().numRows, 1);
            Matrices.multiplyAddTransposed(parameters.wForget(), local[t].forget(), dz);
            Matrices.multiplyAddTransposed(parameters.wInput(), local[t].input(), dz);
            Matrices.multiplyAddTransposed(parameters.wCandidate(), local[t].candidate(), dz);
            Matrices.multiplyAddTransposed(parameters.wOutputGate(), local[t].outputGate(), dz);
            System.arraycopy(dz.data, 0, hiddenCarry.data, 0, hiddenSize);
            CommonOps_DDRM.elementMult(local[t].cell(), step.forget(), cellCarry);
        }

        // dW_v = Σ_t dv_t h_tᵀ and dW_k = Σ_t da_k z_tᵀ, with the biases summed alike.
        List<DMatrixRMaj> hidden = new ArrayList<>(steps);
        List<DMatrixRMaj> z = new ArrayList<>(steps);
        for (LstmStep step : trace.steps()) {
            hidden.add(step.hidden());
            z.add(step.z());
        }
        accumulate(Arrays.asList(dLogits), hidden, gradients.wOut(), gradients.bOut());
        accumulate(gateErrors(local, StepGradients::forget), z, gradients.wForget(),
                gradients.bForget());
        accumulate(gateErrors(local, StepGradients::input), z, gradients.wInput(),
                gradients.bInput());
        accumulate(gateErrors(local, StepGradients::candidate), z, gradients.wCandidate(),
                gradients.bCandidate());
        accumulate(gateErrors(local, StepGradients::outputGate), z, gradients.wOutputGate(),
                gradients.bOutputGate());
        double loss = Losses.crossEntropy(trace.probabilities(), targets);
        return new LossAndGradients(loss, gradients);
    }

    /**
     * The gradients of one step with respect to the four gate pre-activations, and the total
     * gradient of the cell state c_t.
     */
    private record StepGradients(DMatrixRMaj forget, DMatrixRMaj input, DMatrixRMaj candidate,
            DMatrixRMaj outputGate, DMatrixRMaj cell) {
    }

    /** Applies the chain rule through the gates of one step, given dh and the carried δc. */
    private static StepGradients stepGradients(LstmStep step, DMatrixRMaj previousCell,
            DMatrixRMaj dHidden, DMatrixRMaj cellCarry) {
        int hiddenSize = dHidden.numRows;
        DMatrixRMaj dForget = new DMatrixRMaj(hiddenSize, 1);
        DMatrixRMaj dInput = new DMatrixRMaj(hiddenSize, 1);
        DMatrixRMaj dCandidate = new DMatrixRMaj(hiddenSize, 1);
        DMatrixRMaj dOutputGate = new DMatrixRMaj(hiddenSize, 1);
        DMatrixRMaj dCell = new DMatrixRMaj(hiddenSize, 1);
        for (int k = 0; k < hiddenSize; k++) {
            double f = step.forget().data[k];
            double i = step.input().data[k];
            double g = step.candidate().data[k];
            double o = step.outputGate().data[k];
            double tanhCell = step.tanhCell().data[k];
            double dh = dHidden.data[k];

            // da_o = dh ∘ tanh(c_t) ∘ o(1 - o)
            dOutputGate.data[k] = dh * tanhCell * o * (1 - o);
            // dc = δc + dh ∘ o ∘ (1 - tanh²(c_t))
            double dc = cellCarry.data[k] + dh * o * (1 - tanhCell * tanhCell);
            dCell.data[k] = dc;
            // da_f = dc ∘ c_{t-1} ∘ f(1 - f); da_i = dc ∘ g ∘ i(1 - i); da_g = dc ∘ i ∘ (1 - g²)
            dForget.data[k] = dc * previousCell.data[k] * f * (1 - f);
            dInput.data[k] = dc * g * i * (1 - i);
            dCandidate.data[k] = dc * i * (1 - g * g);
        }
        return new StepGradients(dForget, dInput, dCandidate, dOutputGate, dCell);
    }

    /** Picks one gate's pre-activation gradient from every step. */
    private static List<DMatrixRMaj> gateErrors(StepGradients[] local,
            Function<StepGradients, DMatrixRMaj> gate) {
        List<DMatrixRMaj> errors = new ArrayList<>(local.length);
        for (StepGradients step : local) {
            errors.add(gate.apply(step));
        }
        return errors;
    }

    /** Adds one layer's contribution over all steps: dW += Σ_t da_t z_tᵀ and db += Σ_t da_t. */
    private static void accumulate(List<DMatrixRMaj> dPreActivations, List<DMatrixRMaj> inputs,
            DMatrixRMaj dWeights, DMatrixRMaj dBias) {
        Matrices.addOuterProducts(dPreActivations, inputs, dWeights);
        for (DMatrixRMaj error : dPreActivations) {
            CommonOps_DDRM.addEquals(dBias, error);
        }
    }
}
