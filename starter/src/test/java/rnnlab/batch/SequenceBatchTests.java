package rnnlab.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rnnlab.testing.Fixtures;

@Tag("exercise-G")
@DisplayName("sequence batch")
class SequenceBatchTests {

    /** Four sequences over V = 3 of lengths 2, 5, 5 and 1, in that order. */
    private static SequenceBatch fourSequences() {
        List<List<DMatrixRMaj>> inputs = List.of(
                Fixtures.oneHots(new int[] {0, 1}, 3),
                Fixtures.oneHots(new int[] {1, 1, 1, 1, 1}, 3),
                Fixtures.oneHots(new int[] {2, 2, 2, 2, 2}, 3),
                Fixtures.oneHots(new int[] {0}, 3));
        List<int[]> targets = List.of(new int[] {1, 2}, new int[] {0, 1, 2, 0, 1},
                new int[] {2, 1, 0, 2, 1}, new int[] {2});
        return SequenceBatch.of(inputs, targets);
    }

    @Nested
    @DisplayName("layout")
    class Layout {

        @Test
        @DisplayName("longest first, equal lengths in their given order")
        void longestFirst() {
            SequenceBatch batch = fourSequences();

            assertThat(batch.size()).isEqualTo(4);
            assertThat(batch.steps()).as("steps, the longest length").isEqualTo(5);
            for (int j = 0; j < 4; j++) {
                assertThat(batch.sequenceIndex(j)).as("sequence in column %d", j)
                        .isEqualTo(new int[] {1, 2, 0, 3}[j]);
                assertThat(batch.length(j)).as("length of column %d", j)
                        .isEqualTo(new int[] {5, 5, 2, 1}[j]);
            }
            assertThat(batch.positions()).as("real positions, 2 + 5 + 5 + 1").isEqualTo(13);
        }

        @Test
        @DisplayName("step t keeps the k_t sequences longer than t")
        void activeCounts() {
            SequenceBatch batch = fourSequences();

            for (int t = 0; t < 5; t++) {
                int expected = new int[] {4, 3, 2, 2, 2}[t];
                assertThat(batch.activeCount(t)).as("k_%d", t).isEqualTo(expected);
                assertThat(batch.inputs(t).numCols).as("columns of X_%d", t).isEqualTo(expected);
                assertThat(batch.targets(t)).as("targets of step %d", t).hasSize(expected);
            }
        }

        @Test
        @DisplayName("column j of X_t and target j of step t belong to the sequence in column j")
        void columnsFollowSequences() {
            SequenceBatch batch = fourSequences();

            // Column 2 is sequence 0, with inputs 0, 1 and targets 1, 2.
            assertThat(batch.inputs(0).get(0, 2)).as("X_0[a, column 2]").isEqualTo(1.0);
            assertThat(batch.inputs(1).get(1, 2)).as("X_1[b, column 2]").isEqualTo(1.0);
            assertThat(batch.targets(1)[2]).as("target of step 1, column 2").isEqualTo(2);
            // Column 1 is sequence 2, whose inputs are all 2.
            assertThat(batch.inputs(4).get(2, 1)).as("X_4[EOS, column 1]").isEqualTo(1.0);
            assertThat(batch.targets(4)).as("targets of step 4").containsExactly(1, 1);
        }
    }

    @Nested
    @DisplayName("checks")
    class Checks {

        @Test
        @DisplayName("an empty batch is rejected")
        void empty() {
            assertThatThrownBy(() -> SequenceBatch.of(List.of(), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("batch: expected at least 1 sequence but was 0");
        }

        @Test
        @DisplayName("a target out of range names the sequence and the step")
        void targetOutOfRange() {
            List<List<DMatrixRMaj>> inputs = List.of(Fixtures.oneHots(new int[] {0}, 3),
                    Fixtures.oneHots(new int[] {0, 1, 2}, 3));
            List<int[]> targets = List.of(new int[] {1}, new int[] {1, 2, 7});

            assertThatThrownBy(() -> SequenceBatch.of(inputs, targets))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sequence 1: targets[2]: expected 0 to 2 but was 7");
        }

        @Test
        @DisplayName("an input of another vocabulary size names the sequence and the step")
        void mixedVocabularies() {
            List<List<DMatrixRMaj>> inputs = List.of(Fixtures.oneHots(new int[] {0, 1}, 3),
                    List.of(new DMatrixRMaj(3, 1), new DMatrixRMaj(4, 1)));
            List<int[]> targets = List.of(new int[] {1, 2}, new int[] {1, 2});

            assertThatThrownBy(() -> SequenceBatch.of(inputs, targets))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sequence 1: inputs[1]: expected 3x1 but was 4x1");
        }

        @Test
        @DisplayName("a length of 0 or beyond the padded sequence is rejected")
        void invalidLength() {
            List<List<DMatrixRMaj>> inputs = List.of(Fixtures.oneHots(new int[] {0, 1}, 3));
            List<int[]> targets = List.of(new int[] {1, 2});

            assertThatThrownBy(() -> SequenceBatch.padded(inputs, targets, new int[] {0}))
                    .hasMessage("sequence 0: expected a length of 1 to 2 but was 0");
            assertThatThrownBy(() -> SequenceBatch.padded(inputs, targets, new int[] {3}))
                    .hasMessage("sequence 0: expected a length of 1 to 2 but was 3");
        }

        @Test
        @DisplayName("padding is not checked, because it is never read")
        void paddingNotRead() {
            List<List<DMatrixRMaj>> inputs = List.of(List.of(Fixtures.oneHots(new int[] {2}, 3)
                    .get(0), new DMatrixRMaj(9, 9)));
            List<int[]> targets = List.of(new int[] {1, -5});

            SequenceBatch batch = SequenceBatch.padded(inputs, targets, new int[] {1});

            assertThat(batch.steps()).isEqualTo(1);
            assertThat(batch.targets(0)).containsExactly(1);
        }

        @Test
        @DisplayName("lists of different sizes are rejected")
        void mismatchedLists() {
            Random random = new Random(3);
            BatchFixtures.Sequences sequences = BatchFixtures.oneHot(3, new int[] {2, 2},
                    random);

            assertThatThrownBy(() -> SequenceBatch.of(sequences.inputs(),
                    sequences.targets().subList(0, 1)))
                    .hasMessage("batch: expected as many target arrays and lengths as sequences"
                            + " (2) but were 1 and 2");
        }
    }
}
