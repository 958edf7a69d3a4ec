package rnnlab.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rnnlab.data.Example;
import rnnlab.eval.Evaluation;
import rnnlab.generate.Generator;
import rnnlab.model.ParameterSet;
import rnnlab.train.ProgressListener;

@DisplayName("DJL model as a SequenceModel")
class DjlSequenceModelTests {

    private static DjlFixtures.LabData data;

    @BeforeAll
    static void loadEngineAndData() {
        DjlFixtures.assumeEngineLoads();
        data = DjlFixtures.defaultData();
    }

    private static DjlSequenceModel newModel(long seed) {
        return DjlSequenceModel.create(CellType.LSTM, data.vocabulary().size(),
                DjlNetwork.DEFAULT_HIDDEN_SIZE, seed);
    }

    @Nested
    @DisplayName("untrained")
    class Untrained {

        @Test
        @DisplayName("one softmax column per step")
        void softmaxColumns() {
            try (DjlSequenceModel model = newModel(11)) {
                Example example = data.test().get(0);

                List<DMatrixRMaj> probabilities = model.probabilities(example.inputs());

                assertThat(probabilities).hasSize(example.length());
                for (DMatrixRMaj column : probabilities) {
                    assertThat(column.numRows).isEqualTo(data.vocabulary().size());
                    assertThat(column.numCols).isEqualTo(1);
                    assertThat(Arrays.stream(column.data).sum()).isCloseTo(1, within(1e-6));
                    for (double p : column.data) {
                        assertThat(p).isBetween(0.0, 1.0);
                    }
                }
            }
        }

        @Test
        @DisplayName("wrong input size names step")
        void wrongInputSize() {
            try (DjlSequenceModel model = newModel(11)) {
                assertThatThrownBy(() -> model.probabilities(List.of(new DMatrixRMaj(3, 1))))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("inputs[0]: expected 4x1 but was 3x1");
            }
        }

        @Test
        @DisplayName("parameters() returns a copy")
        void parametersAreCopies() {
            try (DjlSequenceModel model = newModel(11)) {
                List<DMatrixRMaj> inputs = data.test().get(0).inputs();
                double[] before = model.probabilities(inputs).get(0).data;

                ParameterSet copy = model.parameters();
                copy.matrices().forEach(matrix -> Arrays.fill(matrix.data, 0));

                assertThat(model.probabilities(inputs).get(0).data).isEqualTo(before);
                assertThat(model.parameters().globalNorm()).isPositive();
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("after 20 epochs of Adam at 0.001")
    class Trained {

        private DjlSequenceModel model;

        @BeforeAll
        void train() {
            model = newModel(12);
            DjlTraining.train(model, data.training(), data.validation(),
                    new DjlTrainingOptions(20, 1e-3), ProgressListener.NONE);
        }

        @AfterAll
        void close() {
            if (model != null) {
                model.close();
            }
        }

        @Test
        @DisplayName("every determined position predicted")
        void determinedAccuracy() {
            int indexOfB = data.vocabulary().indexOf("b");

            assertThat(Evaluation.determinedAccuracy(model, data.test(), indexOfB))
                    .isEqualTo(1.0);
        }

        @Test
        @DisplayName("one prediction per step")
        void predictions() {
            Example example = data.test().get(0);

            int[] predicted = Evaluation.predict(model, example);

            assertThat(predicted).hasSize(example.length());
            assertThat(predicted[predicted.length - 1]).as("prediction after the last b")
                    .isEqualTo(example.targets()[example.length() - 1]);
        }

        @Test
        @DisplayName("greedy: a a a b, then b b EOS")
        void greedyGeneration() {
            List<String> generated = Generator.greedy(model, data.vocabulary(),
                    List.of("a", "a", "a", "b"), 40);

            assertThat(generated).containsExactly("b", "b", "EOS");
        }

        @Test
        @DisplayName("unknown prompt word reads as UNK")
        void unknownWord() {
            List<String> withUnknown = Generator.greedy(model, data.vocabulary(),
                    List.of("a", "a", "c", "b"), 40);
            List<String> withUnk = Generator.greedy(model, data.vocabulary(),
                    List.of("a", "a", "UNK", "b"), 40);

            assertThat(withUnknown).isNotEmpty().isEqualTo(withUnk);
        }
    }
}
