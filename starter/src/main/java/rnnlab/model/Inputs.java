package rnnlab.model;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.math.Matrices;

/** Checks on the input sequence that every model shares. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * Checks that a sequence has at least one step and that each step is a vocabularySize×1
     * vector.
     *
     * @throws IllegalArgumentException naming the first step with the wrong shape
     */
    public static void require(List<DMatrixRMaj> inputs, int vocabularySize) {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs: expected at least 1 time step but was 0");
        }
        for (int t = 0; t < inputs.size(); t++) {
            Matrices.requireShape("inputs[" + t + "]", inputs.get(t), vocabularySize, 1);
        }
    }
}
