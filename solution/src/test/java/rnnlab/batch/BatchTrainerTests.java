package rnnlab.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rnnlab.data.AnBn;
import rnnlab.data.DatasetSplit;
import rnnlab.data.Example;
import rnnlab.data.Vocabulary;
import rnnlab.eval.LossFloors;
import rnnlab.lstm.Lstm;
import rnnlab.model.LossAndGradients;
import rnnlab.model.SequenceModel;
import rnnlab.rnn.Rnn;
import rnnlab.rnn.RnnParameters;
import rnnlab.testing.Fixtures;
import rnnlab.train.BatchTrainer;
import rnnlab.train.History;
import rnnlab.train.ProgressListener;
import rnnlab.train.Trainer;
import rnnlab.train.TrainingDivergedException;
import rnnlab.train.TrainingOptions;

@Tag("exercise-G")
@DisplayName("mini-batch training")
class BatchTrainerTests {

    /** The data of the one-sequence training tests: 200 sequences of seed 11, 80/10/10. */
    private record Data(Vocabulary vocabulary, List<Example> training,
            List<Example> validation) {

        static Data build() {
            List<List<String>> sequences = AnBn.generate(200, 11);
            Vocabulary vocabulary = Vocabulary.fromSequences(sequences);
            DatasetSplit split = DatasetSplit.of(sequences);
            return new Data(vocabulary, Example.allOf(split.training(), vocabulary),
                    Example.allOf(split.validation(), vocabulary));
        }
    }

    /** Returns examples of the given lengths over V = 3, built without the vocabulary. */
    private static List<Example> examples(int... lengths) {
        Random random = new Random(31);
        List<Example> examples = new ArrayList<>();
        for (int length : lengths) {
            int[] indices = Fixtures.randomIndices(length, 3, random);
            examples.add(new Example(List.of(), Fixtures.oneHots(indices, 3), indices,
                    Fixtures.randomIndices(length, 3, random)));
        }
        return examples;
    }

    /**
     * A batched model with one-entry weights whose k-th call returns the summed loss k × B and
     * the summed gradient dU = 0.2 × B, so its mean over the batch is 0.2 whatever B is.
     */
    private static final class ScriptedBatchModel implements BatchModel {

        private final RnnParameters parameters = RnnParameters.zeros(1, 1);
        private final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public int vocabularySize() {
            return 3;
        }

        @Override
        public RnnParameters parameters() {
            return parameters;
        }

        @Override
        public double[] sequenceLosses(SequenceBatch batch) {
            throw new UnsupportedOperationException("not needed for one epoch");
        }

        @Override
        public LossAndGradients lossAndGradients(SequenceBatch batch) {
            batchSizes.add(batch.size());
            RnnParameters gradients = RnnParameters.zeros(1, 1);
            gradients.u().set(0, 0, 0.2 * batch.size());
            return new LossAndGradients(batchSizes.size() * batch.size(), gradients);
        }
    }

    @Nested
    @DisplayName("the loop")
    class Loop {

        @Test
        @DisplayName("one epoch averages each batch's gradient, then clips and steps")
        void epochOfScriptedModel() {
            ScriptedBatchModel model = new ScriptedBatchModel();
            List<SequenceBatch> batches = BatchTrainer.batches(examples(2, 3, 1, 4, 2), 2);

            double mean = BatchTrainer.trainEpoch(model, batches, TrainingOptions.of(1, 0.5));

            assertThat(model.batchSizes).as("batch sizes in order").containsExactly(2, 2, 1);
            assertThat(mean).as("(1 × 2 + 2 × 2 + 3 × 1) / 5 sequences").isCloseTo(1.8,
                    within(1e-15));
            // The mean gradient 0.2 is below the clipping norm 0.25, so each of the three steps
            // adds -0.5 × 0.2. Clipping the summed gradient 0.4 first would give -0.35.
            assertThat(model.parameters().u().get(0, 0)).as("U after three steps")
                    .isCloseTo(-0.3, within(1e-15));
        }

