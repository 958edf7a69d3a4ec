package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.grader.Graded;
import rnnlab.rnn.RnnForward;
import rnnlab.rnn.RnnParameters;
import rnnlab.rnn.RnnTrace;

/**
 * Exercise C: the RNN's forward pass, compared step by step with the grader's own forward pass
 * on random weights of sizes the visible tests do not use.
 */
@DisplayName("C: RNN forward pass")
public class ExerciseCTests {

    private static final String C = "C";
    private static final double TOLERANCE = 1e-10;

    private static final String HIDDEN_HINT = "h_t = tanh(U x_t + V h_{t-1} + b_hidden), with"
            + " h_0 the initial state and hidden().get(t) the state after input t";
    private static final String OUTPUT_HINT = "y_t = softmax(W h_t + b_out) with the new state"
            + " h_t, and softmax subtracting the largest logit before exp";

    private static final int HIDDEN = 7;
    private static final int VOCABULARY = 5;
    private static final int[] INPUTS = {4, 1, 1, 3, 0};

    private static RnnParameters weights(long seed) {
        return Reference.randomRnn(HIDDEN, VOCABULARY, 0.9, new Random(seed));
    }

    private static RnnTrace forward(List<DMatrixRMaj> inputs, DMatrixRMaj initialHidden,
            RnnParameters parameters) {
        RnnTrace trace = RnnForward.forward(inputs, initialHidden, parameters);
        check(trace != null, C, "RnnForward.forward result", "a trace", "null", HIDDEN_HINT);
        return trace;
    }

    private static void checkLength(String what, List<DMatrixRMaj> list, int steps,
            String hint) {
        check(list != null && list.size() == steps, C, what + " for a " + steps
                + "-step sequence", steps + " (one per input)", list == null ? "null"
                        : String.valueOf(list.size()), hint);
    }

    /**
     * Checks h_1 … h_T, each against the formula applied to the submission's own previous state,
     * so that one wrong step is reported once rather than in every later step.
     */
    private static void assertHidden(RnnParameters parameters, List<DMatrixRMaj> inputs,
            DMatrixRMaj initialHidden, RnnTrace actual) {
        checkLength("number of hidden states", actual.hidden(), inputs.size(), HIDDEN_HINT);
        for (int t = 0; t < inputs.size(); t++) {
            DMatrixRMaj previous = t == 0 ? initialHidden : actual.hidden().get(t - 1);
            Feedback.assertMatrix(C, "h_" + (t + 1), Reference.rnnHidden(parameters,
                    inputs.get(t), previous), actual.hidden().get(t), TOLERANCE, HIDDEN_HINT);
        }
    }

    /** Checks y_1 … y_T, each against the formula applied to the submission's own h_t. */
    private static void assertOutputs(RnnParameters parameters, List<DMatrixRMaj> inputs,
            DMatrixRMaj initialHidden, RnnTrace actual, String hint) {
        checkLength("number of softmax outputs", actual.probabilities(), inputs.size(), hint);
        // With a wrong number of hidden states, the grader's own states stand in for them.
        List<DMatrixRMaj> hidden = actual.hidden() != null
                && actual.hidden().size() == inputs.size() ? actual.hidden()
                        : Reference.rnnForward(parameters, inputs, initialHidden).hidden();
        for (int t = 0; t < inputs.size(); t++) {
            Feedback.assertMatrix(C, "y_" + (t + 1), Reference.rnnOutput(parameters,
                    hidden.get(t)), actual.probabilities().get(t), TOLERANCE, hint);
        }
    }

    @Test
    @Graded(exercise = C, points = 3)
    @DisplayName("hidden states match h_t = tanh(U x_t + V h_{t-1} + b_hidden)")
    void hiddenStates() {
        RnnParameters parameters = weights(301);
        List<DMatrixRMaj> inputs = Reference.oneHots(INPUTS, VOCABULARY);
        DMatrixRMaj zero = new DMatrixRMaj(HIDDEN, 1);

        RnnTrace actual = forward(inputs, zero, parameters);

        assertHidden(parameters, inputs, zero, actual);

        // Training changes the weights in place between calls, so a second forward pass must
        // read them again rather than anything kept from the first.
        CommonOps_DDRM.scale(-0.5, parameters.u());
        CommonOps_DDRM.scale(0.8, parameters.v());
        assertHidden(parameters, inputs, zero, forward(inputs, zero, parameters));
    }

    @Test
    @Graded(exercise = C, points = 3)
    @DisplayName("softmax outputs match y_t = softmax(W h_t + b_out)")
    void softmaxOutputs() {
        RnnParameters parameters = weights(302);
        List<DMatrixRMaj> inputs = Reference.oneHots(INPUTS, VOCABULARY);
        DMatrixRMaj zero = new DMatrixRMaj(HIDDEN, 1);

        RnnTrace actual = forward(inputs, zero, parameters);

        assertOutputs(parameters, inputs, zero, actual, OUTPUT_HINT);
    }

