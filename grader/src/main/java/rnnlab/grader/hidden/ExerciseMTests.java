package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.data.Example;
import rnnlab.djl.CellType;
import rnnlab.djl.DjlSequenceModel;
import rnnlab.djl.DjlTraining;
import rnnlab.djl.DjlTrainingOptions;
import rnnlab.grader.Graded;
import rnnlab.train.History;
import rnnlab.train.ProgressListener;

/** Optional exercise M: the same network with a GRU layer. */
@DisplayName("M: GRU (bonus)")
public class ExerciseMTests {

    private static final String M = "M";
    private static final int VOCABULARY = 5;
    private static final int HIDDEN = 6;

    @Test
    @Graded(exercise = M, points = 2)
    @DisplayName("has 3H(V+H) + 6H + VH weights and is named gru")
    void parameterCount() {
        try (DjlSequenceModel model = DjlSequenceModel.create(CellType.GRU, VOCABULARY, HIDDEN,
                41)) {
            long expected = 3L * HIDDEN * (VOCABULARY + HIDDEN) + 6L * HIDDEN
                    + (long) VOCABULARY * HIDDEN;
            long actual = DjlSupport.parameterCount(model.network());
            check(actual == expected, M, "parameter count of the GRU network with V = 5, H = 6",
                    String.valueOf(expected), actual + " " + DjlSupport.describeParameters(
                            model.network()), "GRU.builder() with one layer in place of the"
                            + " LSTM, and the same Linear output layer");
            check("gru".equals(model.name()), M, "model name", "gru", model.name(),
                    "CellType.GRU's model name");
        }
    }

    @Test
    @Graded(exercise = M, points = 3)
    @DisplayName("the GRU network learns below the memory-less floor")
    // A model without memory cannot go below about 5.41; one nat under it shows the GRU's
    // state carries the count.
    void learns() {
        DjlSupport.withOneRetry(this::learnsOnce);
    }

    private void learnsOnce() {
        List<Example> training = LabData.examples(80, 42);
        List<Example> validation = LabData.examples(20, 43);
        try (DjlSequenceModel model = DjlSequenceModel.create(CellType.GRU, 4, 12, 44)) {
            History history = DjlTraining.train(model, training, validation,
                    new DjlTrainingOptions(12, 2e-2), ProgressListener.NONE);

            // The best epoch counts, as in exercise L, because a late loss spike was seen there.
            double found = ExerciseLTests.bestValidationLoss(history);
            check(found < LabData.MEMORYLESS_FLOOR - 1.0, M,
                    "best validation loss over 12 epochs of Adam at 0.02",
                    "below " + Feedback.format(LabData.MEMORYLESS_FLOOR - 1.0),
                    Feedback.format(found), "the GRU layer reads (batch, time, feature) input"
                            + " like the LSTM");
        }
    }
}
