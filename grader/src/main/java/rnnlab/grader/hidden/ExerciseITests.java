package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.grader.Graded;
import rnnlab.lstm.LstmForward;
import rnnlab.lstm.LstmParameters;
import rnnlab.lstm.LstmStep;
import rnnlab.lstm.LstmTrace;

/**
 * Exercise I: the LSTM's forward pass, compared gate by gate with the grader's own forward pass
 * on random weights large enough that the gates leave their linear part.
 */
@DisplayName("I: LSTM forward pass")
public class ExerciseITests {

    private static final String I = "I";
    private static final double TOLERANCE = 1e-10;

    private static final int HIDDEN = 6;
    private static final int VOCABULARY = 5;
    private static final int[] INPUTS = {1, 4, 0, 2, 4};

    private static LstmParameters weights(long seed) {
        return Reference.randomLstm(HIDDEN, VOCABULARY, 1.5, new Random(seed));
    }

    private static DMatrixRMaj zero() {
        return new DMatrixRMaj(HIDDEN, 1);
    }

    /**
     * The submission's forward pass, and for each of its steps the values the formulas give
     * from that step's own inputs. The grader computes the gates of step t from
     * z_t = [h_{t-1}; x_t] with the submission's h_{t-1}, c_t from its f_t, i_t, g_t and
     * c_{t-1}, h_t from its o_t and c_t, and y_t from its h_t. So one wrong formula fails its
     * own test and not the others.
     */
    private record Run(LstmParameters parameters, List<DMatrixRMaj> inputs,
            DMatrixRMaj initialHidden, DMatrixRMaj initialCell, LstmTrace trace) {

        List<LstmStep> actual() {
            return trace.steps();
        }

        DMatrixRMaj previousHidden(int t) {
            return t == 0 ? initialHidden : field(t - 1, "h", LstmStep::hidden);
        }

        DMatrixRMaj previousCell(int t) {
            return t == 0 ? initialCell : field(t - 1, "c", LstmStep::cell);
        }

        /** Returns one field of step t, failing with a message when the step left it null. */
        DMatrixRMaj field(int t, String symbol, Function<LstmStep, DMatrixRMaj> field) {
            DMatrixRMaj value = field.apply(actual().get(t));
            check(value != null, I, symbol + "_" + (t + 1) + " in the trace", "a matrix",
                    "null", "that each LstmStep stores z, every gate, c, tanh(c), h and y");
            return value;
        }

        /** Returns the grader's step t computed from the submission's h_{t-1} and c_{t-1}. */
        List<LstmStep> fromPrevious() {
            List<LstmStep> steps = new ArrayList<>();
            for (int t = 0; t < inputs.size(); t++) {
                steps.add(Reference.lstmStep(parameters, inputs.get(t), previousHidden(t),
                        previousCell(t)));
            }
            return steps;
        }

        /** Returns f_t ∘ c_{t-1} + i_t ∘ g_t from the submission's own values. */
        List<DMatrixRMaj> cells() {
            List<DMatrixRMaj> cells = new ArrayList<>();
            for (int t = 0; t < inputs.size(); t++) {
                DMatrixRMaj forget = field(t, "f", LstmStep::forget);
                DMatrixRMaj input = field(t, "i", LstmStep::input);
                DMatrixRMaj candidate = field(t, "g", LstmStep::candidate);
                DMatrixRMaj previous = previousCell(t);
                DMatrixRMaj cell = new DMatrixRMaj(HIDDEN, 1);
                for (int k = 0; k < HIDDEN; k++) {
                    cell.data[k] = forget.data[k] * previous.data[k]
                            + input.data[k] * candidate.data[k];
                }
                cells.add(cell);
            }
            return cells;
        }

        /** Returns tanh(c_t) of the submission's own c_t. */
        List<DMatrixRMaj> tanhCells() {
            List<DMatrixRMaj> result = new ArrayList<>();
            for (int t = 0; t < inputs.size(); t++) {
                result.add(Reference.tanh(field(t, "c", LstmStep::cell)));
            }
            return result;
        }

        /** Returns o_t ∘ tanh(c_t) from the submission's own o_t and c_t. */
        List<DMatrixRMaj> hidden() {
            List<DMatrixRMaj> result = new ArrayList<>();
            List<DMatrixRMaj> tanhCells = tanhCells();
            for (int t = 0; t < inputs.size(); t++) {
                DMatrixRMaj h = new DMatrixRMaj(HIDDEN, 1);
                CommonOps_DDRM.elementMult(field(t, "o", LstmStep::outputGate),
                        tanhCells.get(t), h);
                result.add(h);
            }
            return result;
        }

        /** Returns softmax(W_v h_t + b_v) from the submission's own h_t. */
        List<DMatrixRMaj> outputs() {
            List<DMatrixRMaj> result = new ArrayList<>();
            for (int t = 0; t < inputs.size(); t++) {
                result.add(Reference.softmax(Reference.affine(parameters.wOut(),
                        field(t, "h", LstmStep::hidden), parameters.bOut())));
            }
            return result;
        }
    }

