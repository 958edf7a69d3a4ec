package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.grader.Graded;
import rnnlab.model.LossAndGradients;
import rnnlab.rnn.RnnBackward;
import rnnlab.rnn.RnnParameters;
import rnnlab.rnn.RnnTrace;

/**
 * Exercise D: the RNN's backward pass through time.
 *
 * <p>Each test hands the submission's backward pass a trace from the grader's own forward pass,
 * so a mistake in exercise C does not cost points here. Gradients are compared with central
 * differences of the loss that the submission's backward pass returns (or of the lab's loss, when
 * that one is wrong, so that a wrong loss costs only its own test), on weights large enough that
 * pre-activations leave tanh's linear part (|a| well above 1) and on sequences of three or more
 * steps.
 */
@DisplayName("D: RNN backward pass")
public class ExerciseDTests {

    private static final String D = "D";

    /**
     * The five-point central difference agrees with an exact gradient to about 1e-10 here, and
     * every mistake this exercise targets is off by more than 1e-3.
     */
    private static final double TOLERANCE = 1e-6;

    private static final String OUTPUT_ERROR = "do_t = y_t - onehot(target_t)";
    private static final String HIDDEN_ERROR = "δ_t = Wᵀ do_t + Vᵀ da_{t+1} and da_t = (1 -"
            + " h_t²) ∘ δ_t, where h_t is already tanh(a_t), so do not apply tanh again";

    private static final int HIDDEN = 5;
    private static final int VOCABULARY = 4;
    private static final int[] INPUTS = {3, 0, 1, 1, 2, 0};
    private static final int[] TARGETS = {0, 1, 1, 2, 3, 2};

    /** Weights, inputs, targets and h_0 of one gradient check. */
    private record Problem(RnnParameters parameters, List<DMatrixRMaj> inputs, int[] targets,
            DMatrixRMaj initialHidden) {

        RnnTrace trace() {
            return Reference.rnnForward(parameters, inputs, initialHidden);
        }

        /** Runs the submission's backward pass on the grader's trace. */
        LossAndGradients backward() {
            LossAndGradients result = RnnBackward.backward(inputs, targets, trace(), parameters);
            check(result != null && result.gradients() != null, D, "RnnBackward.backward"
                    + " result", "a loss and gradients", String.valueOf(result),
                    "that backward returns new LossAndGradients(loss, gradients)");
            return result;
        }

        /** Returns the submission's gradient of one parameter, by its name. */
        DMatrixRMaj gradient(String name) {
            LossAndGradients result = backward();
            int index = result.gradients().names().indexOf(name);
            check(index >= 0, D, "names of the gradients", "a gradient named " + name,
                    result.gradients().names().toString(), "that the gradients are an"
                            + " RnnParameters, such as RnnParameters.zeros(hidden, vocabulary)");
            return result.gradients().matrices().get(index);
        }

        /** Returns the lab's loss Σ_t -ln y_t[target_t] for the current weights. */
        double referenceLoss() {
            return Reference.crossEntropy(trace().probabilities(), targets);
        }

        /**
         * Estimates the gradient of one parameter by central differences of the loss that the
         * submission's backward pass returns. When that loss is wrong, the lab's loss is used
         * instead, so that a wrong loss costs only the points of its own test.
         */
        DMatrixRMaj numericalGradient(DMatrixRMaj parameter) {
            double expected = referenceLoss();
            boolean ownLossIsRight = Math.abs(backward().loss() - expected)
                    <= 1e-9 * Math.max(1, Math.abs(expected));
            DoubleSupplier loss = ownLossIsRight ? () -> backward().loss() : this::referenceLoss;
            return Reference.numericalGradient(parameter, loss);
        }
    }

