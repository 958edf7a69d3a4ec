package rnnlab.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rnnlab.batch.BatchFixtures.Sequences;
import rnnlab.lstm.Lstm;
import rnnlab.lstm.LstmParameters;
import rnnlab.model.LossAndGradients;
import rnnlab.testing.Fixtures;

@Tag("exercise-G")
@DisplayName("batched LSTM")
class BatchLstmTests {

    /**
     * Returns Gaussian weights and biases; with scale 1.2 the gates reach pre-activations
     * beyond |1|, where σ and tanh bend.
     */
    private static LstmParameters randomParameters(int hidden, int vocabulary, double scale,
            Random random) {
        LstmParameters parameters = LstmParameters.zeros(hidden, vocabulary);
        Fixtures.randomize(parameters.matrices(), scale, random);
        return parameters;
    }

    @Nested
    @DisplayName("gradients agree with central differences")
    class Gradients {

        @ParameterizedTest(name = "{0}")
        @MethodSource("rnnlab.batch.BatchFixtures#sizes")
        @DisplayName("one-hot inputs, sequences of different lengths")
        void oneHotInputs(String name, int hidden, int vocabulary, int[] lengths, long seed) {
            Random random = new Random(seed);
            LstmParameters parameters = randomParameters(hidden, vocabulary, 1.2, random);
            SequenceBatch batch = BatchFixtures.oneHot(vocabulary, lengths, random).batch();

            BatchFixtures.assertMatchesCentralDifferences(new BatchLstm(parameters), batch);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("rnnlab.batch.BatchFixtures#sizes")
        @DisplayName("dense inputs, sequences of different lengths")
        void denseInputs(String name, int hidden, int vocabulary, int[] lengths, long seed) {
            Random random = new Random(seed + 100);
            LstmParameters parameters = randomParameters(hidden, vocabulary, 0.8, random);
            SequenceBatch batch = BatchFixtures.dense(vocabulary, lengths, random).batch();

            BatchFixtures.assertMatchesCentralDifferences(new BatchLstm(parameters), batch);
        }
    }

    @Nested
    @DisplayName("the numbers of one sequence at a time")
    class SameAsOneSequence {

