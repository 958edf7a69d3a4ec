package rnnlab.train;

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
import rnnlab.eval.Evaluation;
import rnnlab.eval.LossFloors;
import rnnlab.lstm.Lstm;
import rnnlab.lstm.LstmParameters;
import rnnlab.model.LossAndGradients;
import rnnlab.model.SequenceModel;
import rnnlab.rnn.Rnn;
import rnnlab.rnn.RnnParameters;
import rnnlab.testing.Fixtures;

@DisplayName("training")
class TrainingTests {

    /**
     * The loop's data: 200 sequences of seed 11, split 80/10/10. Each test builds its own,
     * because building it needs exercise A, which the clipping and SGD tests do not.
     */
    private record Data(Vocabulary vocabulary, List<Example> training,
            List<Example> validation, List<Example> test) {

        static Data build() {
            List<List<String>> sequences = AnBn.generate(200, 11);
            Vocabulary vocabulary = Vocabulary.fromSequences(sequences);
            DatasetSplit split = DatasetSplit.of(sequences);
            return new Data(vocabulary, Example.allOf(split.training(), vocabulary),
                    Example.allOf(split.validation(), vocabulary),
                    Example.allOf(split.test(), vocabulary));
        }
    }

    /**
     * A model with one-entry weights whose k-th call of lossAndGradients returns the loss k and
     * the gradient dU = 10, so a test can follow each step of the training loop by hand.
     */
    private static final class ScriptedModel implements SequenceModel {

        private final RnnParameters parameters = RnnParameters.zeros(1, 1);
        private int calls;

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public int vocabularySize() {
            return 1;
        }

        @Override
        public RnnParameters parameters() {
            return parameters;
        }

        @Override
        public List<DMatrixRMaj> probabilities(List<DMatrixRMaj> inputs) {
            throw new UnsupportedOperationException("not needed for one epoch");
        }

