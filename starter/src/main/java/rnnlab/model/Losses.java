package rnnlab.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/** The lab's loss: cross-entropy summed over the time steps of a sequence. */
public final class Losses {

    /**
     * The smallest probability the logarithm sees, so that a target given probability 0 costs
     * about 708 rather than infinity.
     */
    private static final double MIN_PROBABILITY = Double.MIN_NORMAL;

    private Losses() {
    }

    /**
     * Returns {@code Σ_t -ln y_t[target_t]}. Only the target's entry is logged, so a certain and
     * correct prediction costs exactly 0.
     *
     * @param probabilities one softmax vector per time step, not modified
     * @param targets one index per time step
     * @throws IllegalArgumentException if the lengths differ or a target is out of range
     */
    public static double crossEntropy(List<DMatrixRMaj> probabilities, int[] targets) {
        if (probabilities.isEmpty()) {
            throw new IllegalArgumentException("probabilities: expected at least 1 time step but"
                    + " was 0");
        }
        requireTargets(targets, probabilities.size(), probabilities.get(0).getNumElements());
        double loss = 0;
        for (int t = 0; t < targets.length; t++) {
            double p = probabilities.get(t).get(targets[t], 0);
            loss -= Math.log(Math.max(p, MIN_PROBABILITY));
        }
        return loss;
    }

    /**
     * Checks that there is one target per time step and that each is a valid index.
     *
     * @throws IllegalArgumentException naming the length or the first invalid target
     */
    public static void requireTargets(int[] targets, int steps, int vocabularySize) {
        if (targets.length != steps) {
            throw new IllegalArgumentException("targets: expected " + steps
                    + " (one per input) but was " + targets.length);
        }
        for (int t = 0; t < targets.length; t++) {
            if (targets[t] < 0 || targets[t] >= vocabularySize) {
                throw new IllegalArgumentException("targets[" + t + "]: expected 0 to "
                        + (vocabularySize - 1) + " but was " + targets[t]);
            }
        }
    }
}