    private static Run run(LstmParameters parameters, int[] indices, DMatrixRMaj initialHidden,
            DMatrixRMaj initialCell) {
        List<DMatrixRMaj> inputs = Reference.oneHots(indices, VOCABULARY);
        DMatrixRMaj hiddenBefore = initialHidden.copy();
        DMatrixRMaj cellBefore = initialCell.copy();
        LstmTrace trace = LstmForward.forward(inputs, initialHidden, initialCell, parameters);
        String hint = "LstmForward.forward: one LstmStep per input, in order";
        check(trace != null && trace.steps() != null, I, "LstmForward.forward result",
                "a trace with steps", "null", hint);
        check(trace.steps().size() == indices.length, I, "steps for " + indices.length
                + " inputs", String.valueOf(indices.length), String.valueOf(trace.steps().size()),
                hint);
        return new Run(parameters, inputs, hiddenBefore, cellBefore, trace);
    }

    /** Compares one field of every step with the expected values, as symbol_t from t = 1. */
    private static void compare(String symbol, List<DMatrixRMaj> expected, List<LstmStep> actual,
            Function<LstmStep, DMatrixRMaj> field, String hint) {
        for (int t = 0; t < expected.size(); t++) {
            Feedback.assertMatrix(I, symbol + "_" + (t + 1), expected.get(t),
                    field.apply(actual.get(t)), TOLERANCE, hint);
        }
    }

    /** Compares a field with the grader's step computed from the submission's previous state. */
    private static void compareFromPrevious(Run run, String symbol,
            Function<LstmStep, DMatrixRMaj> field, String hint) {
        List<DMatrixRMaj> expected = new ArrayList<>();
        for (LstmStep step : run.fromPrevious()) {
            expected.add(field.apply(step));
        }
        compare(symbol, expected, run.actual(), field, hint);
    }

    @Test
    @Graded(exercise = I, points = 2)
    @DisplayName("forget, input and output gates are sigmoids of W z + b")
    void sigmoidGates() {
        Run run = run(weights(601), INPUTS, zero(), zero());

        compareFromPrevious(run, "f", LstmStep::forget, "f_t = σ(W_f z_t + b_f) with the"
                + " logistic sigmoid σ(a) = 1 / (1 + e^(-a)) and z_t = [h_{t-1}; x_t]");
        compareFromPrevious(run, "i", LstmStep::input, "i_t = σ(W_i z_t + b_i) with the"
                + " logistic sigmoid and z_t = [h_{t-1}; x_t]");
        compareFromPrevious(run, "o", LstmStep::outputGate, "o_t = σ(W_o z_t + b_o) with the"
                + " logistic sigmoid and z_t = [h_{t-1}; x_t]");
    }

    @Test
    @Graded(exercise = I, points = 1)
    @DisplayName("the candidate is tanh(W_g z + b_g)")
    void candidate() {
        Run run = run(weights(602), INPUTS, zero(), zero());

        compareFromPrevious(run, "g", LstmStep::candidate, "g_t = tanh(W_g z_t + b_g) with"
                + " z_t = [h_{t-1}; x_t]: the candidate uses tanh, not the sigmoid");
    }

    @Test
    @Graded(exercise = I, points = 2)
    @DisplayName("the cell state is f ∘ c_{t-1} + i ∘ g")
    void cellState() {
        Run run = run(weights(603), INPUTS, zero(), zero());

        String hint = "c_t = f_t ∘ c_{t-1} + i_t ∘ g_t, element by element, with your f_t,"
                + " i_t, g_t and c_{t-1} the previous step's cell state";
        compare("c", run.cells(), run.actual(), LstmStep::cell, hint);

        // With f = i = g = 1 the cell counts the steps, up to 15: a cell state is not bounded.
        LstmParameters counting = weights(610);
        counting.bForget().fill(800);
        counting.bInput().fill(800);
        counting.bCandidate().fill(900);
        Run counted = run(counting, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
                zero(), zero());
        compare("c", counted.cells(), counted.actual(), LstmStep::cell, hint + "; the cell"
                + " state is never clipped, so it can count past 10");
    }

    @Test
    @Graded(exercise = I, points = 2)
    @DisplayName("the hidden state is o ∘ tanh(c)")
    void hiddenState() {
        Run run = run(weights(604), INPUTS, zero(), zero());

        compare("tanh(c)", run.tanhCells(), run.actual(), LstmStep::tanhCell, "tanhCell ="
                + " tanh(c_t) of the new cell state c_t");
        compare("h", run.hidden(), run.actual(), LstmStep::hidden, "h_t = o_t ∘ tanh(c_t), with"
                + " your o_t and the new cell state c_t");
    }

    @Test
    @Graded(exercise = I, points = 1)
    @DisplayName("z puts the hidden state first: [h_{t-1}; x_t]")
    void concatenationOrder() {
        Run run = run(weights(605), INPUTS, zero(), zero());

        compareFromPrevious(run, "z", LstmStep::z, "z_t = [h_{t-1}; x_t]: rows 0..hiddenSize-1"
                + " hold h_{t-1} and the rest x_t, for example"
                + " CommonOps_DDRM.concatRowsMulti(h, x)");
    }

