package rnnlab.generate;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.data.AnBn;
import rnnlab.data.OneHot;
import rnnlab.data.Vocabulary;
import rnnlab.math.Matrices;
import rnnlab.model.SequenceModel;

/**
 * Greedy generation (exercise F): after the prompt, the most likely next token is chosen,
 * appended, and fed back in as a one-hot vector, until {@code EOS} or a maximum length.
 *
 * <p>The chosen token is fed back as its one-hot vector, never as the softmax output, because
 * the network only ever saw one-hot inputs in training.
 */
public final class Generator {

    private Generator() {
    }

    /**
     * Continues a prompt greedily.
     *
     * @param model a trained model whose vocabulary size matches the vocabulary
     * @param vocabulary maps the prompt's words to indices; unknown words become {@code UNK}
     * @param prompt at least one word
     * @param maxTokens the most tokens to generate, at least 1
     * @return the generated tokens only, ending with {@code EOS} unless maxTokens was reached
     * @throws IllegalArgumentException if the prompt is empty, maxTokens is below 1, or the
     *     model and vocabulary sizes differ
     */
    public static List<String> greedy(SequenceModel model, Vocabulary vocabulary,
            List<String> prompt, int maxTokens) {
        if (prompt.isEmpty()) {
            throw new IllegalArgumentException("prompt: expected at least 1 word but was empty");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens: expected 1 or more but was "
                    + maxTokens);
        }
        if (model.vocabularySize() != vocabulary.size()) {
            throw new IllegalArgumentException("vocabulary: expected " + model.vocabularySize()
                    + " words to match the model but was " + vocabulary.size());
        }

        List<DMatrixRMaj> inputs = new ArrayList<>(OneHot.encodeSequence(prompt, vocabulary));
        List<String> generated = new ArrayList<>();
        while (generated.size() < maxTokens) {
            // BEGIN EXERCISE F: run the model over inputs, pick the index of the largest entry of
            //     the last step's output (Matrices.argmax), append its word to generated, stop
            //     after EOS, and otherwise append the index's one-hot vector to inputs.
            List<DMatrixRMaj> probabilities = model.probabilities(inputs);
            int next = Matrices.argmax(probabilities.get(probabilities.size() - 1));
            String word = vocabulary.wordAt(next);
            generated.add(word);
            if (word.equals(AnBn.EOS)) {
                break;
            }
            inputs.add(OneHot.encode(next, vocabulary.size()));
            // END EXERCISE F
        }
        return generated;
    }
}
