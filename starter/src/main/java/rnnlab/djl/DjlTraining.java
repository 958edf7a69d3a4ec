package rnnlab.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import rnnlab.data.Example;
import rnnlab.train.EpochRecorder;
import rnnlab.train.History;
import rnnlab.train.ProgressListener;
import rnnlab.train.TrainingDivergedException;

/**
 * The DJL training loop (exercise L). For one sequence at a time it runs the forward pass,
 * softmax cross-entropy on the logits, the backward pass and an Adam step, and after every
 * epoch it measures the validation loss.
 *
 * <p>Losses are in the hand-written models' units, so the histories can be compared: the sum
 * over time steps of a sequence's cross-entropy, averaged over sequences.
 */
public final class DjlTraining {

    private DjlTraining() {
    }

    /**
     * Trains a model in place with Adam, visiting the training sequences in their given order.
     *
     * @param model its weights are updated
     * @param training the sequences to learn from, at least one
     * @param validation the sequences to measure after each epoch; may be empty
     * @return the loss of every epoch and the wall time, under the model's name
     * @throws IllegalArgumentException if there are no training sequences
     * @throws TrainingDivergedException if a loss becomes NaN, infinite, or more than ten times
     *     the untrained model's; its history keeps the finished epochs
     */
    public static History train(DjlSequenceModel model, List<Example> training,
            List<Example> validation, DjlTrainingOptions options, ProgressListener progress) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("training: expected at least 1 sequence but was 0;"
                    + " use more sequences");
        }
        List<Example> watched = validation.isEmpty() ? training : validation;
        EpochRecorder recorder = new EpochRecorder(model.name(), options.epochs(),
                meanLoss(model, watched), !validation.isEmpty(),
                String.format("Adam learning rate %g", options.learningRate()), progress);
        try (Trainer trainer = newTrainer(model, options)) {
            for (int epoch = 1; epoch <= options.epochs(); epoch++) {
                double trainingLoss = trainEpoch(trainer, model.vocabularySize(), training);
                recorder.record(epoch, trainingLoss, meanLoss(model, validation));
            }
        }
        return recorder.history();
    }

    /**
     * Creates a trainer with the loss and the optimizer, built once so that Adam keeps its
     * moment estimates from step to step.
     */
    private static Trainer newTrainer(DjlSequenceModel model, DjlTrainingOptions options) {
        // TODO Exercise L: Adam with a fixed learning rate (Optimizer.adam() and
        //     Tracker.fixed), a DefaultTrainingConfig with a SoftmaxCrossEntropyLoss, and
        //     model.model().newTrainer(config).
        throw new UnsupportedOperationException(
                "Exercise L (DJL training loop) is not implemented yet");
    }

    /**
     * Runs one epoch: an Adam step after each sequence.
     *
     * @return the mean loss of the sequences, each taken before its own update
     */
    static double trainEpoch(Trainer trainer, int vocabularySize, List<Example> training) {
        double sum = 0;
        for (Example example : training) {
            // TODO Exercise L: in a sub-manager of trainer.getManager(), encode the example
            //     (SequenceArrays.inputs and targets), then inside trainer.newGradientCollector()
            //     run trainer.forward, compute sequenceLoss, call backward and add the loss to
            //     sum; after the collector closes, call trainer.step().
            throw new UnsupportedOperationException(
                    "Exercise L (DJL training loop) is not implemented yet");
        }
        return sum / training.size();
    }

    /** Returns the mean loss over some sequences without changing the model; NaN for none. */
    public static double meanLoss(DjlSequenceModel model, List<Example> examples) {
        if (examples.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (Example example : examples) {
            sum += model.loss(example.inputs(), example.targets());
        }
        return sum / examples.size();
    }

    /**
     * Computes the loss of one sequence in the lab's units. The time steps become the rows of a
     * (T, vocabularySize) matrix, the layout a classification loss takes. DJL's softmax
     * cross-entropy averages over the rows, so the mean is multiplied back by T to give
     * Σ_t -ln y_t[target_t].
     *
     * @param loss a softmax cross-entropy that takes logits and class indices
     * @param logits (1, T, vocabularySize), a batch of one sequence
     * @param targets (1, T), the index of the next token at each step
     * @return a scalar, attached to the logits' manager
     */
    static NDArray sequenceLoss(Loss loss, NDArray logits, NDArray targets) {
        // TODO Exercise L: reshape logits to (T, V) rows and targets to T labels, evaluate the
        //     loss on them (labels first), and multiply DJL's mean by T.
        throw new UnsupportedOperationException(
                "Exercise L (DJL training loop) is not implemented yet");
    }
}