        @Test
        @DisplayName("batches are cut in the given order, the last one holds the rest")
        void batchesInOrder() {
            List<Example> examples = examples(2, 3, 1, 4, 2, 5, 1, 1, 3, 2);

            List<SequenceBatch> batches = BatchTrainer.batches(examples, 4);

            assertThat(batches).extracting(SequenceBatch::size).containsExactly(4, 4, 2);
            // The second batch contains examples 4 to 7, of lengths 2, 5, 1 and 1.
            assertThat(batches.get(1).steps()).as("longest length in batch 2").isEqualTo(5);
            assertThat(batches.get(1).sequenceIndex(0)).as("longest sequence, example 5")
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("a batch size of 1 repeats Trainer's history bit for bit")
        void batchOfOneIsTrainer() {
            Data data = Data.build();
            TrainingOptions options = TrainingOptions.of(3, 0.05);

            History expected = Trainer.train(Rnn.initialize(8, 4, new Random(5)),
                    data.training(), data.validation(), options, ProgressListener.NONE);
            History actual = BatchTrainer.train(Rnn.initialize(8, 4, new Random(5)),
                    data.training(), data.validation(), options, 1, ProgressListener.NONE);

            assertThat(actual.trainingLosses()).isEqualTo(expected.trainingLosses());
            assertThat(actual.validationLosses()).isEqualTo(expected.validationLosses());
        }

        @Test
        @DisplayName("the validation loss is Trainer's, the mean of the sequence losses")
        void validationLoss() {
            Data data = Data.build();
            Lstm lstm = Lstm.initialize(6, 4, new Random(3));

            double batched = BatchTrainer.meanLoss(BatchModel.of(lstm),
                    BatchTrainer.batches(data.validation(), 7));

            assertThat(batched).isCloseTo(Trainer.meanLoss(lstm, data.validation()),
                    within(1e-12));
        }

        @Test
        @DisplayName("progress is reported once per epoch")
        void progress() {
            Data data = Data.build();
            List<Integer> epochs = new ArrayList<>();

            BatchTrainer.train(Rnn.initialize(4, 4, new Random(1)),
                    data.training().subList(0, 10), data.validation(),
                    TrainingOptions.of(3, 0.01), 4, (result, total) -> epochs.add(result.epoch()));

            assertThat(epochs).containsExactly(1, 2, 3);
        }

        @Test
        @DisplayName("a huge learning rate stops with a clear error and keeps the history")
        void divergence() {
            Data data = Data.build();
            Rnn rnn = Rnn.initialize(8, 4, new Random(3));
            TrainingOptions options = new TrainingOptions(20, 1e6, 1e6);

            assertThatThrownBy(() -> BatchTrainer.train(rnn, data.training(), data.validation(),
                    options, 4, ProgressListener.NONE))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("rnn training diverged at epoch")
                    .hasMessageContaining("batch size 4")
                    .hasMessageContaining("lower the learning rate (--lr)")
                    .satisfies(error -> assertThat(((TrainingDivergedException) error)
                            .history().epochs().size()).isLessThan(20));
        }
    }

    @Nested
    @DisplayName("invalid arguments")
    class InvalidArguments {

        @Test
        @DisplayName("a batch size of 0 is rejected")
        void zeroBatchSize() {
            assertThatThrownBy(() -> BatchTrainer.batches(examples(2), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("batchSize: expected 1 or more but was 0");
        }

        @Test
        @DisplayName("an empty training set is rejected")
        void emptyTraining() {
            assertThatThrownBy(() -> BatchTrainer.train(new Rnn(RnnParameters.zeros(2, 3)),
                    List.of(), examples(2), TrainingOptions.of(1, 0.1), 2,
                    ProgressListener.NONE))
                    .hasMessageContaining("training: expected at least 1 sequence but was 0");
        }

        @Test
        @DisplayName("a model without a batched form is rejected")
        void otherModel() {
            SequenceModel other = new SequenceModel() {
                @Override
                public String name() {
                    return "gru";
                }

                @Override
                public int vocabularySize() {
                    return 3;
                }

                @Override
                public RnnParameters parameters() {
                    return RnnParameters.zeros(1, 3);
                }

                @Override
                public List<DMatrixRMaj> probabilities(List<DMatrixRMaj> inputs) {
                    throw new UnsupportedOperationException("not needed");
                }

                @Override
                public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs,
                        int[] targets) {
                    throw new UnsupportedOperationException("not needed");
                }
            };

            assertThatThrownBy(() -> BatchModel.of(other))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("model: expected the hand-written rnn or lstm but was gru;"
                            + " mini-batches are implemented for those two only");
        }
    }

    /**
     * Training on a small budget, as in the one-sequence convergence tests but with batches of
     * 8: 20 updates per epoch instead of 160. Each update follows the mean gradient of 8
     * sequences, which is less noisy than one sequence's. Clipping still bounds every step by
     * learningRate × 0.25, so the learning rate can be 5 to 25 times the one-sequence tests'
     * (0.02 for the RNN, 0.1 for the LSTM).
     *
     * <p>With these settings, data seeds 11 to 13 (weights seeded one and two higher, as here)
     * gave validation losses of 2.6 to 2.9 for the RNN after 60 epochs and 2.55 to 2.76 for
     * the LSTM after 40, well below the asserted limit, the memory-less floor minus 1.
     */
    @Nested
    @DisplayName("convergence on a small budget")
    class Convergence {

        @Test
        @DisplayName("the RNN gets below the memory-less floor with batches of 8")
        void rnnLearns() {
            Data data = Data.build();
            Rnn rnn = Rnn.initialize(16, data.vocabulary().size(), new Random(12));

            History history = BatchTrainer.train(rnn, data.training(), data.validation(),
                    TrainingOptions.of(60, 0.5), 8, ProgressListener.NONE);

            assertThat(history.last().validationLoss()).as("validation loss after 60 epochs")
                    .isLessThan(LossFloors.MEMORYLESS - 1.0);
        }

        @Test
        @DisplayName("the LSTM gets below the memory-less floor with batches of 8")
        void lstmLearns() {
            Data data = Data.build();
            Lstm lstm = Lstm.initialize(16, data.vocabulary().size(), new Random(13));

            History history = BatchTrainer.train(lstm, data.training(), data.validation(),
                    TrainingOptions.of(40, 0.5), 8, ProgressListener.NONE);

            assertThat(history.last().validationLoss()).as("validation loss after 40 epochs")
                    .isLessThan(LossFloors.MEMORYLESS - 1.0);
        }
    }
}
