package rnnlab.data;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * One-hot encoding of tokens and sequences (exercise A): with the {@link Vocabulary}, the lab's
 * encoder.
 */
public final class OneHot {

    private OneHot() {
    }

    /**
     * Encodes one index as a column vector with a single 1.
     *
     * @return vocabularySize×1, 1 at {@code index} and 0 elsewhere
     * @throws IllegalArgumentException if the index is outside 0..vocabularySize-1
     */
    public static DMatrixRMaj encode(int index, int vocabularySize) {
        if (index < 0 || index >= vocabularySize) {
            throw new IllegalArgumentException("index: expected 0 to " + (vocabularySize - 1)
                    + " but was " + index);
        }
        // BEGIN EXERCISE A: make a vocabularySize×1 column (new DMatrixRMaj(rows, cols) is all
        //     zeros), set entry (index, 0) to 1 and return it.
        DMatrixRMaj vector = new DMatrixRMaj(vocabularySize, 1);
        vector.set(index, 0, 1.0);
        return vector;
        // END EXERCISE A
    }

    /**
     * Encodes a sequence of words, one column vector per time step; unknown words become the
     * one-hot of {@code UNK}.
     *
     * @return a list of sequence.size() vectors, each vocabulary.size()×1
     */
    public static List<DMatrixRMaj> encodeSequence(List<String> sequence, Vocabulary vocabulary) {
        List<DMatrixRMaj> encoded = new ArrayList<>(sequence.size());
        for (String word : sequence) {
            // BEGIN EXERCISE A: add the one-hot vector of the word's index to encoded;
            //     vocabulary.indexOf already maps an unknown word to UNK's index.
            encoded.add(encode(vocabulary.indexOf(word), vocabulary.size()));
            // END EXERCISE A
        }
        return encoded;
    }
}
