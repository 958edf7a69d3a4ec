package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.data.Example;
import rnnlab.grader.Graded;
import rnnlab.lstm.Lstm;
import rnnlab.lstm.LstmBackward;
import rnnlab.lstm.LstmForward;
import rnnlab.lstm.LstmParameters;
import rnnlab.lstm.LstmTrace;
import rnnlab.model.LossAndGradients;

/**
 * Exercise J: the LSTM as a trainable model. Its wiring is compared with LstmForward and
 * LstmBackward called directly, so a mistake inside the forward pass (exercise I) does not
 * cost points here. The training run is the one test that needs a correct exercise I as well.
 */
@DisplayName("J: LSTM training")
public class ExerciseJTests {

    private static final String J = "J";

    private static final int HIDDEN = 5;
    private static final int VOCABULARY = 4;
    private static final int[] INPUTS = {0, 0, 1, 3, 1, 2};
    private static final int[] TARGETS = {0, 1, 1, 1, 2, 0};

    private static final int HIDDEN_TRAINED = 12;
    private static final int EPOCHS = 30;
    private static final double LEARNING_RATE = 0.1;

    private static LstmParameters weights(long seed) {
        return Reference.randomLstm(HIDDEN, VOCABULARY, 1.0, new Random(seed));
    }

    private static LstmTrace directForward(List<DMatrixRMaj> inputs, LstmParameters parameters) {
        return Feedback.call(J, () -> LstmForward.forward(inputs, new DMatrixRMaj(HIDDEN, 1),
                new DMatrixRMaj(HIDDEN, 1), parameters));
    }

    @Test
    @Graded(exercise = J, points = 1)
    @DisplayName("probabilities run forward from zero states and keep the weights live")
    void probabilitiesFromZeroStates() {
        LstmParameters parameters = weights(701);
        List<DMatrixRMaj> inputs = Reference.oneHots(INPUTS, VOCABULARY);
        List<DMatrixRMaj> expected = directForward(inputs, parameters).probabilities();
        Lstm lstm = new Lstm(parameters);
        String hint = "Lstm.probabilities: LstmForward.forward(inputs, h_0, c_0, parameters)"
                + " with h_0 = c_0 = 0 (hiddenSize×1 zeros) on every call, and nothing kept"
                + " between calls";

        for (int call = 1; call <= 2; call++) {
            List<DMatrixRMaj> actual = Feedback.call(J, () -> lstm.probabilities(inputs));
            check(actual != null && actual.size() == expected.size(), J,
                    "outputs of call " + call + " for " + inputs.size() + " inputs",
                    String.valueOf(expected.size()), actual == null ? "null"
                            : String.valueOf(actual.size()), hint);
            for (int t = 0; t < expected.size(); t++) {
                Feedback.assertMatrix(J, "y_" + (t + 1) + " of call " + call, expected.get(t),
                        actual.get(t), 1e-14, hint);
            }
        }
        check(lstm.vocabularySize() == VOCABULARY, J, "vocabularySize()",
                String.valueOf(VOCABULARY), String.valueOf(lstm.vocabularySize()),
                "that vocabularySize returns parameters.vocabularySize()");
        List<DMatrixRMaj> live = lstm.parameters().matrices();
        for (int k = 0; k < live.size(); k++) {
            check(live.get(k) == parameters.matrices().get(k), J, "parameters() matrix "
                    + parameters.names().get(k), "the matrix the Lstm was built with",
                    "another matrix", "that parameters() returns the live weights, not a copy,"
                            + " so the optimizer's updates reach the model");
        }

        // Generation grows one list and training changes the weights in place, so a call with
        // the same list object must still read both afresh.
        List<DMatrixRMaj> growing = new ArrayList<>(inputs);
        Feedback.call(J, () -> lstm.probabilities(growing));
        growing.add(Reference.oneHot(2, VOCABULARY));
        CommonOps_DDRM.scale(0.5, parameters.wOut());
        List<DMatrixRMaj> fresh = directForward(growing, parameters).probabilities();
        List<DMatrixRMaj> again = Feedback.call(J, () -> lstm.probabilities(growing));
        check(again != null && again.size() == fresh.size(), J, "outputs after one more input"
                + " was added to the same list", String.valueOf(fresh.size()), again == null
                        ? "null" : String.valueOf(again.size()), hint);
        for (int t = 0; t < fresh.size(); t++) {
            Feedback.assertMatrix(J, "y_" + (t + 1) + " after the list grew and W_v changed",
                    fresh.get(t), again.get(t), 1e-14, hint);
        }
    }

