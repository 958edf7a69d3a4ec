package rnnlab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping between words and indices (exercise A).
 *
 * <p>Words are numbered by descending frequency in the training sequences; words that occur
 * equally often keep the order in which they first appear, so the numbering never depends on a
 * hash map's iteration order. {@link #UNK} comes last and stands for every word the sequences do
 * not contain. The vocabulary is immutable: looking up an unknown word never adds it.
 */
public final class Vocabulary {

    /** The word that stands for any word outside the vocabulary. */
    public static final String UNK = "UNK";

    private final List<String> words;
    private final Map<String, Integer> indices;

    private Vocabulary(List<String> words) {
        this.words = List.copyOf(words);
        Map<String, Integer> byWord = new HashMap<>();
        for (int index = 0; index < words.size(); index++) {
            byWord.put(words.get(index), index);
        }
        this.indices = Collections.unmodifiableMap(byWord);
    }

    /**
     * Builds the vocabulary of a list of sequences: most frequent word first, ties in order of
     * first appearance, then {@code UNK}.
     */
    public static Vocabulary fromSequences(List<List<String>> sequences) {
        // BEGIN EXERCISE A: count every word of every sequence, sort the words by descending
        //     count so that ties keep their order of first appearance, then append UNK last and
        //     return new Vocabulary(orderedWords). Skip any UNK in the data, so UNK appears once.
        // A LinkedHashMap remembers first appearance; the stable sort keeps it for ties.
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<String> sequence : sequences) {
            for (String word : sequence) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        List<String> ordered = new ArrayList<>(counts.keySet());
        ordered.remove(UNK);
        ordered.sort((left, right) -> Integer.compare(counts.get(right), counts.get(left)));
        ordered.add(UNK);
        return new Vocabulary(ordered);
        // END EXERCISE A
    }

    /** Returns the index of a word, or the index of {@code UNK} for a word not in the vocabulary. */
    public int indexOf(String word) {
        // BEGIN EXERCISE A: look the word up in the indices map; a word it does not contain
        //     gets unknownIndex(). Never add the word.
        Integer index = indices.get(word);
        return index != null ? index : unknownIndex();
        // END EXERCISE A
    }

    /** Returns the word at an index, or {@code "UNK"} for an index outside 0..size-1. */
    public String wordAt(int index) {
        // BEGIN EXERCISE A: return the entry of the words list for 0 <= index < size(), and UNK
        //     for any other index, negative ones included.
        return index >= 0 && index < words.size() ? words.get(index) : UNK;
        // END EXERCISE A
    }

    /** Returns the number of words, {@code UNK} included. */
    public int size() {
        return words.size();
    }

    /** Returns the index of {@code UNK}, always the last one. */
    public int unknownIndex() {
        return words.size() - 1;
    }

    /** Returns the words in index order, {@code UNK} last. */
    public List<String> words() {
        return words;
    }

    /** Maps every word of a sequence to its index. */
    public int[] indicesOf(List<String> sequence) {
        int[] result = new int[sequence.size()];
        for (int t = 0; t < result.length; t++) {
            result[t] = indexOf(sequence.get(t));
        }
        return result;
    }

    @Override
    public String toString() {
        return "Vocabulary" + words;
    }
}
