package rnnlab.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The losses of a training run, one entry per epoch, and its wall time.
 *
 * @param modelName the model's short name, such as {@code rnn}
 * @param epochs one result per finished epoch, in order
 * @param seconds the wall time of the training loop
 */
public record History(String modelName, List<EpochResult> epochs, double seconds) {

    public History {
        epochs = Collections.unmodifiableList(new ArrayList<>(epochs));
    }

    /** Returns the last epoch's result. */
    public EpochResult last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("history of " + modelName + " has no epochs");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** Returns the training losses in epoch order. */
    public double[] trainingLosses() {
        return epochs.stream().mapToDouble(EpochResult::trainingLoss).toArray();
    }

    /** Returns the validation losses in epoch order. */
    public double[] validationLosses() {
        return epochs.stream().mapToDouble(EpochResult::validationLoss).toArray();
    }
}
