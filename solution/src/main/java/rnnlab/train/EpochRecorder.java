package rnnlab.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Records the epochs of one training run: it checks each epoch for divergence, reports it to
 * the progress listener and builds the history. The per-sequence, mini-batch and DJL training
 * loops share it, so they stop under one rule with one message.
 *
 * <p>The rule: training has diverged when the training loss or the watched loss is NaN or
 * infinite, or when the watched loss exceeds ten times the untrained model's. The watched loss
 * is the validation loss when there is validation data, and the training loss otherwise.
 */
public final class EpochRecorder {

    /**
     * A watched loss this many times the untrained model's counts as divergence. An untrained
     * model is close to a uniform guess, so a trained one far above it has gone wrong.
     */
    public static final double DIVERGENCE_FACTOR = 10.0;

    private final String modelName;
    private final int epochs;
    private final double limit;
    private final boolean watchesValidation;
    private final String settings;
    private final ProgressListener progress;
    private final List<EpochResult> results;
    private final long start = System.nanoTime();

    /**
     * Starts the record of a run.
     *
     * @param modelName the name the history and the messages use
     * @param epochs the number of epochs the run will train
     * @param untrainedLoss the mean loss of the watched sequences before training
     * @param watchesValidation whether the run has validation data, whose loss is then watched
     * @param settings the optimizer settings for the divergence message, such as
     *     "learning rate 0.05"
     * @param progress notified after each recorded epoch
     */
    public EpochRecorder(String modelName, int epochs, double untrainedLoss,
            boolean watchesValidation, String settings, ProgressListener progress) {
        this.modelName = modelName;
        this.epochs = epochs;
        this.limit = DIVERGENCE_FACTOR * untrainedLoss;
        this.watchesValidation = watchesValidation;
        this.settings = settings;
        this.progress = progress;
        this.results = new ArrayList<>(epochs);
    }

    /**
     * Adds one epoch and reports it to the progress listener.
     *
     * @param validationLoss NaN when the run has no validation data
     * @throws TrainingDivergedException if the epoch's losses show divergence; its history
     *     keeps the epochs recorded before this one
     */
    public void record(int epoch, double trainingLoss, double validationLoss) {
        EpochResult result = new EpochResult(epoch, trainingLoss, validationLoss);
        double watched = watchesValidation ? validationLoss : trainingLoss;
        if (!Double.isFinite(trainingLoss) || !Double.isFinite(watched) || watched > limit) {
            throw new TrainingDivergedException(String.format("%s training diverged at epoch"
                    + " %d: training loss %.4g, validation loss %.4g (limit %.4g, ten times the"
                    + " untrained loss) with %s; lower the learning rate (--lr)", modelName,
                    epoch, trainingLoss, validationLoss, limit, settings), history());
        }
        results.add(result);
        progress.epochFinished(result, epochs);
    }

    /** Returns the epochs recorded so far and the wall time since the record started. */
    public History history() {
        return new History(modelName, results, (System.nanoTime() - start) / 1e9);
    }
}
