package rnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rnnlab.math.Matrices;

@DisplayName("data")
class DataTests {

    @Nested
    @DisplayName("a^n b^n generator")
    class Generator {

        @Test
        @DisplayName("same seed gives the same sequences")
        void sameSeed() {
            assertThat(AnBn.generate(50, 7)).isEqualTo(AnBn.generate(50, 7));
        }

        @Test
        @DisplayName("another seed gives other sequences")
        void otherSeed() {
            assertThat(AnBn.generate(50, 7)).isNotEqualTo(AnBn.generate(50, 8));
        }

        @Test
        @DisplayName("every sequence is a^n b^n EOS with n in 1..11, and every n occurs")
        void shapeOfSequences() {
            List<List<String>> sequences = AnBn.generate(2000, 3);

            assertThat(sequences).hasSize(2000);
            boolean[] seen = new boolean[AnBn.MAX_N + 1];
            for (List<String> sequence : sequences) {
                int n = (sequence.size() - 1) / 2;
                assertThat(n).isBetween(1, AnBn.MAX_N);
                assertThat(sequence).isEqualTo(AnBn.sequence(n));
                seen[n] = true;
            }
            assertThat(IntStream.rangeClosed(1, AnBn.MAX_N).allMatch(n -> seen[n])).isTrue();
        }

        @Test
        @DisplayName("a^2 b^2 EOS has five tokens")
        void oneSequence() {
            assertThat(AnBn.sequence(2)).containsExactly("a", "a", "b", "b", "EOS");
        }

        @Test
        @DisplayName("a negative count is rejected")
        void negativeCount() {
            assertThatThrownBy(() -> AnBn.generate(-1, 0))
                    .hasMessage("sequence count: expected 0 or more but was -1");
        }
    }

    @Nested
    @Tag("exercise-A")
    @DisplayName("vocabulary")
    class VocabularyRules {

        @Test
        @DisplayName("the lab's data gives a, b, EOS, UNK")
        void labData() {
            Vocabulary vocabulary = Vocabulary.fromSequences(AnBn.generate(256, 42));

            assertThat(vocabulary.words()).containsExactly("a", "b", "EOS", "UNK");
        }

        @Test
        @DisplayName("ties keep the order of first appearance")
        void tiesInFirstAppearanceOrder() {
            Vocabulary vocabulary = Vocabulary.fromSequences(List.of(List.of("b", "a", "EOS")));

            assertThat(vocabulary.indexOf("b")).isZero();
            assertThat(vocabulary.indexOf("a")).isEqualTo(1);
            assertThat(vocabulary.indexOf("EOS")).isEqualTo(2);
            assertThat(vocabulary.indexOf("UNK")).isEqualTo(3);
        }

        @Test
        @DisplayName("more frequent words come first")
        void frequencyOrder() {
            Vocabulary vocabulary = Vocabulary.fromSequences(
                    List.of(List.of("x", "y", "y"), List.of("z", "y", "z")));

            assertThat(vocabulary.words()).containsExactly("y", "z", "x", "UNK");
        }

        @Test
        @DisplayName("an unknown word maps to UNK and is not added")
        void unknownWord() {
            Vocabulary vocabulary = Vocabulary.fromSequences(List.of(List.of("a", "b", "EOS")));

            assertThat(vocabulary.indexOf("c")).isEqualTo(3);
            assertThat(vocabulary.size()).isEqualTo(4);
            assertThat(vocabulary.indexOf("c")).isEqualTo(3);
        }

        @Test
        @DisplayName("an unknown index maps to \"UNK\"")
        void unknownIndex() {
            Vocabulary vocabulary = Vocabulary.fromSequences(List.of(List.of("a", "b", "EOS")));

            assertThat(vocabulary.wordAt(99)).isEqualTo("UNK");
            assertThat(vocabulary.wordAt(-1)).isEqualTo("UNK");
        }

        @Test
        @DisplayName("a UNK in the data is counted once, last")
        void unkInData() {
            Vocabulary vocabulary = Vocabulary.fromSequences(
                    List.of(List.of("UNK", "a", "UNK", "UNK", "b", "a")));

            assertThat(vocabulary.words()).containsExactly("a", "b", "UNK");
            assertThat(vocabulary.unknownIndex()).isEqualTo(2);
        }

