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
import org.junit.jupiter.api.Test;
import rnnlab.data.AnBn;
import rnnlab.data.DatasetSplit;
import rnnlab.data.Example;
import rnnlab.data.Vocabulary;
import rnnlab.eval.Evaluation;
import rnnlab.eval.LossFloors;
import rnnlab.lstm.Lstm;
import rnnlab.lstm.LstmParameters;
import rnnlab.model.SequenceModel;
import rnnlab.rnn.Rnn;
import rnnlab.rnn.RnnParameters;
import rnnlab.testing.Fixtures;

@DisplayName("training")
class TrainingTests {

    private static final List<List<String>> SEQUENCES = AnBn.generate(200, 11);
    private static final Vocabulary VOCABULARY = Vocabulary.fromSequences(SEQUENCES);
    private static final DatasetSplit SPLIT = DatasetSplit.of(SEQUENCES);
    private static final List<Example> TRAINING = Example.allOf(SPLIT.training(), VOCABULARY);
    private static final List<Example> VALIDATION = Example.allOf(SPLIT.validation(),
            VOCABULARY);
    private static final List<Example> TEST = Example.allOf(SPLIT.test(), VOCABULARY);

    @Nested
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
    @DisplayName("the loop")
    class Loop {

        @Test
        @DisplayName("the same seed gives the same history, bit for bit")
        void reproducible() {
            History first = Trainer.train(Rnn.initialize(8, 4, new Random(5)), TRAINING,
                    VALIDATION, TrainingOptions.of(3, 0.05), ProgressListener.NONE);
            History second = Trainer.train(Rnn.initialize(8, 4, new Random(5)), TRAINING,
                    VALIDATION, TrainingOptions.of(3, 0.05), ProgressListener.NONE);

            assertThat(second.trainingLosses()).isEqualTo(first.trainingLosses());
            assertThat(second.validationLosses()).isEqualTo(first.validationLosses());
        }

        @Test
        @DisplayName("progress is reported once per epoch")
        void progress() {
            List<Integer> epochs = new ArrayList<>();

            Trainer.train(Rnn.initialize(4, 4, new Random(1)), TRAINING.subList(0, 10),
                    VALIDATION, TrainingOptions.of(4, 0.01),
                    (result, total) -> epochs.add(result.epoch()));

            assertThat(epochs).containsExactly(1, 2, 3, 4);
        }

        @Test
        @DisplayName("the validation pass changes no parameter")
        void validationDoesNotTrain() {
            Rnn rnn = Rnn.initialize(6, 4, new Random(2));
            RnnParameters before = rnn.parameters().copy();

            Trainer.meanLoss(rnn, VALIDATION);

            for (int k = 0; k < 5; k++) {
                assertThat(rnn.parameters().matrices().get(k).data)
                        .isEqualTo(before.matrices().get(k).data);
            }
        }

        @Test
        @DisplayName("a huge learning rate stops with a clear error and keeps the history")
        void divergence() {
            Rnn rnn = Rnn.initialize(8, 4, new Random(3));
            TrainingOptions options = new TrainingOptions(20, 1e6, 1e6);

            assertThatThrownBy(() -> Trainer.train(rnn, TRAINING, VALIDATION, options,
                    ProgressListener.NONE))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("rnn training diverged at epoch")
                    .hasMessageContaining("lower the learning rate (--lr)")
                    .satisfies(error -> assertThat(((TrainingDivergedException) error)
                            .history().epochs().size()).isLessThan(20));
        }

        @Test
        @DisplayName("an empty training set is rejected")
        void emptyTraining() {
            assertThatThrownBy(() -> Trainer.train(Rnn.initialize(2, 4, new Random(1)),
                    List.of(), VALIDATION, TrainingOptions.of(1, 0.1), ProgressListener.NONE))
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
        @DisplayName("the RNN gets below the memory-less floor and predicts the b's")
        void rnnLearns() {
            Rnn rnn = Rnn.initialize(16, VOCABULARY.size(), new Random(7));

            History history = Trainer.train(rnn, TRAINING, VALIDATION,
                    TrainingOptions.of(40, 0.02), ProgressListener.NONE);

            assertThat(history.last().validationLoss()).isLessThan(LossFloors.MEMORYLESS - 1.0);
            assertThat(history.last().validationLoss()).isGreaterThan(LossFloors.OPTIMAL - 0.3);
            assertThat(Evaluation.determinedAccuracy(rnn, TEST, VOCABULARY.indexOf("b")))
                    .isGreaterThan(0.9);
        }

        @Test
        @DisplayName("the LSTM gets below the memory-less floor and predicts the b's")
        void lstmLearns() {
            Lstm lstm = Lstm.initialize(16, VOCABULARY.size(), new Random(8));

            History history = Trainer.train(lstm, TRAINING, VALIDATION,
                    TrainingOptions.of(25, 0.1), ProgressListener.NONE);

            assertThat(history.last().validationLoss()).isLessThan(LossFloors.MEMORYLESS - 1.0);
            assertThat(Evaluation.determinedAccuracy(lstm, TEST, VOCABULARY.indexOf("b")))
                    .isGreaterThan(0.9);
        }

        @Test
        @DisplayName("training changes the LSTM's parameters but not the gradients' owner")
        void clippingLeavesParametersAlone() {
            LstmParameters parameters = LstmParameters.initialize(4, 4, new Random(4));
            SequenceModel lstm = new Lstm(parameters);
            LstmParameters before = parameters.copy();
            Example example = TRAINING.get(0);

            var result = lstm.lossAndGradients(example.inputs(), example.targets());
            Clipping.clipGlobalNorm(result.gradients(), 1e-9);

            for (int k = 0; k < 10; k++) {
                DMatrixRMaj original = before.matrices().get(k);
                assertThat(parameters.matrices().get(k).data).isEqualTo(original.data);
            }
        }
    }
}
