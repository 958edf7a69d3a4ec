package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.data.OneHot;
import rnnlab.data.Vocabulary;
import rnnlab.grader.Graded;

/** Exercise A: the vocabulary and one-hot encoding. */
@DisplayName("A: vocabulary and one-hot encoding")
public class ExerciseATests {

    private static final String A = "A";

    private static final String TIES = "the order of ties: words that occur equally often keep"
            + " the order in which they first appear (count into a LinkedHashMap, then sort"
            + " stably by descending count), and UNK comes last";

    /** Builds a vocabulary and returns its words in index order. */
    /** Returns the words of a vocabulary in index order, read through wordAt. */
    private static List<String> wordsOf(Vocabulary vocabulary) {
        List<String> words = new ArrayList<>();
        for (int index = 0; index < vocabulary.size(); index++) {
            words.add(vocabulary.wordAt(index));
        }
        return words;
    }

    private static void checkWords(List<List<String>> sequences, List<String> expected,
            String hint) {
        Vocabulary vocabulary = Vocabulary.fromSequences(sequences);
        List<String> found = wordsOf(vocabulary);
        check(found.equals(expected), A, "words by index for the sequences " + sequences,
                expected.toString(), found.toString(), hint);
        check(found.equals(vocabulary.words()), A, "words() for the sequences " + sequences,
                found + ", the same order as wordAt", String.valueOf(vocabulary.words()),
                "that words() returns the list wordAt reads from");
    }