        @ParameterizedTest(name = "{0}")
        @MethodSource("rnnlab.batch.BatchFixtures#sizes")
        @DisplayName("a batch of one gives Lstm's loss and gradients bit for bit")
        void batchOfOne(String name, int hidden, int vocabulary, int[] lengths, long seed) {
            Random random = new Random(seed + 200);
            LstmParameters parameters = randomParameters(hidden, vocabulary, 1.2, random);
            Sequences sequences = BatchFixtures.oneHot(vocabulary, lengths, random);

            for (int b = 0; b < sequences.size(); b++) {
                List<DMatrixRMaj> inputs = sequences.inputs().get(b);
                int[] targets = sequences.targets().get(b);
                LossAndGradients batched = new BatchLstm(parameters).lossAndGradients(
                        SequenceBatch.of(List.of(inputs), List.of(targets)));
                LossAndGradients alone = new Lstm(parameters).lossAndGradients(inputs, targets);

                String what = "sequence " + b + " of length " + lengths[b] + " as a batch of one";
                assertThat(batched.loss()).as("loss of " + what).isEqualTo(alone.loss());
                BatchFixtures.assertIdentical(what, alone.gradients(), batched.gradients());
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("rnnlab.batch.BatchFixtures#sizes")
        @DisplayName("a batch gives the sums of the sequences' losses and gradients")
        void sumOfSequences(String name, int hidden, int vocabulary, int[] lengths, long seed) {
            Random random = new Random(seed + 300);
            LstmParameters parameters = randomParameters(hidden, vocabulary, 1.2, random);
            Sequences sequences = BatchFixtures.oneHot(vocabulary, lengths, random);

            LossAndGradients batched = new BatchLstm(parameters).lossAndGradients(
                    sequences.batch());

            Lstm lstm = new Lstm(parameters);
            LstmParameters summed = LstmParameters.zeros(hidden, vocabulary);
            double loss = 0;
            for (int b = 0; b < sequences.size(); b++) {
                LossAndGradients alone = lstm.lossAndGradients(sequences.inputs().get(b),
                        sequences.targets().get(b));
                loss += alone.loss();
                for (int k = 0; k < summed.matrices().size(); k++) {
                    CommonOps_DDRM.addEquals(summed.matrices().get(k),
                            alone.gradients().matrices().get(k));
                }
            }
            assertThat(batched.loss()).as("Σ_b loss_b").isCloseTo(loss, within(1e-10));
            assertThat(BatchFixtures.maxDifference(summed, batched.gradients()))
                    .as("largest |batch gradient - Σ_b gradient_b| over every entry")
                    .isLessThan(1e-10);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("rnnlab.batch.BatchFixtures#sizes")
        @DisplayName("sequence losses come back in the order the sequences were given")
        void sequenceLossesInGivenOrder(String name, int hidden, int vocabulary, int[] lengths,
                long seed) {
            Random random = new Random(seed + 400);
            LstmParameters parameters = randomParameters(hidden, vocabulary, 1.2, random);
            Sequences sequences = BatchFixtures.oneHot(vocabulary, lengths, random);

            double[] losses = new BatchLstm(parameters).sequenceLosses(sequences.batch());

            for (int b = 0; b < sequences.size(); b++) {
                double alone = new Lstm(parameters).loss(sequences.inputs().get(b),
                        sequences.targets().get(b));
                assertThat(losses[b]).as("loss of sequence %d (length %d)", b, lengths[b])
                        .isCloseTo(alone, within(1e-10));
            }
        }

        @Test
        @DisplayName("column j of Y_t is y_t of the sequence in column j")
        void forwardColumns() {
            Random random = new Random(17);
            LstmParameters parameters = randomParameters(5, 4, 1.2, random);
            Sequences sequences = BatchFixtures.oneHot(4, new int[] {2, 6, 4}, random);
            SequenceBatch batch = sequences.batch();

            List<BatchLstm.Step> steps = new BatchLstm(parameters).forward(batch);

            Lstm lstm = new Lstm(parameters);
            for (int j = 0; j < batch.size(); j++) {
                int b = batch.sequenceIndex(j);
                List<DMatrixRMaj> expected = lstm.probabilities(sequences.inputs().get(b));
                for (int t = 0; t < expected.size(); t++) {
                    DMatrixRMaj y = steps.get(t).probabilities();
                    for (int row = 0; row < 4; row++) {
                        assertThat(y.get(row, j)).as("Y_%d[%d, %d], sequence %d", t, row, j, b)
                                .isCloseTo(expected.get(t).get(row, 0), within(1e-13));
                    }
                }
            }
        }
    }

    @Nested
    @DisplayName("padding")
    class Padding {

        @ParameterizedTest(name = "{0}")
        @MethodSource("rnnlab.batch.BatchFixtures#sizes")
        @DisplayName("appending padding changes no loss and no gradient")
        void paddingIsMasked(String name, int hidden, int vocabulary, int[] lengths,
                long seed) {
            Random random = new Random(seed + 500);
            LstmParameters parameters = randomParameters(hidden, vocabulary, 1.2, random);
            Sequences sequences = BatchFixtures.oneHot(vocabulary, lengths, random);
            Sequences padded = BatchFixtures.padded(sequences, 15, vocabulary, random);
            BatchLstm model = new BatchLstm(parameters);

            LossAndGradients unpadded = model.lossAndGradients(sequences.batch());
            LossAndGradients masked = model.lossAndGradients(SequenceBatch.padded(
                    padded.inputs(), padded.targets(), lengths));

            assertThat(masked.loss()).as("loss with padding to 15 steps").isEqualTo(
                    unpadded.loss());
            BatchFixtures.assertIdentical("with padding to 15 steps", unpadded.gradients(),
                    masked.gradients());
        }

        @Test
        @DisplayName("a short sequence gets no gradient from the steps after its end")
        void finishedSequenceGetsNoCarry() {
            // Alone, the short sequence's dW_f depends only on its own two steps. Next to a long
            // sequence, dW_f of the pair minus dW_f of the long one alone must be the same. A
            // carry, δh or δc, leaking from step 3 into the short sequence's column would change
            // it.
            Random random = new Random(23);
            LstmParameters parameters = randomParameters(4, 3, 1.2, random);
            Sequences pair = BatchFixtures.oneHot(3, new int[] {2, 6}, random);
            BatchLstm model = new BatchLstm(parameters);

            LstmParameters both = (LstmParameters) model.lossAndGradients(pair.batch())
                    .gradients();
            LstmParameters longOne = (LstmParameters) model.lossAndGradients(SequenceBatch.of(
                    List.of(pair.inputs().get(1)), List.of(pair.targets().get(1)))).gradients();
            LstmParameters shortOne = (LstmParameters) model.lossAndGradients(SequenceBatch.of(
                    List.of(pair.inputs().get(0)), List.of(pair.targets().get(0)))).gradients();

            DMatrixRMaj difference = new DMatrixRMaj(4, 7);
            CommonOps_DDRM.subtract(both.wForget(), longOne.wForget(), difference);
            for (int k = 0; k < difference.getNumElements(); k++) {
                assertThat(difference.data[k]).as("dW_f[%d] of the short sequence", k)
                        .isCloseTo(shortOne.wForget().data[k], within(1e-12));
            }
        }
    }

    @Nested
    @DisplayName("shape errors")
    class ShapeErrors {

        @Test
        @DisplayName("a batch of another vocabulary size is rejected")
        void wrongVocabulary() {
            LstmParameters parameters = LstmParameters.zeros(2, 4);
            SequenceBatch batch = BatchFixtures.oneHot(3, new int[] {2, 1}, new Random(1))
                    .batch();

            assertThatThrownBy(() -> new BatchLstm(parameters).lossAndGradients(batch))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs[0]: expected 4x2 but was 3x2");
        }
    }
}
