package rnnlab.train;

import java.util.List;
import rnnlab.data.Example;
import rnnlab.model.LossAndGradients;
import rnnlab.model.SequenceModel;

/**
 * The training loop (exercise E), shared by the RNN and the LSTM: one sequence at a time,
 * forward and backward pass, global-norm clipping, an SGD step, and a validation loss after
 * every epoch. The sequences are visited in their given order, so the same model, data and
 * options always give the same history, bit for bit.
 */
public final class Trainer {

    private Trainer() {
    }

    /**
     * Trains a model in place.
     *
     * @param model its parameters are updated
     * @param training the sequences to learn from, at least one
     * @param validation the sequences to measure after each epoch; may be empty
     * @return the loss of every epoch and the wall time
     * @throws TrainingDivergedException if a loss becomes NaN, infinite, or more than ten times
     *     the untrained model's; its history keeps the finished epochs
     */
    public static History train(SequenceModel model, List<Example> training,
            List<Example> validation, TrainingOptions options, ProgressListener progress) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("training: expected at least 1 sequence but was 0;"
                    + " use more sequences");
        }
        List<Example> watched = validation.isEmpty() ? training : validation;
        EpochRecorder recorder = new EpochRecorder(model.name(), options.epochs(),
                meanLoss(model, watched), !validation.isEmpty(),
                String.format("learning rate %g", options.learningRate()), progress);
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            double trainingLoss = trainEpoch(model, training, options);
            recorder.record(epoch, trainingLoss, meanLoss(model, validation));
        }
        return recorder.history();
    }

    /**
     * Runs one epoch of SGD over the training sequences.
     *
     * @return the mean loss of the sequences, each taken before its own update
     */
    public static double trainEpoch(SequenceModel model, List<Example> training,
            TrainingOptions options) {
        double sum = 0;
        for (Example example : training) {
            // TODO Exercise E: run the forward and backward pass (model.lossAndGradients), clip
            //     the gradients to options.maxGradientNorm(), take an SGD step on
            //     model.parameters() with options.learningRate(), and add the loss to sum.
            throw new UnsupportedOperationException(
                    "Exercise E (training loop) is not implemented yet");
        }
        return sum / training.size();
    }

    /** Returns the mean loss over some sequences without changing the model; NaN for none. */
    public static double meanLoss(SequenceModel model, List<Example> examples) {
        if (examples.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (Example example : examples) {
            sum += model.loss(example.inputs(), example.targets());
        }
        return sum / examples.size();
    }
}
