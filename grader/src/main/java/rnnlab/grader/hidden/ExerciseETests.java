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
import rnnlab.data.Example;
import rnnlab.grader.Graded;
import rnnlab.model.LossAndGradients;
import rnnlab.model.SequenceModel;
import rnnlab.train.Clipping;
import rnnlab.train.EpochResult;
import rnnlab.train.History;
import rnnlab.train.ProgressListener;
import rnnlab.train.Sgd;
import rnnlab.train.Trainer;
import rnnlab.train.TrainingDivergedException;
import rnnlab.train.TrainingOptions;

/**
 * Exercise E: the training loop, SGD and global-norm clipping.
 *
 * <p>The loop is checked with models the grader builds itself: a memory-less bigram model whose
 * exact result after an epoch the grader computes, and the grader's own RNN for one short
 * training run. The submission's RNN and LSTM are never used, so exercises B, C and D cannot
 * cost points here.
 */
@DisplayName("E: training loop")
public class ExerciseETests {

    private static final String E = "E";

    private static final String CLIP_HINT = "Clipping.clipGlobalNorm: norm = √(Σ over all"
            + " gradient matrices of Σ entry²), one norm for all of them; when norm > maxNorm,"
            + " multiply every entry of every gradient by maxNorm / norm";
    private static final String SGD_HINT = "Sgd.step: θ ← θ - η ∇θ for every matrix, with η"
            + " the learning rate (subtract, and scale by η)";
    private static final String EPOCH_HINT = "Trainer.trainEpoch: for each training sequence in"
            + " order, lossAndGradients, then clip the gradients (not the parameters) to"
            + " options.maxGradientNorm(), then Sgd.step with options.learningRate()";

    /**
     * Clipping may scale by maxNorm / (norm + 1e-6), as PyTorch does, so results may differ from
     * the exact factor by about 1e-6 of their size. Clipping each matrix on its own, or each
     * entry, differs by 1e-3 or more.
     */
    private static final double CLIP_TOLERANCE = 1e-6;

    private static final double LEARNING_RATE = 0.4;
    private static final double MAX_NORM = 0.25;

    /**
     * The maximum norm of the epoch tests. It differs from the default 0.25, so a loop that
     * clips to the default instead of options.maxGradientNorm() fails.
     */
    private static final double EPOCH_MAX_NORM = 0.4;

    /** The n of each training sequence a^n b^n EOS; n = 1 twice, to show repeats are kept. */
    private static final int[] TRAINING_LENGTHS = {3, 1, 5, 2, 4, 1};

    /** Lengths that no training sequence has, so that a validation call can be recognised. */
    private static final int[] VALIDATION_LENGTHS = {6, 8, 7};

    /** Returns new examples, so that a change one test makes to its data never reaches another. */
    private static List<Example> examples(int[] lengths) {
        List<Example> examples = new ArrayList<>();
        for (int n : lengths) {
            examples.add(LabData.example(n));
        }
        return examples;
    }

    private static BigramModel bigram() {
        return BigramModel.random(LabData.VOCABULARY_SIZE, 1.0, new Random(505));
    }

    private static TrainingOptions options(int epochs) {
        return new TrainingOptions(epochs, LEARNING_RATE, EPOCH_MAX_NORM);
    }

    /** Runs one epoch the way the lab specifies and returns its mean loss before updates. */
    private static double referenceEpoch(BigramModel model, List<Example> training) {
        double sum = 0;
        for (Example example : training) {
            LossAndGradients result = model.lossAndGradients(example.inputs(),
                    example.targets());
            Reference.clipGlobalNorm(result.gradients(), EPOCH_MAX_NORM);
            Reference.sgdStep(model.parameters(), result.gradients(), LEARNING_RATE);
            sum += result.loss();
        }
        return sum / training.size();
    }

