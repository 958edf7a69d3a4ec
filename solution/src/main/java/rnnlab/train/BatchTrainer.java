package rnnlab.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import rnnlab.batch.BatchModel;
import rnnlab.batch.SequenceBatch;
import rnnlab.data.Example;
import rnnlab.model.LossAndGradients;
import rnnlab.model.SequenceModel;

/**
 * The training loop on mini-batches (exercise G): the loop of {@link Trainer} with one update
 * per batch of B sequences instead of one per sequence.
 *
 * <p>The training sequences are cut into batches of B in their given order, and the last
 * batch contains the rest, so it may be smaller. For each batch, the gradient of the summed
 * loss is divided by the number of sequences in the batch, so that the update follows the mean
 * gradient. It is then clipped to one global norm and applied by SGD. Losses keep the lab's
 * units: the sum of cross-entropy over a sequence's steps, averaged over sequences. With B = 1
 * the history is the same as {@link Trainer}'s, bit for bit.
 */
public final class BatchTrainer {

    private BatchTrainer() {
    }

    /**
     * Trains a hand-written model in place on mini-batches.
     *
     * @param model an {@code Rnn} or an {@code Lstm}; its parameters are updated
     * @param training the sequences to learn from, at least one
     * @param validation the sequences to measure after each epoch; may be empty
     * @param batchSize B, the number of sequences per update, at least 1
     * @return the loss of every epoch and the wall time
     * @throws IllegalArgumentException if the model has no batched form, the training list is
     *     empty or the batch size is below 1
     * @throws TrainingDivergedException under the same rule as {@link Trainer#train}; its
     *     history keeps the finished epochs
     */
    public static History train(SequenceModel model, List<Example> training,
            List<Example> validation, TrainingOptions options, int batchSize,
            ProgressListener progress) {
        if (training.isEmpty()) {
            throw new IllegalArgumentException("training: expected at least 1 sequence but was 0;"
                    + " use more sequences");
        }
        BatchModel batched = BatchModel.of(model);
        List<SequenceBatch> trainingBatches = batches(training, batchSize);
        List<SequenceBatch> validationBatches = batches(validation, batchSize);
        List<Example> watched = validation.isEmpty() ? training : validation;
        EpochRecorder recorder = new EpochRecorder(model.name(), options.epochs(),
                Trainer.meanLoss(model, watched), !validation.isEmpty(),
                String.format("learning rate %g and batch size %d", options.learningRate(),
                        batchSize), progress);
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            double trainingLoss = trainEpoch(batched, trainingBatches, options);
            recorder.record(epoch, trainingLoss, meanLoss(batched, validationBatches));
        }
        return recorder.history();
    }

    /**
     * Cuts examples into batches of {@code batchSize} in their given order. The last batch
     * contains the rest.
     *
     * @return the batches, empty for no examples
     * @throws IllegalArgumentException if the batch size is below 1
     */
    public static List<SequenceBatch> batches(List<Example> examples, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: expected 1 or more but was "
                    + batchSize);
        }
        List<SequenceBatch> batches = new ArrayList<>();
        for (int first = 0; first < examples.size(); first += batchSize) {
            int end = Math.min(first + batchSize, examples.size());
            batches.add(SequenceBatch.of(examples.subList(first, end)));
        }
        return batches;
    }

    /**
     * Runs one epoch: one averaged, clipped SGD step per batch, in the given order.
     *
     * @return the mean loss of the sequences, each taken before its batch's update
     */
    public static double trainEpoch(BatchModel model, List<SequenceBatch> batches,
            TrainingOptions options) {
        double sum = 0;
        int sequences = 0;
        for (SequenceBatch batch : batches) {
            sequences += batch.size();
            // BEGIN EXERCISE G: run the batched forward and backward pass (model.lossAndGradients).
            //     Divide every gradient by batch.size() with CommonOps_DDRM.scale, so that the
            //     step follows the mean gradient. Then clip and step as in Trainer.trainEpoch, and
            //     add the batch's summed loss to sum.
            LossAndGradients result = model.lossAndGradients(batch);
            for (DMatrixRMaj gradient : result.gradients().matrices()) {
                CommonOps_DDRM.scale(1.0 / batch.size(), gradient);
            }
            Clipping.clipGlobalNorm(result.gradients(), options.maxGradientNorm());
            Sgd.step(model.parameters(), result.gradients(), options.learningRate());
            sum += result.loss();
            // END EXERCISE G
        }
        return sum / sequences;
    }

    /**
     * Returns the mean loss per sequence over some batches without changing the model; NaN for
     * none.
     */
    public static double meanLoss(BatchModel model, List<SequenceBatch> batches) {
        double sum = 0;
        int sequences = 0;
        for (SequenceBatch batch : batches) {
            for (double loss : model.sequenceLosses(batch)) {
                sum += loss;
            }
            sequences += batch.size();
        }
        return sequences == 0 ? Double.NaN : sum / sequences;
    }
}