    @Test
    @Graded(exercise = A, points = 2)
    @DisplayName("ties keep the order of first appearance")
    void tiesKeepFirstAppearance() {
        // A HashMap iterates these as owl, ant, cat, dog and a TreeMap as ant, cat, dog, owl.
        checkWords(List.of(List.of("dog", "cat", "owl", "ant")),
                List.of("dog", "cat", "owl", "ant", "UNK"), TIES);
        checkWords(List.of(List.of("EOS", "b", "a"), List.of("a", "b", "EOS")),
                List.of("EOS", "b", "a", "UNK"), TIES);
        // Ties at two different counts: x, q and w twice each, then p once.
        checkWords(List.of(List.of("x", "q", "q", "w"), List.of("w", "x", "p")),
                List.of("x", "q", "w", "p", "UNK"), TIES);
        // Counts above 127: boxed Integers of equal value are then different objects, so a
        // comparison with == (not equals or Integer.compare) breaks these ties.
        List<List<String>> repeated = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            repeated.add(List.of("x", "y", "z"));
        }
        repeated.add(List.of("z"));
        checkWords(repeated, List.of("z", "x", "y", "UNK"), TIES + ". Compare counts with"
                + " Integer.compare or equals: == on two Integers above 127 compares objects");
    }

    @Test
    @Graded(exercise = A, points = 2)
    @DisplayName("more frequent words get smaller indices")
    void frequencyOrder() {
        String hint = "the sort: descending count over all sequences, so the most frequent word"
                + " has index 0";
        checkWords(List.of(List.of("one"), List.of("two", "two"),
                List.of("three", "three", "three")), List.of("three", "two", "one", "UNK"),
                hint);
        // a^3 b^3 EOS, a^1 b^1 EOS, a^2 b^2 EOS: a and b tie at 6, EOS has 3.
        checkWords(List.of(List.of("a", "a", "a", "b", "b", "b", "EOS"),
                List.of("a", "b", "EOS"), List.of("a", "a", "b", "b", "EOS")),
                List.of("a", "b", "EOS", "UNK"), hint);
        checkWords(List.of(List.of("k", "m"), List.of("m", "n", "n"), List.of("n")),
                List.of("n", "m", "k", "UNK"), hint);
        checkWords(List.of(List.of("cat", "UNK", "dog", "cat"), List.of("UNK", "UNK")),
                List.of("cat", "dog", "UNK"), "that UNK comes last and once, even when the data"
                        + " contains it: skip it while counting or ordering, then append it");
    }

    @Test
    @Graded(exercise = A, points = 2)
    @DisplayName("unknown words map to UNK and are not added")
    void unknownWordsMapToUnk() {
        Vocabulary vocabulary = Vocabulary.fromSequences(List.of(List.of("cat", "dog", "cat")));
        String hint = "indexOf: a word that is not in the vocabulary returns the index of UNK"
                + " (the last index) and never changes the vocabulary";

        // Indices are read from the vocabulary itself, so that this test does not depend on
        // the order of cat and dog, which other tests check.
        List<String> wordsBefore = wordsOf(vocabulary);

        for (String word : List.of("bird", "Cat", "", "fish", " cat", "dog ")) {
            int index = vocabulary.indexOf(word);
            check(index == 2, A, "indexOf(\"" + word + "\") with 3 words, UNK last", "2",
                    String.valueOf(index), hint);
        }
        check(vocabulary.size() == 3, A, "size after looking up unknown words", "3",
                String.valueOf(vocabulary.size()), hint);
        List<String> wordsAfter = wordsOf(vocabulary);
        check(wordsAfter.equals(wordsBefore), A, "words after looking up unknown words",
                wordsBefore.toString(), wordsAfter.toString(), hint);
        check(vocabulary.indexOf("UNK") == 2, A, "indexOf(\"UNK\")", "2",
                String.valueOf(vocabulary.indexOf("UNK")), hint);
        // Words split from text are new String objects, equal to the literals but not the same.
        for (String word : "dog cat".split(" ")) {
            int index = vocabulary.indexOf(word);
            int literal = vocabulary.indexOf(word.intern());
            check(index == literal, A, "indexOf(\"" + word + "\") for a word split from text",
                    String.valueOf(literal), String.valueOf(index), "that words are compared"
                            + " with equals or looked up in a map, never with ==");
        }
        int[] indices = vocabulary.indicesOf(List.of("dog", "bird", "cat", "dog"));
        int dog = vocabulary.indexOf("dog");
        int[] expected = {dog, 2, vocabulary.indexOf("cat"), dog};
        check(Arrays.equals(indices, expected), A, "indicesOf([dog, bird, cat, dog])",
                Arrays.toString(expected), Arrays.toString(indices), hint);
    }

    @Test
    @Graded(exercise = A, points = 1)
    @DisplayName("indices outside the vocabulary map to \"UNK\"")
    void unknownIndicesMapToUnk() {
        Vocabulary vocabulary = Vocabulary.fromSequences(List.of(List.of("cat", "dog", "cat")));
        String hint = "wordAt: an index outside 0..size-1 returns \"UNK\" rather than throwing";

        int cat = vocabulary.indexOf("cat");
        check("cat".equals(vocabulary.wordAt(cat)), A, "wordAt(indexOf(\"cat\"))", "cat",
                vocabulary.wordAt(cat), hint);
        for (int index : new int[] {3, 99, -1, Integer.MAX_VALUE}) {
            String word;
            try {
                word = vocabulary.wordAt(index);
            } catch (IndexOutOfBoundsException e) {
                word = "an exception, " + e;
            }
            check("UNK".equals(word), A, "wordAt(" + index + ") with 3 words", "UNK", word,
                    hint);
        }
    }

    @Test
    @Graded(exercise = A, points = 1)
    @DisplayName("a token becomes a column with a single 1")
    void tokenOneHot() {
        String hint = "OneHot.encode: a new vocabularySize×1 matrix, 1 at the index, 0 elsewhere";
        int[][] cases = {{0, 1}, {3, 7}, {6, 7}, {2, 5}};
        for (int[] c : cases) {
            int index = c[0];
            int size = c[1];
            DMatrixRMaj vector = OneHot.encode(index, size);
            DMatrixRMaj expected = Reference.oneHot(index, size);
            Feedback.assertMatrix(A, "encode(" + index + ", " + size + ")", expected, vector,
                    0.0, hint);
            // A caller may change the vector it got; the next call must not see that.
            vector.fill(7.0);
            Feedback.assertMatrix(A, "encode(" + index + ", " + size + ") after the caller"
                    + " changed the previous result", expected, OneHot.encode(index, size), 0.0,
                    hint + "; return a new matrix on every call, never a cached one");
        }
    }

    @Test
    @Graded(exercise = A, points = 1)
    @DisplayName("the last valid index is encoded and indices out of range are rejected")
    void indexOutOfRangeRejected() {
        String hint = "OneHot.encode: reject an index outside 0..vocabularySize-1 with an"
                + " IllegalArgumentException that shows the index";
        DMatrixRMaj last = OneHot.encode(4, 5);
        check(last.numRows == 5 && last.numCols == 1 && last.get(4, 0) == 1.0, A,
                "encode(4, 5)", "a 5x1 column with 1 in row 4", Feedback.shape(last)
                        + " with entry (4, 0) = " + (last.numRows > 4 ? last.get(4, 0) : "none"),
                "new DMatrixRMaj(vocabularySize, 1) and set(index, 0, 1)");
        int[][] cases = {{5, 5}, {-1, 5}, {12, 5}, {0, 0}};
        for (int[] c : cases) {
            String call = "encode(" + c[0] + ", " + c[1] + ")";
            String found;
            try {
                DMatrixRMaj vector = OneHot.encode(c[0], c[1]);
                found = "a " + Feedback.shape(vector) + " matrix";
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage());
                check(message.contains(String.valueOf(c[0])), A, call + " message",
                        "a message that shows the index " + c[0], "\"" + message + "\"", hint);
                continue;
            } catch (UnsupportedOperationException e) {
                throw e;
            } catch (RuntimeException e) {
                found = e.getClass().getSimpleName();
            }
            throw Feedback.failure(A, call, "IllegalArgumentException", found, hint);
        }
    }

    @Test
    @Graded(exercise = A, points = 1)
    @DisplayName("a sequence becomes one column per word, unknown words as UNK")
    void sequenceOneHot() {
        Vocabulary vocabulary = Feedback.call(A, () -> Vocabulary.fromSequences(
                List.of(List.of("cat", "dog", "cat"))));
        List<String> sequence = List.of("dog", "bird", "cat", "dog", "cat");
        // The vocabulary's own indices, so that this test does not depend on its order.
        int dog = vocabulary.indexOf("dog");
        int cat = vocabulary.indexOf("cat");
        int[] expectedIndices = {dog, vocabulary.size() - 1, cat, dog, cat};
        String hint = "OneHot.encodeSequence: one vocabularySize×1 one-hot column per word, in"
                + " order, with vocabulary.indexOf mapping unknown words to UNK";

        List<DMatrixRMaj> encoded = OneHot.encodeSequence(sequence, vocabulary);

        check(encoded != null && encoded.size() == sequence.size(), A,
                "number of columns for " + sequence, String.valueOf(sequence.size()),
                encoded == null ? "null" : String.valueOf(encoded.size()), hint);
        for (int t = 0; t < sequence.size(); t++) {
            Feedback.assertMatrix(A, "column " + t + " (\"" + sequence.get(t) + "\") of "
                    + sequence, Reference.oneHot(expectedIndices[t], 3), encoded.get(t), 0.0,
                    hint);
        }
    }
}