    private static NamedMatrices randomSet(long seed, double scale, int[]... shapes) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        List<DMatrixRMaj> matrices = new ArrayList<>();
        for (int k = 0; k < shapes.length; k++) {
            names.add("G" + k);
            matrices.add(Reference.gaussian(shapes[k][0], shapes[k][1], scale, random));
        }
        return new NamedMatrices(names, matrices);
    }

    private static void assertSameMatrices(String description, NamedMatrices expected,
            NamedMatrices actual, double tolerance, String hint) {
        for (int k = 0; k < expected.names().size(); k++) {
            Feedback.assertMatrix(E, description + " " + expected.names().get(k),
                    expected.matrices().get(k), actual.matrices().get(k), tolerance, hint);
        }
    }

    private static void checkTrainedOn(BigramModel model, List<Example> expected,
            String period) {
        List<int[]> calls = model.trainedOn();
        for (int k = 0; k < calls.size(); k++) {
            for (Example validation : examples(VALIDATION_LENGTHS)) {
                check(!Arrays.equals(calls.get(k), validation.targets()), E,
                        "lossAndGradients call " + (k + 1) + " " + period, "a training sequence",
                        "a validation sequence", "that validation only measures the loss"
                                + " (Trainer.meanLoss, which calls model.loss) and never"
                                + " computes gradients or updates");
            }
        }
        check(calls.size() == expected.size(), E, "lossAndGradients calls " + period,
                expected.size() + " (one per training sequence)", String.valueOf(calls.size()),
                EPOCH_HINT);
        for (int k = 0; k < expected.size(); k++) {
            check(Arrays.equals(calls.get(k), expected.get(k).targets()), E,
                    "lossAndGradients call " + (k + 1) + " " + period, "training sequence "
                            + (k % TRAINING_LENGTHS.length + 1) + " in the given order",
                    "another sequence", EPOCH_HINT);
        }
    }

    @Test
    @Graded(exercise = E, points = 2)
    @DisplayName("clipping uses one global norm and one common factor")
    void clippingUsesOneGlobalNorm() {
        // Each matrix alone is below the maximum of 1, but together they are above it, so
        // clipping each matrix on its own, or each entry, would change nothing.
        NamedMatrices gradients = randomSet(511, 0.1, new int[] {3, 4}, new int[] {4, 4},
                new int[] {3, 1});
        for (DMatrixRMaj matrix : gradients.matrices()) {
            double norm = Reference.globalNorm(List.of(matrix));
            CommonOps_DDRM.scale(0.8 / norm, matrix);
        }
        checkClipped(gradients, 1.0);

        // One large matrix and one tiny one: the tiny one shrinks by the same factor.
        NamedMatrices uneven = randomSet(512, 1.0, new int[] {5, 2}, new int[] {2, 1});
        CommonOps_DDRM.scale(1e-3, uneven.matrices().get(1));
        checkClipped(uneven, MAX_NORM);

        // A norm of 0.4 lies between maxNorm = 0.25 and its square root, 0.5, so comparing the
        // sum of squares with maxNorm would leave it unclipped.
        NamedMatrices between = randomSet(515, 1.0, new int[] {3, 2}, new int[] {2, 1});
        scaleToNorm(between, 0.4);
        checkClipped(between, MAX_NORM);
    }

    /** Scales every matrix of a set by one factor so that the global norm becomes the target. */
    private static void scaleToNorm(NamedMatrices gradients, double target) {
        double norm = Reference.globalNorm(gradients.matrices());
        for (DMatrixRMaj matrix : gradients.matrices()) {
            CommonOps_DDRM.scale(target / norm, matrix);
        }
    }

    private static void checkClipped(NamedMatrices gradients, double maxNorm) {
        NamedMatrices expected = gradients.copy();
        Reference.clipGlobalNorm(expected, maxNorm);
        double normBefore = Reference.globalNorm(gradients.matrices());

        Clipping.clipGlobalNorm(gradients, maxNorm);

        double normAfter = Reference.globalNorm(gradients.matrices());
        Feedback.assertNumber(E, "global norm after clipping a norm of "
                + Feedback.format(normBefore) + " to " + maxNorm, maxNorm, normAfter,
                CLIP_TOLERANCE, CLIP_HINT);
        assertSameMatrices("clipped gradient", expected, gradients, CLIP_TOLERANCE, CLIP_HINT);
    }

    @Test
    @Graded(exercise = E, points = 1)
    @DisplayName("clipping returns the norm and leaves small gradients alone")
    void clippingBelowMaximum() {
        NamedMatrices small = randomSet(513, 0.02, new int[] {3, 3}, new int[] {3, 1});
        NamedMatrices before = small.copy();
        double norm = Reference.globalNorm(small.matrices());

        double returned = Clipping.clipGlobalNorm(small, MAX_NORM);

        assertSameMatrices("gradient with global norm " + Feedback.format(norm) + " below 0.25",
                before, small, 0.0, CLIP_HINT + "; leave the gradients unchanged otherwise");
        // A norm summed in float precision is within about 1e-7 of the double one, so it passes.
        // Returning the norm after clipping is off by far more.
        Feedback.assertNumber(E, "value returned by clipGlobalNorm", norm, returned, 1e-6 * norm,
                "that clipGlobalNorm returns the global norm before clipping");

        // A norm of 3 is below maxNorm = 4 but its sum of squares, 9, is above it.
        NamedMatrices belowFour = randomSet(516, 1.0, new int[] {2, 2}, new int[] {2, 1});
        scaleToNorm(belowFour, 3.0);
        NamedMatrices belowFourBefore = belowFour.copy();
        Clipping.clipGlobalNorm(belowFour, 4.0);
        assertSameMatrices("gradient with global norm 3 and maxNorm 4", belowFourBefore,
                belowFour, 0.0, CLIP_HINT + "; compare the norm itself, not its square, with"
                        + " maxNorm");

        NamedMatrices large = randomSet(514, 1.0, new int[] {2, 3});
        double largeNorm = Reference.globalNorm(large.matrices());
        double largeReturned = Clipping.clipGlobalNorm(large, MAX_NORM);
        Feedback.assertNumber(E, "value returned when clipping a norm of "
                + Feedback.format(largeNorm), largeNorm, largeReturned, 1e-6 * largeNorm,
                "that clipGlobalNorm returns the global norm before clipping");
    }

    @Test
    @Graded(exercise = E, points = 2)
    @DisplayName("SGD moves against the gradient by the learning rate")
    void sgdStep() {
        for (double learningRate : new double[] {0.37, 2.0}) {
            NamedMatrices parameters = randomSet(521, 1.0, new int[] {3, 4}, new int[] {4, 1});
            NamedMatrices gradients = randomSet(522, 1.0, new int[] {3, 4}, new int[] {4, 1});
            NamedMatrices gradientsBefore = gradients.copy();
            NamedMatrices expected = parameters.copy();
            Reference.sgdStep(expected, gradients, learningRate);

            Sgd.step(parameters, gradients, learningRate);

            assertSameMatrices("parameter after one step with η = " + learningRate, expected,
                    parameters, 1e-14, SGD_HINT);
            assertSameMatrices("gradient after the step", gradientsBefore, gradients, 0.0,
                    "that Sgd.step does not change the gradients");
        }
    }

    @Test
    @Graded(exercise = E, points = 2)
    @DisplayName("an epoch clips each gradient, then takes an SGD step")
    void epochClipsThenSteps() {
        BigramModel expected = bigram();
        referenceEpoch(expected, examples(TRAINING_LENGTHS));
        BigramModel model = bigram();
        List<Example> training = examples(TRAINING_LENGTHS);

        Trainer.trainEpoch(model, training, options(1));

        checkTrainedOn(model, examples(TRAINING_LENGTHS), "in one epoch");
        assertSameMatrices("parameter after one epoch of 6 sequences", expected.parameters(),
                model.parameters(), CLIP_TOLERANCE, EPOCH_HINT);
    }

    @Test
    @Graded(exercise = E, points = 1)
    @DisplayName("an epoch returns the mean loss taken before each update")
    void epochReturnsMeanLossBeforeUpdates() {
        BigramModel reference = bigram();
        double expected = referenceEpoch(reference, examples(TRAINING_LENGTHS));
        double after = LabData.meanLoss(reference, examples(TRAINING_LENGTHS));
        BigramModel model = bigram();

        List<Example> training = examples(TRAINING_LENGTHS);

        double returned = Trainer.trainEpoch(model, training, options(1));

        String hint = "Trainer.trainEpoch: add up result.loss() of each sequence, taken from the"
                + " same lossAndGradients call as its update, and divide by the number of"
                + " sequences";
        if (Math.abs(returned - after) < 1e-9) {
            hint += "; this is the loss after the epoch's updates instead";
        } else if (Math.abs(returned - expected * TRAINING_LENGTHS.length) < 1e-9) {
            hint += "; this is the sum, not the mean";
        }
        Feedback.assertNumber(E, "mean training loss of one epoch", expected, returned,
                CLIP_TOLERANCE, hint);
    }

    @Test
    @Graded(exercise = E, points = 1)
    @DisplayName("train records each epoch and never trains on validation")
    void trainRecordsEpochs() {
        int epochs = 3;
        BigramModel reference = bigram();
        double[] trainingLosses = new double[epochs];
        double[] validationLosses = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            trainingLosses[epoch] = referenceEpoch(reference, examples(TRAINING_LENGTHS));
            validationLosses[epoch] = LabData.meanLoss(reference,
                    examples(VALIDATION_LENGTHS));
        }
        BigramModel model = bigram();
        List<String> reported = new ArrayList<>();
        List<Example> training = examples(TRAINING_LENGTHS);
        List<Example> validation = examples(VALIDATION_LENGTHS);

        History history = Trainer.train(model, training, validation, options(epochs),
                (result, total) -> reported.add(result.epoch() + "/" + total));

        List<Example> expectedCalls = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            expectedCalls.addAll(examples(TRAINING_LENGTHS));
        }
        checkTrainedOn(model, expectedCalls, "over 3 epochs");
        // Rounding differences of clipping (see CLIP_TOLERANCE) grow over the epochs, so the
        // losses are compared to 1e-5 of their size. Every mistake here is off by more than 1%.
        String historyHint = "Trainer.train: one EpochResult per epoch, numbered from 1, with"
                + " the mean training loss of trainEpoch and the mean validation loss"
                + " (Trainer.meanLoss) after that epoch's updates";
        check(history != null && history.epochs().size() == epochs, E,
                "epochs in the history of a 3-epoch run", "3",
                history == null ? "null" : String.valueOf(history.epochs().size()), historyHint);
        for (int epoch = 0; epoch < epochs; epoch++) {
            EpochResult result = history.epochs().get(epoch);
            check(result.epoch() == epoch + 1, E, "epoch number of history entry "
                    + (epoch + 1), String.valueOf(epoch + 1), String.valueOf(result.epoch()),
                    historyHint);
            Feedback.assertNumber(E, "training loss of epoch " + (epoch + 1),
                    trainingLosses[epoch], result.trainingLoss(),
                    1e-5 * trainingLosses[epoch], historyHint);
            Feedback.assertNumber(E, "validation loss of epoch " + (epoch + 1),
                    validationLosses[epoch], result.validationLoss(),
                    1e-5 * validationLosses[epoch], historyHint);
        }
        check(reported.equals(List.of("1/3", "2/3", "3/3")), E,
                "calls to the progress listener as epoch/total", "[1/3, 2/3, 3/3]",
                reported.toString(), "that train calls progress.epochFinished(result, epochs)"
                        + " once after each epoch");
        check(history.seconds() > 0 && history.seconds() < 600, E,
                "seconds recorded for three epochs", "a time above 0 s and below 600 s",
                Feedback.format(history.seconds()), "that train measures its wall time with"
                        + " System.nanoTime and reports it in seconds");
    }

    @Test
    @Graded(exercise = E, points = 1)
    @DisplayName("the same start gives the same history, bit for bit")
    void reproducible() {
        BigramModel first = bigram();
        BigramModel second = bigram();

        History firstHistory = Trainer.train(first, examples(TRAINING_LENGTHS),
                examples(VALIDATION_LENGTHS), options(2), ProgressListener.NONE);
        History secondHistory = Trainer.train(second, examples(TRAINING_LENGTHS),
                examples(VALIDATION_LENGTHS), options(2), ProgressListener.NONE);

        String hint = "that training uses no unseeded randomness (no shuffle with a new"
                + " Random or Math.random) and no parallel sums: the same model and data must"
                + " give the same numbers";
        double[] firstTraining = firstHistory.trainingLosses();
        double[] secondTraining = secondHistory.trainingLosses();
        check(Arrays.equals(firstTraining, secondTraining), E,
                "training losses of two identical runs", Arrays.toString(firstTraining),
                Arrays.toString(secondTraining), hint);
        double[] firstValidation = firstHistory.validationLosses();
        double[] secondValidation = secondHistory.validationLosses();
        check(Arrays.equals(firstValidation, secondValidation), E,
                "validation losses of two identical runs", Arrays.toString(firstValidation),
                Arrays.toString(secondValidation), hint);
        assertSameMatrices("parameter after two identical runs", first.parameters(),
                second.parameters(), 0.0, hint);
    }

    @Test
    @Graded(exercise = E, points = 1)
    @DisplayName("training an RNN gets well below the memory-less floor")
    void trainsBelowMemorylessFloor() {
        // The grader's own RNN (hidden size 16) trained by the submission's loop for 60 epochs
        // of 160 sequences at η = 0.1. No model can beat ln 11 ≈ 2.40 on this data, and a
        // model without memory cannot beat 5.41. A correct loop reaches about 3.2 with these
        // seeds, and below 4.1 for 97 of 100 other seeds. So the bound of 1 below the
        // memory-less floor leaves a margin of more than 1 for rounding differences. Only a
        // loop that trains the recurrent weights in the right direction reaches it.
        List<Example> training = LabData.examples(160, 1234);
        List<Example> validation = LabData.examples(20, 4321);
        ReferenceRnn rnn = new ReferenceRnn(16, LabData.VOCABULARY_SIZE, new Random(77));

        Trainer.train(rnn, training, validation, new TrainingOptions(60, 0.1, MAX_NORM),
                ProgressListener.NONE);

        double loss = LabData.meanLoss(rnn, validation);
        check(loss < LabData.MEMORYLESS_FLOOR - 1.0, E,
                "validation loss of an RNN after 60 epochs", "below "
                        + Feedback.format(LabData.MEMORYLESS_FLOOR - 1.0)
                        + " (the memory-less floor 5.41 minus 1)", Feedback.format(loss),
                EPOCH_HINT + "; the loop must update the model in place, every epoch");
    }

    /**
     * A bigram model whose losses turn to NaN after a given number of lossAndGradients calls, as
     * when a learning rate is far too high. Its gradients stay finite, so only the losses show
     * it. The probabilities turn to NaN too, so model.loss agrees with lossAndGradients, and in
     * the validation mode only they do.
     */
    private static final class FailingModel implements SequenceModel {

        private final BigramModel model = bigram();
        private final int healthyCalls;
        private final boolean failInValidation;
        private int calls;

        /**
         * @param healthyCalls the calls of lossAndGradients that give a normal loss
         * @param failInValidation whether only the probabilities turn to NaN, which leaves the
         *     loss of lossAndGradients finite
         */
        FailingModel(int healthyCalls, boolean failInValidation) {
            this.healthyCalls = healthyCalls;
            this.failInValidation = failInValidation;
        }

        @Override
        public String name() {
            return "failing";
        }

        @Override
        public int vocabularySize() {
            return model.vocabularySize();
        }

        @Override
        public NamedMatrices parameters() {
            return model.parameters();
        }

        @Override
        public List<DMatrixRMaj> probabilities(List<DMatrixRMaj> inputs) {
            List<DMatrixRMaj> outputs = model.probabilities(inputs);
            if (calls > healthyCalls) {
                outputs.forEach(output -> output.fill(Double.NaN));
            }
            return outputs;
        }

        @Override
        public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets) {
            LossAndGradients result = model.lossAndGradients(inputs, targets);
            calls++;
            return calls > healthyCalls && !failInValidation
                    ? new LossAndGradients(Double.NaN, result.gradients()) : result;
        }
    }

    @Test
    @Graded(exercise = E, points = 1)
    @DisplayName("bad settings are rejected; a diverging run stops and keeps its epochs")
    void rejectsBadInputAndStopsDivergence() {
        NamedMatrices parameters = randomSet(61, 1.0, new int[] {3, 2});
        NamedMatrices gradients = randomSet(62, 1.0, new int[] {3, 2});
        NamedMatrices mismatched = randomSet(63, 1.0, new int[] {2, 3});
        Feedback.assertRejected(E, "Sgd.step with a 2x3 gradient for a 3x2 parameter",
                () -> Sgd.step(parameters, mismatched, 0.1), "the shape check at the start of"
                        + " Sgd.step", "3x2", "2x3");
        Feedback.assertRejected(E, "Sgd.step(parameters, gradients, 0)",
                () -> Sgd.step(parameters, gradients, 0), "the learning-rate check at the"
                        + " start of Sgd.step", "learningRate", "0");
        Feedback.assertRejected(E, "Sgd.step(parameters, gradients, -0.1)",
                () -> Sgd.step(parameters, gradients, -0.1), "the learning-rate check at the"
                        + " start of Sgd.step", "learningRate", "-0.1");
        Feedback.assertRejected(E, "Clipping.clipGlobalNorm(gradients, 0)",
                () -> Clipping.clipGlobalNorm(gradients, 0), "the check of maxNorm at the start"
                        + " of Clipping.clipGlobalNorm", "maxNorm", "0");
        Feedback.assertRejected(E, "Trainer.train with no training sequences",
                () -> Trainer.train(bigram(), List.of(), examples(VALIDATION_LENGTHS),
                        options(1), ProgressListener.NONE), "the check at the start of"
                        + " Trainer.train", "training", "0");
        check(Double.isNaN(Trainer.meanLoss(bigram(), List.of())), E,
                "Trainer.meanLoss of no sequences", "NaN", "a number", "Trainer.meanLoss");

        // A model whose validation loss turns to NaN after its second epoch must stop too.
        FailingModel failingValidation = new FailingModel(TRAINING_LENGTHS.length, true);
        try {
            Trainer.train(failingValidation, examples(TRAINING_LENGTHS),
                    examples(VALIDATION_LENGTHS), options(4), ProgressListener.NONE);
            throw Feedback.failure(E, "a run whose validation loss is NaN from epoch 2",
                    "TrainingDivergedException", "a finished run", "Trainer.train, which"
                            + " watches the validation loss when there is validation data");
        } catch (TrainingDivergedException e) {
            check(e.history() != null && e.history().epochs().size() == 1, E,
                    "epochs kept when validation fails in epoch 2", "1 finished epoch",
                    e.history() == null ? "null" : e.history().epochs().size() + " epochs",
                    "Trainer.train");
        }

        // Two healthy epochs of six sequences, then NaN losses from the third epoch on.
        FailingModel model = new FailingModel(2 * TRAINING_LENGTHS.length, false);
        List<String> reported = new ArrayList<>();
        String hint = "Trainer.trainEpoch returns the mean of the losses lossAndGradients"
                + " reports, so that a NaN loss reaches Trainer.train, which stops with a"
                + " TrainingDivergedException";
        try {
            Trainer.train(model, examples(TRAINING_LENGTHS), examples(VALIDATION_LENGTHS),
                    options(5), (result, total) -> reported.add(result.epoch() + "/" + total));
            throw Feedback.failure(E, "a run whose loss is NaN from epoch 3",
                    "TrainingDivergedException", "a finished run", hint);
        } catch (TrainingDivergedException e) {
            String message = String.valueOf(e.getMessage());
            check(message.contains("epoch 3") && message.contains("learning rate"), E,
                    "message of the divergence", "the epoch (3) and the learning rate",
                    "\"" + message + "\"", hint);
            check(e.history() != null && e.history().epochs().size() == 2, E,
                    "epochs kept by the divergence", "2 finished epochs",
                    e.history() == null ? "null" : e.history().epochs().size() + " epochs",
                    hint);
            check(reported.equals(List.of("1/5", "2/5")), E, "progress reported before the"
                    + " divergence", "[1/5, 2/5]", reported.toString(), hint);
        }
    }
}