        @Override
        public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets) {
            calls++;
            RnnParameters gradients = RnnParameters.zeros(1, 1);
            gradients.u().set(0, 0, 10.0);
            return new LossAndGradients(calls, gradients);
        }
    }

    @Nested
    @Tag("exercise-E")
    @DisplayName("clipping")
    class ClippingRules {

        @Test
        @DisplayName("one global norm, one common factor")
        void globalNorm() {
            RnnParameters gradients = RnnParameters.zeros(2, 3);
            gradients.u().set(0, 0, 3.0);
            gradients.v().set(1, 1, 4.0);
            gradients.bOut().set(2, 0, 0.01);

            double before = Clipping.clipGlobalNorm(gradients, 0.25);

            assertThat(before).isCloseTo(Math.sqrt(25.0001), within(1e-12));
            assertThat(gradients.globalNorm()).isCloseTo(0.25, within(1e-12));
            double factor = 0.25 / before;
            assertThat(gradients.u().get(0, 0)).isCloseTo(3.0 * factor, within(1e-15));
            assertThat(gradients.v().get(1, 1)).isCloseTo(4.0 * factor, within(1e-15));
            assertThat(gradients.bOut().get(2, 0)).as("small gradients shrink by the same"
                    + " factor").isCloseTo(0.01 * factor, within(1e-15));
        }

        @Test
        @DisplayName("gradients below the maximum are left alone")
        void belowMaximum() {
            RnnParameters gradients = RnnParameters.zeros(2, 3);
            gradients.w().set(1, 1, 0.1);

            Clipping.clipGlobalNorm(gradients, 0.25);

            assertThat(gradients.w().get(1, 1)).isEqualTo(0.1);
        }

        @Test
        @DisplayName("a non-positive maximum is rejected")
        void invalidMaximum() {
            assertThatThrownBy(() -> Clipping.clipGlobalNorm(RnnParameters.zeros(1, 1), 0))
                    .hasMessage("maxNorm: expected a positive number but was 0.0");
        }
    }

    @Nested
    @Tag("exercise-E")
    @DisplayName("SGD")
    class SgdRules {

        @Test
        @DisplayName("moves against the gradient by the learning rate")
        void step() {
            RnnParameters parameters = Fixtures.sinusoidRnn(2, 3);
            RnnParameters before = parameters.copy();
            RnnParameters gradients = RnnParameters.zeros(2, 3);
            gradients.v().set(0, 1, 2.0);

            Sgd.step(parameters, gradients, 0.5);

            assertThat(parameters.v().get(0, 1)).isCloseTo(before.v().get(0, 1) - 1.0,
                    within(1e-15));
            assertThat(parameters.u().data).isEqualTo(before.u().data);
        }

        @Test
        @DisplayName("gradients of another model are rejected")
        void mismatchedShapes() {
            assertThatThrownBy(() -> Sgd.step(RnnParameters.zeros(2, 3),
                    RnnParameters.zeros(3, 3), 0.1))
                    .hasMessage("U: expected 2x3 but was 3x3");
        }

        @Test
        @DisplayName("a non-positive learning rate is rejected")
        void invalidLearningRate() {
            assertThatThrownBy(() -> Sgd.step(RnnParameters.zeros(2, 3),
                    RnnParameters.zeros(2, 3), -0.1))
                    .hasMessage("learningRate: expected a positive number but was -0.1");
        }
    }

    @Nested
    @Tag("exercise-E")
    @DisplayName("the loop")
    class Loop {

        @Test
        @DisplayName("one epoch clips and steps once per sequence and returns the mean loss")
        void epochOfScriptedModel() {
            ScriptedModel model = new ScriptedModel();
            Example example = new Example(List.of("a", "b"), List.of(new DMatrixRMaj(1, 1)),
                    new int[] {0}, new int[] {0});

            double mean = Trainer.trainEpoch(model, List.of(example, example, example, example),
                    TrainingOptions.of(1, 0.1));

            assertThat(model.calls).as("calls of lossAndGradients").isEqualTo(4);
            assertThat(mean).as("mean of the losses 1, 2, 3 and 4").isCloseTo(2.5,
                    within(1e-15));
            // Each gradient dU = 10 is clipped to the norm 0.25, so each step adds -0.1 × 0.25.
            assertThat(model.parameters().u().get(0, 0)).as("U after four clipped steps")
                    .isCloseTo(4 * -0.1 * 0.25, within(1e-15));
        }

        @Test
        @DisplayName("the same seed gives the same history, bit for bit")
        void reproducible() {
            Data data = Data.build();
            History first = Trainer.train(Rnn.initialize(8, 4, new Random(5)),
                    data.training(), data.validation(), TrainingOptions.of(3, 0.05),
                    ProgressListener.NONE);
            History second = Trainer.train(Rnn.initialize(8, 4, new Random(5)),
                    data.training(), data.validation(), TrainingOptions.of(3, 0.05),
                    ProgressListener.NONE);

            assertThat(second.trainingLosses()).isEqualTo(first.trainingLosses());
            assertThat(second.validationLosses()).isEqualTo(first.validationLosses());
        }

        @Test
        @DisplayName("progress is reported once per epoch")
        void progress() {
            Data data = Data.build();
            List<Integer> epochs = new ArrayList<>();

            Trainer.train(Rnn.initialize(4, 4, new Random(1)), data.training().subList(0, 10),
                    data.validation(), TrainingOptions.of(4, 0.01),
                    (result, total) -> epochs.add(result.epoch()));

            assertThat(epochs).containsExactly(1, 2, 3, 4);
        }

        @Test
        @DisplayName("the validation pass changes no parameter")
        void validationDoesNotTrain() {
            Data data = Data.build();
            Rnn rnn = Rnn.initialize(6, 4, new Random(2));
            RnnParameters before = rnn.parameters().copy();

            Trainer.meanLoss(rnn, data.validation());

            for (int k = 0; k < 5; k++) {
                assertThat(rnn.parameters().matrices().get(k).data)
                        .isEqualTo(before.matrices().get(k).data);
            }
        }

        @Test
        @DisplayName("a huge learning rate stops with a clear error and keeps the history")
        void divergence() {
            Data data = Data.build();
            Rnn rnn = Rnn.initialize(8, 4, new Random(3));
            TrainingOptions options = new TrainingOptions(20, 1e6, 1e6);

            assertThatThrownBy(() -> Trainer.train(rnn, data.training(), data.validation(),
                    options, ProgressListener.NONE))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("rnn training diverged at epoch")
                    .hasMessageContaining("lower the learning rate (--lr)")
                    .satisfies(error -> assertThat(((TrainingDivergedException) error)
                            .history().epochs().size()).isLessThan(20));
        }

        @Test
        @DisplayName("an empty training set is rejected")
        void emptyTraining() {
            Data data = Data.build();

            assertThatThrownBy(() -> Trainer.train(Rnn.initialize(2, 4, new Random(1)),
                    List.of(), data.validation(), TrainingOptions.of(1, 0.1),
                    ProgressListener.NONE))
                    .hasMessageContaining("training: expected at least 1 sequence but was 0");
        }

        @Test
        @DisplayName("invalid options are rejected")
        void invalidOptions() {
            assertThatThrownBy(() -> TrainingOptions.of(0, 0.1))
                    .hasMessage("epochs: expected 1 or more but was 0");
            assertThatThrownBy(() -> TrainingOptions.of(1, Double.NaN))
                    .hasMessage("learningRate: expected a positive number but was NaN");
        }
    }

    @Nested
    @DisplayName("convergence on a small budget")
    class Convergence {

        @Test
        @Tag("exercise-E")
        @DisplayName("the RNN gets below the memory-less floor and predicts the b's")
        void rnnLearns() {
            Data data = Data.build();
            Rnn rnn = Rnn.initialize(16, data.vocabulary().size(), new Random(7));

            History history = Trainer.train(rnn, data.training(), data.validation(),
                    TrainingOptions.of(40, 0.02), ProgressListener.NONE);

            assertThat(history.last().validationLoss()).isLessThan(LossFloors.MEMORYLESS - 1.0);
            assertThat(history.last().validationLoss()).isGreaterThan(LossFloors.OPTIMAL - 0.3);
            assertThat(Evaluation.determinedAccuracy(rnn, data.test(),
                    data.vocabulary().indexOf("b"))).isGreaterThan(0.9);
        }

        @Test
        @Tag("exercise-J")
        @DisplayName("the LSTM gets below the memory-less floor and predicts the b's")
        void lstmLearns() {
            Data data = Data.build();
            Lstm lstm = Lstm.initialize(16, data.vocabulary().size(), new Random(8));

            History history = Trainer.train(lstm, data.training(), data.validation(),
                    TrainingOptions.of(25, 0.1), ProgressListener.NONE);

            assertThat(history.last().validationLoss()).isLessThan(LossFloors.MEMORYLESS - 1.0);
            assertThat(Evaluation.determinedAccuracy(lstm, data.test(),
                    data.vocabulary().indexOf("b"))).isGreaterThan(0.9);
        }

        @Test
        @Tag("exercise-J")
        @DisplayName("training changes the LSTM's parameters but not the gradients' owner")
        void clippingLeavesParametersAlone() {
            Data data = Data.build();
            LstmParameters parameters = LstmParameters.initialize(4, 4, new Random(4));
            SequenceModel lstm = new Lstm(parameters);
            LstmParameters before = parameters.copy();
            Example example = data.training().get(0);

            var result = lstm.lossAndGradients(example.inputs(), example.targets());
            Clipping.clipGlobalNorm(result.gradients(), 1e-9);

            for (int k = 0; k < 10; k++) {
                DMatrixRMaj original = before.matrices().get(k);
                assertThat(parameters.matrices().get(k).data).isEqualTo(original.data);
            }
        }
    }
}
