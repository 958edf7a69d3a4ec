package rnnlab.eval;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.data.Example;
import rnnlab.math.Matrices;
import rnnlab.model.SequenceModel;

/**
 * Predictions and accuracy on the positions where the next token is determined.
 *
 * <p>In {@code a^n b^n EOS} the next token after an {@code a} is a guess (another {@code a} or
 * the first {@code b}), but once a {@code b} has been read the rest follows from the count of
 * {@code a}s. Accuracy is therefore measured at the positions from the first {@code b} in the
 * input to the end; in {@code a^n b^n} these are the positions whose input is {@code b}. A
 * model with perfect memory scores 100% there.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** Returns the index of the most likely next token at every step of a sequence. */
    public static int[] predict(SequenceModel model, Example example) {
        List<DMatrixRMaj> probabilities = model.probabilities(example.inputs());
        int[] predicted = new int[probabilities.size()];
        for (int t = 0; t < predicted.length; t++) {
            predicted[t] = Matrices.argmax(probabilities.get(t));
        }
        return predicted;
    }

    /**
     * Returns the share of determined positions predicted correctly, from 0 to 1, or NaN when
     * the examples have no such position.
     *
     * @param determinedIndex the vocabulary index of {@code b}: positions from its first
     *     occurrence in the input onward are scored
     */
    public static double determinedAccuracy(SequenceModel model, List<Example> examples,
            int determinedIndex) {
        int correct = 0;
        int scored = 0;
        for (Example example : examples) {
            int[] predicted = predict(model, example);
            boolean determined = false;
            for (int t = 0; t < predicted.length; t++) {
                determined |= example.inputIndices()[t] == determinedIndex;
                if (determined) {
                    scored++;
                    if (predicted[t] == example.targets()[t]) {
                        correct++;
                    }
                }
            }
        }
        return scored == 0 ? Double.NaN : (double) correct / scored;
    }
}
