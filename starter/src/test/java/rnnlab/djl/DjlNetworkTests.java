package rnnlab.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import rnnlab.math.Matrices;
import rnnlab.model.ParameterSet;

@DisplayName("DJL network (exercises K and M)")
class DjlNetworkTests {

    private static final int VOCABULARY = 4;
    private static final int HIDDEN = 50;

    @BeforeAll
    static void loadEngine() {
        DjlFixtures.assumeEngineLoads();
    }

    /** Runs the network on zeros of the given shape and returns the shape of the logits. */
    private static Shape logitsShape(DjlSequenceModel model, Shape input) {
        try (NDManager scope = model.model().getNDManager().newSubManager()) {
            NDArray logits = model.logits(scope.zeros(input));
            return logits.getShape();
        }
    }

    private static List<String> shapes(ParameterSet parameters) {
        List<String> shapes = new ArrayList<>();
        parameters.matrices().forEach(matrix -> shapes.add(Matrices.shape(matrix)));
        return shapes;
    }

    @Nested
    @DisplayName("LSTM, vocabulary 4, hidden 50")
    class LstmLayer {

        @Test
        @DisplayName("logits shape (batch, time, vocabulary)")
        void outputShape() {
            try (DjlSequenceModel model = DjlSequenceModel.create(CellType.LSTM, VOCABULARY,
                    HIDDEN, 1)) {
                assertThat(logitsShape(model, new Shape(2, 7, VOCABULARY)))
                        .isEqualTo(new Shape(2, 7, VOCABULARY));
                assertThat(model.network().getOutputShapes(
                        new Shape[] {new Shape(2, 7, VOCABULARY)})[0])
                        .isEqualTo(new Shape(2, 7, VOCABULARY));
            }
        }

        @Test
        @DisplayName("parameters in PyTorch's LSTM layout")
        void parameterShapes() {
            try (DjlSequenceModel model = DjlSequenceModel.create(CellType.LSTM, VOCABULARY,
                    HIDDEN, 1)) {
                ParameterSet parameters = model.parameters();

                assertThat(parameters.names()).containsExactly(
                        "01recurrent_l_0_i2h_WEIGHT", "01recurrent_l_0_h2h_WEIGHT",
                        "01recurrent_l_0_i2h_BIAS", "01recurrent_l_0_h2h_BIAS",
                        "02output_weight");
                assertThat(shapes(parameters)).containsExactly(
                        "200x4", "200x50", "200x1", "200x1", "4x50");
            }
        }

        @Test
        @DisplayName("parameter count 4H(V+H) + 8H + VH")
        void parameterCount() {
            try (DjlSequenceModel model = DjlSequenceModel.create(CellType.LSTM, VOCABULARY,
                    HIDDEN, 1)) {
                // The hand-written LSTM has 11204: one bias per gate, and b_v.
                int handWritten = 4 * (HIDDEN * (HIDDEN + VOCABULARY) + HIDDEN)
                        + VOCABULARY * HIDDEN + VOCABULARY;

                assertThat(model.parameters().count()).isEqualTo(11400)
                        .isEqualTo(handWritten + 4 * HIDDEN - VOCABULARY);
            }
        }

        @Test
        @DisplayName("wrong feature size names shapes")
        void wrongFeatureSize() {
            try (DjlSequenceModel model = DjlSequenceModel.create(CellType.LSTM, VOCABULARY,
                    HIDDEN, 1)) {
                assertThatThrownBy(() -> logitsShape(model, new Shape(1, 3, 5)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("inputs: expected (batch, time, 4) but was (1, 3, 5)");
            }
        }

        @Test
        @DisplayName("same seed, same weights")
        void seededInitialization() {
            try (DjlSequenceModel first = DjlSequenceModel.create(CellType.LSTM, VOCABULARY,
                    HIDDEN, 9);
                    DjlSequenceModel second = DjlSequenceModel.create(CellType.LSTM,
                            VOCABULARY, HIDDEN, 9)) {
                ParameterSet expected = first.parameters();
                ParameterSet actual = second.parameters();

                for (int k = 0; k < expected.names().size(); k++) {
                    assertThat(actual.matrices().get(k).data).as(expected.names().get(k))
                            .isEqualTo(expected.matrices().get(k).data);
                }
            }
        }

        @Test
        @DisplayName("initial weights within ±1/√H")
        void initialRange() {
            try (DjlSequenceModel model = DjlSequenceModel.create(CellType.LSTM, VOCABULARY,
                    HIDDEN, 1)) {
                double bound = 1 / Math.sqrt(HIDDEN);

                for (var matrix : model.parameters().matrices()) {
                    for (double value : matrix.data) {
                        assertThat(Math.abs(value)).isLessThanOrEqualTo(bound);
                    }
                }
            }
        }
    }

    @Nested
    @DisplayName("GRU, vocabulary 4, hidden 50 (exercise M)")
    class GruLayer {

        @Test
        @DisplayName("logits shape (batch, time, vocabulary)")
        void outputShape() {
            try (DjlSequenceModel model = DjlSequenceModel.create(CellType.GRU, VOCABULARY,
                    HIDDEN, 1)) {
                assertThat(logitsShape(model, new Shape(3, 5, VOCABULARY)))
                        .isEqualTo(new Shape(3, 5, VOCABULARY));
            }
        }

        @Test
        @DisplayName("parameter count 3H(V+H) + 6H + VH")
        void parameterCount() {
            try (DjlSequenceModel model = DjlSequenceModel.create(CellType.GRU, VOCABULARY,
                    HIDDEN, 1)) {
                ParameterSet parameters = model.parameters();

                assertThat(parameters.count()).isEqualTo(8600);
                assertThat(shapes(parameters)).containsExactly(
                        "150x4", "150x50", "150x1", "150x1", "4x50");
                assertThat(model.name()).isEqualTo("gru");
            }
        }
    }

    @Test
    @DisplayName("hidden size 0 rejected")
    void zeroHiddenSize() {
        assertThatThrownBy(() -> new DjlNetwork(CellType.LSTM, VOCABULARY, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("network sizes: expected vocabularySize and hiddenSize of at least 1"
                        + " but were 4 and 0");
    }
}
