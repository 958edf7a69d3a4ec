package rnnlab.data;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * One training example: a sequence without its last token as input, and the same sequence
 * without its first token as targets, so that target t is the token after input t.
 *
 * @param words the whole sequence, for printing
 * @param inputs one-hot column vectors, one per input token
 * @param inputIndices the vocabulary index of each input token
 * @param targets the vocabulary index of each target token
 */
public record Example(List<String> words, List<DMatrixRMaj> inputs, int[] inputIndices,
        int[] targets) {

    /**
     * Encodes a sequence of at least two words.
     *
     * @throws IllegalArgumentException if the sequence has fewer than two words
     */
    public static Example of(List<String> sequence, Vocabulary vocabulary) {
        if (sequence.size() < 2) {
            throw new IllegalArgumentException("sequence: expected at least 2 words but was "
                    + sequence);
        }
        List<String> inputWords = sequence.subList(0, sequence.size() - 1);
        List<String> targetWords = sequence.subList(1, sequence.size());
        return new Example(List.copyOf(sequence), OneHot.encodeSequence(inputWords, vocabulary),
                vocabulary.indicesOf(inputWords), vocabulary.indicesOf(targetWords));
    }

    /** Encodes every sequence of a list. */
    public static List<Example> allOf(List<List<String>> sequences, Vocabulary vocabulary) {
        List<Example> examples = new ArrayList<>(sequences.size());
        for (List<String> sequence : sequences) {
            examples.add(of(sequence, vocabulary));
        }
        return examples;
    }

    /** Returns the number of time steps, the length of the input. */
    public int length() {
        return targets.length;
    }
}
