package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import java.util.ArrayList;
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

/**
 * Exercise L: the DJL training loop. Two models with the same seed start from the same weights;
 * one is trained by the student's loop and one by a reference loop (softmax cross-entropy on
 * logits summed over time, Adam built once), and the two must end in the same place.
 */
@DisplayName("L: DJL training loop")
public class ExerciseLTests {

    private static final String L = "L";
    private static final int VOCABULARY = 4;
    private static final int HIDDEN = 12;
    private static final double WEIGHT_TOLERANCE = 1e-4;

    /** Returns the lowest validation loss of a history, or infinity for none. */
    static double bestValidationLoss(History history) {
        double best = Double.POSITIVE_INFINITY;
        for (double loss : history.validationLosses()) {
            best = Math.min(best, loss);
        }
        return best;
    }

    private static DjlSequenceModel newModel(long seed) {
        return DjlSequenceModel.create(CellType.LSTM, VOCABULARY, HIDDEN, seed);
    }

    @Test
    @Graded(exercise = L, points = 2)
    @DisplayName("reports the loss in the lab's units: sum over time, mean over sequences")
    void trainingLossUnits() {
        DjlSupport.withOneRetry(this::trainingLossUnitsOnce);
    }

    private void trainingLossUnitsOnce() {
        List<Example> training = LabData.examples(16, 31);
        try (DjlSequenceModel student = newModel(32); DjlSequenceModel reference = newModel(32)) {
            History history = DjlTraining.train(student, training, List.of(),
                    new DjlTrainingOptions(1, 1e-3), ProgressListener.NONE);
            double[] expected = DjlSupport.referenceTraining(reference, training, 1, 1e-3);

            double found = history.epochs().get(0).trainingLoss();
            check(Math.abs(found - expected[0]) <= 1e-3 * expected[0], L,
                    "training loss of the first epoch (16 sequences, Adam 1e-3)",
                    Feedback.format(expected[0]), Feedback.format(found),
                    "each sequence's loss is softmax cross-entropy on the logits (not on"
                            + " probabilities), summed over its time steps and taken before"
                            + " its own step; the epoch's loss is their mean");
            check(Double.isNaN(DjlTraining.meanLoss(student, List.of())), L,
                    "DjlTraining.meanLoss of no sequences", "NaN", "a number",
                    "DjlTraining.meanLoss");
            Feedback.assertRejected(L, "DjlTraining.train with no training sequences",
                    () -> DjlTraining.train(student, List.of(), training,
                            new DjlTrainingOptions(1, 1e-3), ProgressListener.NONE),
                    "the check at the start of DjlTraining.train", "training", "0");
        }
    }

    @Test
    @Graded(exercise = L, points = 2)
    @DisplayName("follows the reference Adam run step for step")
    void followsReferenceAdam() {
        DjlSupport.withOneRetry(this::followsReferenceAdamOnce);
    }

    private void followsReferenceAdamOnce() {
        List<Example> training = LabData.examples(20, 33);
        List<Example> validation = LabData.examples(10, 34);
        try (DjlSequenceModel student = newModel(35); DjlSequenceModel reference = newModel(35)) {
            List<String> reported = new ArrayList<>();
            History history = DjlTraining.train(student, training, validation,
                    new DjlTrainingOptions(2, 5e-3),
                    (result, total) -> reported.add(result.epoch() + "/" + total));
            DjlSupport.referenceTraining(reference, training, 2, 5e-3);

            double expected = DjlSupport.referenceLoss(reference, validation);
            double found = DjlSupport.referenceLoss(student, validation);
            check(Math.abs(found - expected) <= 1e-3 * expected, L,
                    "validation loss after 2 epochs of Adam at 5e-3",
                    Feedback.format(expected), Feedback.format(found),
                    "build the optimizer once, before the loop, with the given learning rate;"
                            + " one backward pass and one trainer.step() per sequence");

            double difference = DjlSupport.weightDifference(reference.network(),
                    student.network());
            check(difference <= WEIGHT_TOLERANCE, L, "largest weight difference from the"
                    + " reference Adam run, relative to the largest weight",
                    "at most " + WEIGHT_TOLERANCE, Feedback.format(difference), "Adam exactly as"
                            + " Optimizer.adam() builds it, with no weight decay (not AdamW) and"
                            + " only the learning rate changed");

            String historyHint = "DjlTraining.train: one EpochResult per epoch with the mean"
                    + " validation loss (DjlTraining.meanLoss) after that epoch, the progress"
                    + " listener called after each epoch, and the wall time in seconds";
            double recorded = history.epochs().get(1).validationLoss();
            check(Math.abs(recorded - found) <= 1e-3 * found, L,
                    "validation loss recorded for epoch 2", Feedback.format(found),
                    Feedback.format(recorded), historyHint);
            check(reported.equals(List.of("1/2", "2/2")), L, "calls to the progress listener",
                    "[1/2, 2/2]", reported.toString(), historyHint);
            check(history.seconds() > 0 && history.seconds() < 600, L,
                    "seconds recorded for two epochs", "a time above 0 s and below 600 s",
                    Feedback.format(history.seconds()), historyHint);
        }
    }

    @Test
    @Graded(exercise = L, points = 2)
    @DisplayName("gets below the memory-less floor within 8 epochs")
    void learns() {
        DjlSupport.withOneRetry(this::learnsOnce);
    }

    private void learnsOnce() {
        List<Example> training = LabData.examples(80, 36);
        List<Example> validation = LabData.examples(20, 37);
        try (DjlSequenceModel student = newModel(38)) {
            History history = DjlTraining.train(student, training, validation,
                    new DjlTrainingOptions(8, 1e-2), ProgressListener.NONE);

            // A model without memory cannot go below about 5.41; the reference loop reaches
            // about 2.5 here, so one nat under the floor leaves a wide margin. The best epoch
            // counts, because in about 2 of 100 gradings the loss spiked above 24 late in the
            // run with the same seeds (see DjlSupport.withOneRetry).
            double found = bestValidationLoss(history);
            check(found < LabData.MEMORYLESS_FLOOR - 1.0, L,
                    "best validation loss over 8 epochs of Adam at 0.01 on 80 sequences",
                    "below " + Feedback.format(LabData.MEMORYLESS_FLOOR - 1.0),
                    Feedback.format(found), "the loop updates the model's own weights and"
                            + " visits every training sequence each epoch");
            check(history.epochs().size() == 8, L, "epochs in the history", "8",
                    String.valueOf(history.epochs().size()), "one EpochResult per epoch");
        }
    }
}