    @Test
    @Graded(exercise = J, points = 1)
    @DisplayName("lossAndGradients is the given backward pass on a fresh forward pass")
    void lossAndGradientsWiring() {
        LstmParameters parameters = weights(702);
        List<DMatrixRMaj> inputs = Reference.oneHots(INPUTS, VOCABULARY);
        LossAndGradients expected = Feedback.call(J, () -> LstmBackward.backward(inputs,
                TARGETS.clone(), directForward(inputs, parameters), parameters));
        Lstm lstm = new Lstm(parameters);
        String hint = "Lstm.lossAndGradients: trace = LstmForward.forward(inputs, zeros,"
                + " zeros, parameters), then return LstmBackward.backward(inputs, targets, trace,"
                + " parameters) unchanged (no clipping here)";

        LossAndGradients actual = Feedback.call(J, () -> lstm.lossAndGradients(inputs,
                TARGETS.clone()));

        check(actual != null && actual.gradients() != null, J, "lossAndGradients result",
                "a loss and gradients", String.valueOf(actual), hint);
        Feedback.assertNumber(J, "loss of a 6-step sequence", expected.loss(), actual.loss(),
                1e-12, hint);
        List<String> names = expected.gradients().names();
        for (int k = 0; k < names.size(); k++) {
            Feedback.assertMatrix(J, "d" + names.get(k),
                    expected.gradients().matrices().get(k),
                    actual.gradients().matrices().get(k), 1e-12, hint);
        }
    }

    @Test
    @Graded(exercise = J, points = 2)
    @DisplayName("training gets well below the memory-less floor")
    void trainsBelowMemorylessFloor() {
        // The submission's Lstm (hidden size 12, orthogonal weights from the grader) trained by
        // the grader's own SGD loop with global-norm clipping at 0.25, so exercise E cannot
        // cost points here: 30 epochs of 160 sequences at η = 0.1. No model can beat
        // ln 11 ≈ 2.40 on this data, and a model without memory cannot beat 5.41. A correct
        // LSTM reaches 2.78 with these seeds, and below 4.4 for each of 100 other seeds. So the
        // bound of 1 below the memory-less floor leaves a margin of 1.6 for rounding
        // differences, and reaching it still needs the cell state to carry the count of a's.
        List<Example> training = LabData.examples(160, 2468);
        List<Example> validation = LabData.examples(20, 8642);
        Random random = new Random(99);
        int zSize = HIDDEN_TRAINED + LabData.VOCABULARY_SIZE;
        LstmParameters parameters = new LstmParameters(
                Reference.orthogonal(HIDDEN_TRAINED, zSize, random),
                Reference.orthogonal(HIDDEN_TRAINED, zSize, random),
                Reference.orthogonal(HIDDEN_TRAINED, zSize, random),
                Reference.orthogonal(HIDDEN_TRAINED, zSize, random),
                Reference.orthogonal(LabData.VOCABULARY_SIZE, HIDDEN_TRAINED, random),
                new DMatrixRMaj(HIDDEN_TRAINED, 1), new DMatrixRMaj(HIDDEN_TRAINED, 1),
                new DMatrixRMaj(HIDDEN_TRAINED, 1), new DMatrixRMaj(HIDDEN_TRAINED, 1),
                new DMatrixRMaj(LabData.VOCABULARY_SIZE, 1));
        Lstm lstm = new Lstm(parameters);

        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (Example example : training) {
                LossAndGradients result = Feedback.call(J, () -> lstm.lossAndGradients(
                        example.inputs(), example.targets()));
                Reference.clipGlobalNorm(result.gradients(), 0.25);
                Reference.sgdStep(lstm.parameters(), result.gradients(), LEARNING_RATE);
            }
        }

        double loss = LabData.meanLoss(lstm, validation);
        check(loss < LabData.MEMORYLESS_FLOOR - 1.0, J, "validation loss of the LSTM after "
                + EPOCHS + " epochs", "below " + Feedback.format(LabData.MEMORYLESS_FLOOR - 1.0)
                + " (the memory-less floor 5.41 minus 1)", Feedback.format(loss),
                "Lstm.lossAndGradients and Lstm.probabilities (zero initial states, the live"
                        + " parameters) and the forward pass of exercise I");
    }
}