    /**
     * Returns random weights of standard deviation 1.2 with the fixed inputs and targets, and
     * checks that some pre-activation goes beyond |1.5|, where 1 - tanh²(h) and 1 - h² differ
     * by far more than the tolerance.
     */
    private static Problem problem(long seed, int[] inputs, int[] targets,
            DMatrixRMaj initialHidden) {
        RnnParameters parameters = Reference.randomRnn(HIDDEN, VOCABULARY, 1.2,
                new Random(seed));
        Problem problem = new Problem(parameters, Reference.oneHots(inputs, VOCABULARY),
                targets.clone(), initialHidden);
        double largest = Reference.largestRnnPreActivation(parameters, problem.inputs(),
                initialHidden);
        if (largest < 1.5) {
            throw new IllegalStateException("grader fixture: largest pre-activation " + largest
                    + " is below 1.5; choose another seed");
        }
        return problem;
    }

    private static Problem standardProblem(long seed) {
        return problem(seed, INPUTS, TARGETS, new DMatrixRMaj(HIDDEN, 1));
    }

    private static void checkGradient(Problem problem, String name, DMatrixRMaj parameter,
            String hint) {
        DMatrixRMaj analytic = problem.gradient(name);
        DMatrixRMaj numeric = problem.numericalGradient(parameter);
        Feedback.assertGradient(D, "d" + name + " for a " + problem.inputs().size()
                + "-step sequence", numeric, analytic, TOLERANCE, hint);
    }

    @Test
    @Graded(exercise = D, points = 2)
    @DisplayName("the loss is the sum of cross-entropy over time steps")
    void lossIsSumOfCrossEntropy() {
        Problem problem = standardProblem(401);
        double expected = Reference.crossEntropy(problem.trace().probabilities(),
                problem.targets());

        double loss = problem.backward().loss();

        String hint = "loss = Σ_t -ln y_t[target_t], summed over the time steps (not averaged),"
                + " with y_t from the trace";
        if (Math.abs(loss - expected / problem.inputs().size()) < 1e-9) {
            hint = "loss = Σ_t -ln y_t[target_t]: this looks like the mean over time steps;"
                    + " the lab's loss is the sum";
        }
        Feedback.assertNumber(D, "loss of a 6-step sequence", expected, loss, 1e-9, hint);

        String inputHint = "the checks at the start of RnnBackward.backward, before any sum";
        RnnTrace trace = problem.trace();
        Feedback.assertRejected(D, "RnnBackward.backward with 5 targets for 6 inputs",
                () -> RnnBackward.backward(problem.inputs(), Arrays.copyOf(problem.targets(), 5),
                        trace, problem.parameters()), inputHint, "targets", "6", "5");
        int[] outside = problem.targets().clone();
        outside[2] = VOCABULARY;
        Feedback.assertRejected(D, "RnnBackward.backward with target 4 in a 4-word vocabulary",
                () -> RnnBackward.backward(problem.inputs(), outside, trace,
                        problem.parameters()), inputHint, "targets[2]", "4");
        List<DMatrixRMaj> wide = new ArrayList<>(problem.inputs());
        wide.set(0, new DMatrixRMaj(VOCABULARY + 1, 1));
        Feedback.assertShapeError(D, "RnnBackward.backward with a 5x1 input at step 0",
                () -> RnnBackward.backward(wide, problem.targets(), trace,
                        problem.parameters()), "inputs[0]", "4x1", "5x1");
    }

    @Test
    @Graded(exercise = D, points = 1)
    @DisplayName("a certain, correct prediction costs 0, not NaN")
    void certainPredictionCostsZero() {
        Problem problem = standardProblem(402);
        // W = 0 and b_out = [800, 0, 0, 0] make every y_t exactly [1, 0, 0, 0].
        problem.parameters().w().zero();
        problem.parameters().bOut().set(0, 0, 800);
        int[] targets = new int[problem.inputs().size()];
        Problem certain = new Problem(problem.parameters(), problem.inputs(), targets,
                problem.initialHidden());

        LossAndGradients result = certain.backward();

        String hint = "the loss: take -ln of the target's entry only; multiplying the one-hot"
                + " target by ln y for the whole vector gives 0 · ln 0 = NaN";
        Feedback.assertNumber(D, "loss when every y_t is [1, 0, 0, 0] and every target is 0",
                0.0, result.loss(), 1e-12, hint);
        for (int k = 0; k < result.gradients().names().size(); k++) {
            DMatrixRMaj gradient = result.gradients().matrices().get(k);
            for (double value : gradient.data) {
                check(Double.isFinite(value), D, "d" + result.gradients().names().get(k)
                        + " when every prediction is certain", "finite entries",
                        String.valueOf(value), "that no gradient divides by y_t or takes ln 0");
            }
        }
    }