    @Test
    @Graded(exercise = I, points = 2)
    @DisplayName("the outputs are softmax(W_v h + b_v)")
    void softmaxOutputs() {
        Run run = run(weights(606), INPUTS, zero(), zero());

        compare("y", run.outputs(), run.actual(), LstmStep::probabilities, "y_t ="
                + " softmax(W_v h_t + b_v) with the new hidden state h_t, subtracting the largest"
                + " logit before exp");
    }

    @Test
    @Graded(exercise = I, points = 1)
    @DisplayName("non-zero initial states are used and copied")
    void initialStates() {
        LstmParameters parameters = weights(607);
        Random random = new Random(608);
        DMatrixRMaj initialHidden = Reference.gaussian(HIDDEN, 1, 0.7, random);
        DMatrixRMaj initialCell = Reference.gaussian(HIDDEN, 1, 1.5, random);
        DMatrixRMaj hiddenBefore = initialHidden.copy();
        DMatrixRMaj cellBefore = initialCell.copy();
        String hint = "the first step: z_1 = [h_0; x_1] and c_1 = f_1 ∘ c_0 + i_1 ∘ g_1, with"
                + " h_0 and c_0 the arguments of forward";

        Run run = run(parameters, new int[] {3, 3, 0}, initialHidden, initialCell);

        Feedback.assertMatrix(I, "z_1 from a non-zero h_0", run.fromPrevious().get(0).z(),
                run.actual().get(0).z(), TOLERANCE, hint);
        Feedback.assertMatrix(I, "c_1 from a non-zero c_0", run.cells().get(0),
                run.actual().get(0).cell(), TOLERANCE, hint);
        String copyHint = "that forward never writes into h_0 or c_0, and the trace keeps"
                + " copies of them";
        Feedback.assertMatrix(I, "h_0 after forward", hiddenBefore, initialHidden, 0.0,
                copyHint);
        Feedback.assertMatrix(I, "c_0 after forward", cellBefore, initialCell, 0.0, copyHint);
        initialHidden.zero();
        initialCell.zero();
        Feedback.assertMatrix(I, "trace.initialHidden() after the caller changed h_0",
                hiddenBefore, run.trace().initialHidden(), 0.0, copyHint);
        Feedback.assertMatrix(I, "trace.initialCell() after the caller changed c_0",
                cellBefore, run.trace().initialCell(), 0.0, copyHint);

        List<DMatrixRMaj> inputs = Reference.oneHots(new int[] {3, 3, 0}, VOCABULARY);
        Feedback.assertShapeError(I, "LstmForward.forward with a 6x2 h_0",
                () -> LstmForward.forward(inputs, new DMatrixRMaj(HIDDEN, 2), zero(),
                        parameters), "initialHidden", "6x1", "6x2");
        Feedback.assertShapeError(I, "LstmForward.forward with a 5x1 c_0",
                () -> LstmForward.forward(inputs, zero(), new DMatrixRMaj(HIDDEN - 1, 1),
                        parameters), "initialCell", "6x1", "5x1");
        List<DMatrixRMaj> tall = new ArrayList<>(inputs);
        tall.set(2, new DMatrixRMaj(VOCABULARY + 2, 1));
        Feedback.assertShapeError(I, "LstmForward.forward with a 7x1 input at step 2",
                () -> LstmForward.forward(tall, zero(), zero(), parameters), "inputs[2]", "5x1",
                "7x1");
    }

    @Test
    @Graded(exercise = I, points = 1)
    @DisplayName("huge pre-activations give finite gates and outputs")
    void largePreActivations() {
        LstmParameters parameters = weights(609);
        // Biases of ±800 push every gate to 0 or 1 and b_v makes the logits about [900, 0, ...].
        parameters.bForget().fill(800);
        parameters.bInput().fill(-800);
        parameters.bCandidate().fill(900);
        parameters.bOutputGate().fill(800);
        parameters.bOut().set(0, 0, 900);
        String hint = "that σ, tanh and softmax stay finite for |a| in the hundreds: σ(a) ="
                + " e^a / (1 + e^a) for a < 0, Math.tanh rather than (e^a - e^-a) / (e^a +"
                + " e^-a), and softmax after subtracting the largest logit";

        Run run = run(parameters, new int[] {0, 2, 1}, zero(), zero());

        compareFromPrevious(run, "f", LstmStep::forget, hint);
        compareFromPrevious(run, "i", LstmStep::input, hint);
        compareFromPrevious(run, "g", LstmStep::candidate, hint);
        compareFromPrevious(run, "o", LstmStep::outputGate, hint);
        compare("y", run.outputs(), run.actual(), LstmStep::probabilities, hint);

        // The largest logit is not the first, so only subtracting the largest keeps exp finite.
        parameters.bOut().set(0, 0, 0);
        parameters.bOut().set(3, 0, 900);
        Run shifted = run(parameters, new int[] {0, 2, 1}, zero(), zero());
        compare("y", shifted.outputs(), shifted.actual(), LstmStep::probabilities, hint);
    }
}
