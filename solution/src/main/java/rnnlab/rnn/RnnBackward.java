package rnnlab.rnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import rnnlab.math.Matrices;
import rnnlab.model.Inputs;
import rnnlab.model.LossAndGradients;
import rnnlab.model.Losses;

/**
 * Backpropagation through time for the RNN (exercise D).
 *
 * <p>Going backwards from the last step, with δ_t the gradient flowing into h_t:
 * <pre>
 * do_t = y_t - onehot(target_t)                 (softmax and cross-entropy together)
 * δ_t  = Wᵀ do_t + Vᵀ da_{t+1}                  (the second term is the carry through time)
 * da_t = (1 - h_t ∘ h_t) ∘ δ_t                  (tanh' written with the activated value h_t)
 * </pre>
 * and then the weight gradients, summed over all steps:
 * <pre>
 * dW = Σ_t do_t h_tᵀ        db_out    = Σ_t do_t
 * dU = Σ_t da_t x_tᵀ        db_hidden = Σ_t da_t
 * dV = Σ_t da_t h_{t-1}ᵀ    (h_0 at the first step)
 * </pre>
 */
public final class RnnBackward {

    private RnnBackward() {
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
            RnnTrace trace, RnnParameters parameters) {
        Inputs.require(inputs, parameters.vocabularySize());
        Losses.requireTargets(targets, inputs.size(), parameters.vocabularySize());
        int steps = inputs.size();
        int hiddenSize = parameters.hiddenSize();

        DMatrixRMaj[] dOutputs = new DMatrixRMaj[steps];
        DMatrixRMaj[] dPreActivations = new DMatrixRMaj[steps];
        DMatrixRMaj carry = new DMatrixRMaj(hiddenSize, 1);
        for (int t = steps - 1; t >= 0; t--) {
            DMatrixRMaj h = trace.hidden().get(t);
            // BEGIN EXERCISE D: do_t = y_t - onehot(target_t), on a copy of y_t;
            //     δ_t = Wᵀ do_t + carry; da_t = (1 - h_t ∘ h_t) ∘ δ_t; then carry = Vᵀ da_t for
            //     step t-1. Store do_t in dOutputs[t] and da_t in dPreActivations[t].
            //     Matrices.multiplyAddTransposed(A, x, y) adds Aᵀ x to y.

            // do_t = y_t - onehot(target_t)
            DMatrixRMaj dOutput = trace.probabilities().get(t).copy();
            dOutput.data[targets[t]] -= 1.0;

            // δ_t = Wᵀ do_t + carry
            DMatrixRMaj dHidden = carry.copy();
            Matrices.multiplyAddTransposed(parameters.w(), dOutput, dHidden);

            // da_t = (1 - h_t²) ∘ δ_t
            DMatrixRMaj dPreActivation = new DMatrixRMaj(hiddenSize, 1);
            for (int k = 0; k < hiddenSize; k++) {
                double value = h.data[k];
                dPreActivation.data[k] = (1.0 - value * value) * dHidden.data[k];
            }

            // The carry into step t-1 is Vᵀ da_t.
            carry.zero();
            Matrices.multiplyAddTransposed(parameters.v(), dPreActivation, carry);

            dOutputs[t] = dOutput;
            dPreActivations[t] = dPreActivation;
            // END EXERCISE D
        }

        RnnParameters gradients = RnnParameters.zeros(hiddenSize, parameters.vocabularySize());
        addWeightGradients(inputs, trace, dOutputs, dPreActivations, gradients);

        double loss = Losses.crossEntropy(trace.probabilities(), targets);
        return new LossAndGradients(loss, gradients);
    }

    /**
     * Adds the weight gradients, summed over all steps, to {@code gradients}.
     *
     * @param dOutputs do_t of every step, V×1 each, not modified
     * @param dPreActivations da_t of every step, H×1 each, not modified
     * @param gradients all zero on entry, modified
     */
    private static void addWeightGradients(List<DMatrixRMaj> inputs, RnnTrace trace,
            DMatrixRMaj[] dOutputs, DMatrixRMaj[] dPreActivations, RnnParameters gradients) {
        // BEGIN EXERCISE D: dW = Σ_t do_t h_tᵀ, dU = Σ_t da_t x_tᵀ and dV = Σ_t da_t h_{t-1}ᵀ with
        //     Matrices.addOuterProducts (previousHiddenStates(trace) lists h_0 … h_{T-1});
        //     db_out = Σ_t do_t and db_hidden = Σ_t da_t with CommonOps_DDRM.addEquals.
        List<DMatrixRMaj> outputErrors = Arrays.asList(dOutputs);
        List<DMatrixRMaj> hiddenErrors = Arrays.asList(dPreActivations);
        Matrices.addOuterProducts(outputErrors, trace.hidden(), gradients.w());
        Matrices.addOuterProducts(hiddenErrors, inputs, gradients.u());
        Matrices.addOuterProducts(hiddenErrors, previousHiddenStates(trace), gradients.v());
        for (int t = 0; t < dOutputs.length; t++) {
            CommonOps_DDRM.addEquals(gradients.bOut(), dOutputs[t]);
            CommonOps_DDRM.addEquals(gradients.bHidden(), dPreActivations[t]);
        }
        // END EXERCISE D
    }

    /** Returns h_0 … h_{T-1}, the state each step started from. */
    private static List<DMatrixRMaj> previousHiddenStates(RnnTrace trace) {
        List<DMatrixRMaj> previous = new ArrayList<>(trace.hidden().size());
        for (int t = 0; t < trace.hidden().size(); t++) {
            previous.add(trace.previousHidden(t));
        }
        return previous;
    }
}