    @Test
    @Graded(exercise = D, points = 2)
    @DisplayName("dW agrees with central differences")
    void outputWeights() {
        Problem problem = standardProblem(403);
        checkGradient(problem, "W", problem.parameters().w(), "dW = Σ_t do_t h_tᵀ with "
                + OUTPUT_ERROR + " and h_t the state after input t (hidden().get(t))");
    }

    @Test
    @Graded(exercise = D, points = 1)
    @DisplayName("db_out agrees with central differences")
    void outputBias() {
        Problem problem = standardProblem(404);
        checkGradient(problem, "b_out", problem.parameters().bOut(), "db_out = Σ_t do_t with "
                + OUTPUT_ERROR);
    }

    @Test
    @Graded(exercise = D, points = 2)
    @DisplayName("dU agrees with central differences")
    void inputWeights() {
        Problem problem = standardProblem(405);
        checkGradient(problem, "U", problem.parameters().u(), "dU = Σ_t da_t x_tᵀ with "
                + HIDDEN_ERROR);
    }

    @Test
    @Graded(exercise = D, points = 1)
    @DisplayName("db_hidden agrees with central differences")
    void hiddenBias() {
        Problem problem = standardProblem(406);
        checkGradient(problem, "b_hidden", problem.parameters().bHidden(),
                "db_hidden = Σ_t da_t with " + HIDDEN_ERROR);
    }

    @Test
    @Graded(exercise = D, points = 2)
    @DisplayName("dV agrees with central differences")
    void recurrentWeights() {
        Problem problem = standardProblem(407);
        checkGradient(problem, "V", problem.parameters().v(), "dV = Σ_t da_t h_{t-1}ᵀ with "
                + HIDDEN_ERROR + "; h_{t-1} is trace.previousHidden(t)");
    }

    @Test
    @Graded(exercise = D, points = 2)
    @DisplayName("the first step uses h_0, and dW uses h_1, not h_0")
    void firstStepStates() {
        String hint = "the first step: dV gets da_1 h_0ᵀ, with h_0 = trace.initialHidden() (not"
                + " the last hidden state), and dW gets do_1 h_1ᵀ with h_1 = hidden().get(0)";

        // One step from h_0 = 0: dV is exactly zero, and dW is not.
        Problem oneStep = problem(408, new int[] {2}, new int[] {1}, new DMatrixRMaj(HIDDEN, 1));
        Feedback.assertMatrix(D, "dV for a 1-step sequence from h_0 = 0",
                new DMatrixRMaj(HIDDEN, HIDDEN), oneStep.gradient("V"), 1e-12, hint);
        Feedback.assertGradient(D, "dW for a 1-step sequence",
                oneStep.numericalGradient(oneStep.parameters().w()), oneStep.gradient("W"),
                TOLERANCE, hint);

        // Three steps from a non-zero h_0: every term of dV, the first included, must match.
        DMatrixRMaj initialHidden = Reference.gaussian(HIDDEN, 1, 0.9, new Random(409));
        Problem threeSteps = problem(410, new int[] {1, 3, 0}, new int[] {3, 0, 2},
                initialHidden);
        Feedback.assertGradient(D, "dV for a 3-step sequence from a non-zero h_0",
                threeSteps.numericalGradient(threeSteps.parameters().v()),
                threeSteps.gradient("V"), TOLERANCE, hint);
    }

