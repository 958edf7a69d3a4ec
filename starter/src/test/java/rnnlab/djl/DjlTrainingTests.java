package rnnlab.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import rnnlab.data.Example;
import rnnlab.eval.LossFloors;
import rnnlab.model.Losses;
import rnnlab.train.EpochResult;
import rnnlab.train.History;
import rnnlab.train.ProgressListener;
import rnnlab.train.TrainingDivergedException;

@DisplayName("DJL training loop (exercises L and M)")
class DjlTrainingTests {

    private static final double LEARNING_RATE = 1e-3;

    private static DjlFixtures.LabData data;

    @BeforeAll
    static void loadEngineAndData() {
        DjlFixtures.assumeEngineLoads();
        data = DjlFixtures.defaultData();
    }

    private static DjlSequenceModel newModel(CellType cellType, long seed) {
        return DjlSequenceModel.create(cellType, data.vocabulary().size(),
                DjlNetwork.DEFAULT_HIDDEN_SIZE, seed);
    }

    private static History train(DjlSequenceModel model, List<Example> training, int epochs,
            ProgressListener progress) {
        return DjlTraining.train(model, training, data.validation(),
                new DjlTrainingOptions(epochs, LEARNING_RATE), progress);
    }

    @Nested
    @DisplayName("LSTM on the default data")
    class Lstm {

        @Test
        @DisplayName("one epoch, named djl")
        void oneEpoch() {
            try (DjlSequenceModel model = newModel(CellType.LSTM, 3)) {
                double untrained = DjlTraining.meanLoss(model, data.validation());
                List<EpochResult> reported = new ArrayList<>();
                List<Integer> totals = new ArrayList<>();

                History history = train(model, data.training(), 1, (result, total) -> {
                    reported.add(result);
                    totals.add(total);
                });

                assertThat(history.modelName()).isEqualTo("djl");
                assertThat(history.epochs()).hasSize(1);
                assertThat(reported).containsExactlyElementsOf(history.epochs());
                assertThat(totals).containsExactly(1);
                assertThat(history.last().trainingLoss()).isFinite();
                assertThat(history.last().validationLoss()).isLessThan(untrained);
                assertThat(history.seconds()).isPositive();
            }
        }

        @Test
        @DisplayName("loss falls over five epochs")
        void lossFalls() {
            try (DjlSequenceModel model = newModel(CellType.LSTM, 4)) {
                History history = train(model, data.training(), 5, ProgressListener.NONE);

                double[] training = history.trainingLosses();
                double[] validation = history.validationLosses();
                assertThat(training[4]).as("training loss, epoch 5 against 1")
                        .isLessThan(training[0]);
                assertThat(validation[4]).as("validation loss, epoch 5 against 1")
                        .isLessThan(validation[0]);
                assertThat(validation[4]).as("validation loss after 5 epochs")
                        .isLessThan(LossFloors.MEMORYLESS);
            }
        }

        @Test
        @DisplayName("losses sum over time steps")
        void lossUnits() {
            try (DjlSequenceModel model = newModel(CellType.LSTM, 5)) {
                double sum = 0;
                for (Example example : data.validation()) {
                    sum += Losses.crossEntropy(model.probabilities(example.inputs()),
                            example.targets());
                }
                double expected = sum / data.validation().size();

                assertThat(DjlTraining.meanLoss(model, data.validation()))
                        .as("mean over sequences of Σ_t -ln y_t[target_t]")
                        .isCloseTo(expected, within(1e-4 * expected));
            }
        }

        @Test
        @DisplayName("no NDArrays left behind")
        void noArraysLeftBehind() {
            try (DjlSequenceModel model = newModel(CellType.LSTM, 6)) {
                List<Integer> liveArrays = new ArrayList<>();

                train(model, data.training().subList(0, 20), 3, (result, total) ->
                        liveArrays.add(model.model().getNDManager().getManagedArrays().size()));

                assertThat(liveArrays).as("NDArrays attached to the model after each epoch")
                        .hasSize(3)
                        .containsOnly(liveArrays.get(0));
            }
        }

        @Test
        @DisplayName("same seed, same history")
        void reproducible() {
            List<Example> training = data.training().subList(0, 30);
            try (DjlSequenceModel first = newModel(CellType.LSTM, 7);
                    DjlSequenceModel second = newModel(CellType.LSTM, 7)) {
                History expected = train(first, training, 2, ProgressListener.NONE);
                History actual = train(second, training, 2, ProgressListener.NONE);

                assertThat(actual.trainingLosses()).isEqualTo(expected.trainingLosses());
                assertThat(actual.validationLosses()).isEqualTo(expected.validationLosses());
            }
        }

        @Test
        @DisplayName("learning rate 1000 diverges")
        void divergence() {
            try (DjlSequenceModel model = newModel(CellType.LSTM, 8)) {
                DjlTrainingOptions options = new DjlTrainingOptions(3, 1000);

                assertThatThrownBy(() -> DjlTraining.train(model, data.training(),
                        data.validation(), options, ProgressListener.NONE))
                        .isInstanceOf(TrainingDivergedException.class)
                        .hasMessageContaining("djl training diverged at epoch 1")
                        .hasMessageContaining("lower the learning rate")
                        .satisfies(error -> assertThat(
                                ((TrainingDivergedException) error).history().epochs())
                                .isEmpty());
            }
        }
    }

    @Test
    @DisplayName("GRU: one epoch, named gru")
    void gruOneEpoch() {
        try (DjlSequenceModel model = newModel(CellType.GRU, 3)) {
            double untrained = DjlTraining.meanLoss(model, data.validation());

            History history = train(model, data.training(), 1, ProgressListener.NONE);

            assertThat(history.modelName()).isEqualTo("gru");
            assertThat(history.epochs()).hasSize(1);
            assertThat(history.last().validationLoss()).isLessThan(untrained);
        }
    }

    @Nested
    @DisplayName("invalid input")
    class InvalidInput {

        @Test
        @DisplayName("no training sequences")
        void emptyTraining() {
            try (DjlSequenceModel model = newModel(CellType.LSTM, 1)) {
                assertThatThrownBy(() -> train(model, List.of(), 1, ProgressListener.NONE))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("training: expected at least 1 sequence but was 0");
            }
        }

        @Test
        @DisplayName("zero epochs")
        void zeroEpochs() {
            assertThatThrownBy(() -> new DjlTrainingOptions(0, LEARNING_RATE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("epochs: expected 1 or more but was 0");
        }

        @Test
        @DisplayName("negative learning rate")
        void negativeLearningRate() {
            assertThatThrownBy(() -> new DjlTrainingOptions(1, -0.1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("learningRate: expected a positive number but was -0.1");
        }

        @Test
        @DisplayName("lossAndGradients points to DjlTraining")
        void noHandWrittenGradients() {
            try (DjlSequenceModel model = newModel(CellType.LSTM, 1)) {
                Example example = data.training().get(0);

                assertThatThrownBy(() -> model.lossAndGradients(example.inputs(),
                        example.targets()))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("DjlTraining.train");
            }
        }
    }
}