    @Test
    @Graded(exercise = C, points = 2)
    @DisplayName("a non-zero initial state is used and not kept by reference")
    void initialState() {
        RnnParameters parameters = weights(303);
        List<DMatrixRMaj> inputs = Reference.oneHots(new int[] {2, 0, 2}, VOCABULARY);
        DMatrixRMaj initialHidden = Reference.gaussian(HIDDEN, 1, 0.8, new Random(304));
        DMatrixRMaj before = initialHidden.copy();

        RnnTrace actual = forward(inputs, initialHidden, parameters);

        Feedback.assertMatrix(C, "h_0 passed to forward, after the call", before,
                initialHidden, 0.0, "that forward never writes into its arguments");
        assertHidden(parameters, inputs, before, actual);
        Feedback.assertMatrix(C, "trace.initialHidden()", before, actual.initialHidden(), 0.0,
                "that the trace stores h_0");
        initialHidden.set(0, 0, initialHidden.get(0, 0) + 5.0);
        Feedback.assertMatrix(C, "trace.initialHidden() after the caller changed h_0", before,
                actual.initialHidden(), 0.0, "that the trace keeps a copy of h_0"
                        + " (initialHidden.copy()), not the caller's matrix");
    }

    @Test
    @Graded(exercise = C, points = 2)
    @DisplayName("huge logits and pre-activations stay finite, never NaN")
    void softmaxOverflow() {
        // The largest logit sits at different places and far from the first logit and from the
        // mean, so only subtracting the largest one keeps every exp finite.
        double[][] cases = {{1000, 1001, 0, -50, 3}, {0, 2000, 0, 0, -3}, {-1500, 0, 1500, 2, 1}};
        List<DMatrixRMaj> inputs = Reference.oneHots(new int[] {1, 2}, VOCABULARY);
        DMatrixRMaj zero = new DMatrixRMaj(HIDDEN, 1);
        for (double[] logits : cases) {
            RnnParameters parameters = weights(305);
            parameters.w().zero();
            for (int k = 0; k < VOCABULARY; k++) {
                parameters.bOut().set(k, 0, logits[k]);
            }

            RnnTrace actual = forward(inputs, zero, parameters);

            // With W = 0 the logits are b_out at every step.
            DMatrixRMaj expected = Reference.softmax(parameters.bOut());
            for (int t = 0; t < inputs.size(); t++) {
                Feedback.assertMatrix(C, "y_" + (t + 1) + " for logits "
                        + Arrays.toString(logits), expected, actual.probabilities().get(t),
                        1e-12, "softmax: subtract the largest logit (not the first one or the"
                                + " mean) before exp, or exp(1000) overflows to infinity and"
                                + " infinity / infinity gives NaN");
            }
        }

        // Pre-activations of ±400 and more saturate tanh at ±1.
        RnnParameters saturated = weights(307);
        double[] biases = {400, -400, 800, -1200, 0.5, 360, -360};
        for (int k = 0; k < HIDDEN; k++) {
            saturated.bHidden().set(k, 0, biases[k]);
        }
        assertHidden(saturated, inputs, zero, forward(inputs, zero, saturated));
    }

    @Test
    @Graded(exercise = C, points = 2)
    @DisplayName("one state and one output per input, no off-by-one")
    void timeIndexing() {
        RnnParameters parameters = weights(306);
        DMatrixRMaj zero = new DMatrixRMaj(HIDDEN, 1);
        Feedback.assertMatrix(C, "RnnForward.zeroState for hidden size 7", zero,
                RnnForward.zeroState(parameters), 0.0, "that zeroState returns a hiddenSize×1"
                        + " column of zeros");
        String hint = "the loop: one step per input; hidden() holds h_1 … h_T (not h_0), and"
                + " y_t is computed from h_t after the update, not from h_{t-1}";

        for (int length : new int[] {1, 3}) {
            List<DMatrixRMaj> inputs = Reference.oneHots(
                    Arrays.copyOf(new int[] {3, 1, 4}, length), VOCABULARY);
            RnnTrace actual = forward(inputs, zero, parameters);
            checkLength("number of hidden states", actual.hidden(), length, hint);
            assertOutputs(parameters, inputs, zero, actual, hint);
        }

        List<DMatrixRMaj> inputs = Reference.oneHots(new int[] {3, 1, 4}, VOCABULARY);
        List<DMatrixRMaj> shortInput = new ArrayList<>(inputs);
        shortInput.set(1, new DMatrixRMaj(VOCABULARY - 1, 1));
        Feedback.assertShapeError(C, "RnnForward.forward with a 4x1 input at step 1",
                () -> RnnForward.forward(shortInput, zero, parameters), "inputs[1]", "5x1",
                "4x1");
        Feedback.assertShapeError(C, "RnnForward.forward with a 7x2 initial state",
                () -> RnnForward.forward(inputs, new DMatrixRMaj(HIDDEN, 2), parameters),
                "initialHidden", "7x1", "7x2");
        Feedback.assertRejected(C, "RnnForward.forward with no inputs",
                () -> RnnForward.forward(List.of(), zero, parameters), "the input check at the"
                        + " start of RnnForward.forward", "inputs");
    }

}