    @Test
    @Graded(exercise = D, points = 2)
    @DisplayName("the gradient is carried back to the first step")
    void carryThroughTime() {
        // Token 2 is read only at the first step, so column 2 of dU is da_1 alone, and da_1
        // gets most of its value from the four later targets through Vᵀ da_2.
        Problem problem = problem(411, new int[] {2, 0, 0, 0, 0}, new int[] {1, 1, 3, 0, 2},
                new DMatrixRMaj(HIDDEN, 1));
        DMatrixRMaj numeric = column(problem.numericalGradient(problem.parameters().u()), 2);
        DMatrixRMaj analytic = column(problem.gradient("U"), 2);

        Feedback.assertGradient(D, "column 2 of dU, the token read only at step 1 of 5",
                numeric, analytic, TOLERANCE, "the carry through time: δ_t = Wᵀ do_t + Vᵀ"
                        + " da_{t+1}, with Vᵀ da_{t+1} from the step after t fed into step t,"
                        + " going backwards from the last step");

        // A 14-step sequence: the carry must run through every step, never cut after a few.
        Problem longer = problem(413, new int[] {2, 0, 1, 3, 0, 0, 1, 2, 3, 1, 0, 0, 2, 1},
                new int[] {0, 1, 3, 0, 0, 1, 2, 3, 1, 0, 0, 2, 1, 3}, new DMatrixRMaj(HIDDEN, 1));
        String fullCarry = "the carry through time over the whole sequence: from the last step"
                + " back to the first, with no cut after a fixed number of steps";
        checkGradient(longer, "U", longer.parameters().u(), fullCarry);
        checkGradient(longer, "V", longer.parameters().v(), fullCarry);
    }

    @Test
    @Graded(exercise = D, points = 1)
    @DisplayName("backward twice gives the same gradients and changes nothing")
    void noAliasing() {
        Problem problem = standardProblem(412);
        RnnTrace trace = problem.trace();
        List<DMatrixRMaj> weightsBefore = Reference.copies(problem.parameters().matrices());
        List<DMatrixRMaj> statesBefore = Reference.copies(trace.hidden());
        List<DMatrixRMaj> outputsBefore = Reference.copies(trace.probabilities());
        String hint = "that backward writes only into new matrices: copy y_t before subtracting"
                + " the one-hot target, and start each gradient from zeros";

        LossAndGradients first = RnnBackward.backward(problem.inputs(), problem.targets(), trace,
                problem.parameters());
        List<DMatrixRMaj> firstGradients = Reference.copies(first.gradients().matrices());
        LossAndGradients second = RnnBackward.backward(problem.inputs(), problem.targets(),
                trace, problem.parameters());

        List<String> names = problem.parameters().names();
        for (int k = 0; k < names.size(); k++) {
            Feedback.assertMatrix(D, names.get(k) + " after two backward passes",
                    weightsBefore.get(k), problem.parameters().matrices().get(k), 0.0, hint);
            Feedback.assertMatrix(D, "d" + names.get(k) + " of the second backward pass",
                    firstGradients.get(k), second.gradients().matrices().get(k), 0.0, hint);
        }
        for (int t = 0; t < statesBefore.size(); t++) {
            Feedback.assertMatrix(D, "trace h_" + (t + 1) + " after backward",
                    statesBefore.get(t), trace.hidden().get(t), 0.0, hint);
            Feedback.assertMatrix(D, "trace y_" + (t + 1) + " after backward",
                    outputsBefore.get(t), trace.probabilities().get(t), 0.0, hint);
        }
    }

    private static DMatrixRMaj column(DMatrixRMaj matrix, int col) {
        DMatrixRMaj result = new DMatrixRMaj(matrix.numRows, 1);
        for (int r = 0; r < matrix.numRows; r++) {
            result.set(r, 0, matrix.get(r, col));
        }
        return result;
    }
}
