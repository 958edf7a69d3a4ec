package rnnlab.grader.hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import rnnlab.data.Example;
import rnnlab.model.SequenceModel;

/**
 * Sequences of {@code a^n b^n EOS} and their examples, made by the grader with the fixed
 * numbering a = 0, b = 1, EOS = 2, UNK = 3. Tests of training use these instead of the
 * submission's generator, vocabulary and one-hot encoder, so that those cannot change the data.
 */
final class LabData {

    /** The vocabulary size: a, b, EOS and UNK. */
    static final int VOCABULARY_SIZE = 4;

    /** The largest n of the lab's language. */
    static final int MAX_N = 11;

    /** ln 11 ≈ 2.398: no model can beat it, because only n is uncertain. */
    static final double OPTIMAL_FLOOR = Math.log(MAX_N);

    /**
     * 2 (5 ln(66/55) + ln 6) ≈ 5.407: the best loss of a model that predicts from the current
     * token alone. A validation loss clearly below it shows that the model uses its memory.
     */
    static final double MEMORYLESS_FLOOR = 2 * (5 * Math.log(66.0 / 55) + Math.log(6));

    private LabData() {
    }

    /** Returns {@code count} examples with n drawn uniformly from 1..11 by a seeded generator. */
    static List<Example> examples(int count, long seed) {
        Random random = new Random(seed);
        List<Example> examples = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            examples.add(example(1 + random.nextInt(MAX_N)));
        }
        return examples;
    }

    /** Returns the example of {@code a^n b^n EOS}: inputs drop EOS, targets drop the first a. */
    static Example example(int n) {
        List<String> words = new ArrayList<>();
        int[] indices = new int[2 * n + 1];
        for (int k = 0; k < n; k++) {
            words.add("a");
            indices[k] = 0;
        }
        for (int k = n; k < 2 * n; k++) {
            words.add("b");
            indices[k] = 1;
        }
        words.add("EOS");
        indices[2 * n] = 2;
        int[] inputIndices = new int[2 * n];
        int[] targets = new int[2 * n];
        List<DMatrixRMaj> inputs = new ArrayList<>();
        for (int t = 0; t < 2 * n; t++) {
            inputIndices[t] = indices[t];
            targets[t] = indices[t + 1];
            inputs.add(Reference.oneHot(indices[t], VOCABULARY_SIZE));
        }
        return new Example(List.copyOf(words), inputs, inputIndices, targets);
    }

    /** Returns the mean loss of a model over examples, computed from its probabilities. */
    static double meanLoss(SequenceModel model, List<Example> examples) {
        double sum = 0;
        for (Example example : examples) {
            sum += Reference.crossEntropy(model.probabilities(example.inputs()),
                    example.targets());
        }
        return sum / examples.size();
    }
}