        @Test
        @DisplayName("words round-trip through their indices")
        void roundTrip() {
            Vocabulary vocabulary = Vocabulary.fromSequences(AnBn.generate(20, 1));

            for (String word : vocabulary.words()) {
                assertThat(vocabulary.wordAt(vocabulary.indexOf(word))).isEqualTo(word);
            }
        }
    }

    @Nested
    @DisplayName("split 80/10/10")
    class Split {

        @ParameterizedTest(name = "{0} sequences: {1} / {2} / {3}")
        @CsvSource({"256, 204, 25, 25", "5, 4, 0, 0", "9, 7, 0, 0", "10, 8, 1, 1",
                "20, 16, 2, 2", "0, 0, 0, 0"})
        @DisplayName("sizes round down and never wrap")
        void sizes(int count, int training, int validation, int test) {
            DatasetSplit split = DatasetSplit.of(AnBn.generate(count, 1));

            assertThat(split.training()).hasSize(training);
            assertThat(split.validation()).hasSize(validation);
            assertThat(split.test()).hasSize(test);
        }

        @Test
        @DisplayName("test takes the last sequences, validation follows training")
        void order() {
            List<List<String>> sequences = AnBn.generate(256, 5);
            DatasetSplit split = DatasetSplit.of(sequences);

            assertThat(split.training()).isEqualTo(sequences.subList(0, 204));
            assertThat(split.validation()).isEqualTo(sequences.subList(204, 229));
            assertThat(split.test()).isEqualTo(sequences.subList(231, 256));
        }
    }

    @Nested
    @Tag("exercise-A")
    @DisplayName("one-hot encoding")
    class Encoding {

        /** Returns the vocabulary a, b, EOS, UNK, built in each test that needs it. */
        private Vocabulary vocabulary() {
            return Vocabulary.fromSequences(List.of(List.of("a", "b", "EOS")));
        }

        @Test
        @DisplayName("a token becomes a column with one 1")
        void token() {
            DMatrixRMaj vector = OneHot.encode(2, 4);

            assertThat(vector.numRows).isEqualTo(4);
            assertThat(vector.numCols).isEqualTo(1);
            assertThat(vector.data).containsExactly(0, 0, 1, 0);
        }

        @Test
        @DisplayName("each word's one-hot vector has its 1 at the word's index")
        void wordRoundTrip() {
            Vocabulary vocabulary = vocabulary();

            for (String word : vocabulary.words()) {
                DMatrixRMaj vector = OneHot.encode(vocabulary.indexOf(word), vocabulary.size());

                assertThat(vocabulary.wordAt(Matrices.argmax(vector))).as("decoded %s", word)
                        .isEqualTo(word);
                assertThat(vector.data).as("entries of %s", word).containsOnly(0.0, 1.0);
                assertThat(Matrices.sumOfSquares(vector)).as("number of 1s for %s", word)
                        .isEqualTo(1.0);
            }
        }

        @Test
        @DisplayName("an index out of range is rejected")
        void indexOutOfRange() {
            assertThatThrownBy(() -> OneHot.encode(4, 4))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("index: expected 0 to 3 but was 4");
        }

        @Test
        @DisplayName("a sequence becomes one column per word, unknown words as UNK")
        void sequence() {
            List<DMatrixRMaj> encoded = OneHot.encodeSequence(List.of("b", "zzz", "a"),
                    vocabulary());

            assertThat(encoded).hasSize(3);
            assertThat(encoded.get(0).data).containsExactly(0, 1, 0, 0);
            assertThat(encoded.get(1).data).containsExactly(0, 0, 0, 1);
            assertThat(encoded.get(2).data).containsExactly(1, 0, 0, 0);
        }

        @Test
        @DisplayName("an example shifts targets by one")
        void example() {
            Example example = Example.of(AnBn.sequence(2), vocabulary());

            assertThat(example.inputIndices()).containsExactly(0, 0, 1, 1);
            assertThat(example.targets()).containsExactly(0, 1, 1, 2);
            assertThat(example.inputs()).hasSize(4);
            assertThat(example.length()).isEqualTo(4);
        }

        @Test
        @DisplayName("a one-word sequence cannot make an example")
        void tooShort() {
            assertThatThrownBy(() -> Example.of(List.of("a"), vocabulary()))
                    .hasMessage("sequence: expected at least 2 words but was [a]");
        }
    }
}
