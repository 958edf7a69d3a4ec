package rnnlab.train;

/** Receives each epoch's losses as training goes; the trainer itself never prints. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every epoch. */
    ProgressListener NONE = (result, totalEpochs) -> { };

    /** Called once after each epoch. */
    void epochFinished(EpochResult result, int totalEpochs);
}
