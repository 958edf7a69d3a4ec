package rnnlab.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rnnlab.lstm.Lstm;
import rnnlab.lstm.LstmParameters;
import rnnlab.testing.Fixtures;

/**
 * The DJL LSTM and the hand-written one compute the same function: with the same weights,
 * mapped into PyTorch's layout, their softmax outputs agree to float32 precision.
 */
@DisplayName("DJL LSTM against the hand-written LSTM")
class DjlLstmEquivalenceTests {

    /** Float32 keeps about 7 significant digits, and probabilities are at most 1. */
    private static final double TOLERANCE = 1e-5;

    /** Sequence lengths: one step, a short sequence, and the longest a^n b^n input (n = 11). */
    private static final int[] LENGTHS = {1, 6, 22};

    @BeforeAll
    static void loadEngine() {
        DjlFixtures.assumeEngineLoads();
    }

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("H=3 V=4", 3, 4, 31L),
                Arguments.of("H=50 V=4, the lab's sizes", 50, 4, 32L),
                Arguments.of("H=7 V=9", 7, 9, 33L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    @DisplayName("same weights, same softmax outputs")
    void sameOutputs(String name, int hidden, int vocabulary, long seed, TestReporter reporter) {
        Random random = new Random(seed);
        LstmParameters parameters = weightsWithoutOutputBias(hidden, vocabulary, random);

        double largest = 0;
        try (DjlSequenceModel model = DjlSequenceModel.create(CellType.LSTM, vocabulary, hidden,
                seed)) {
            LstmWeightMapping.copy(parameters, model.network());
            for (int length : LENGTHS) {
                int[] indices = Fixtures.randomIndices(length, vocabulary, random);
                List<DMatrixRMaj> inputs = Fixtures.oneHots(indices, vocabulary);

                List<DMatrixRMaj> expected = new Lstm(parameters).probabilities(inputs);
                List<DMatrixRMaj> actual = model.probabilities(inputs);

                for (int t = 0; t < length; t++) {
                    double difference = largestDifference(expected.get(t), actual.get(t));
                    assertThat(difference).as("largest |y_t - y_t(DJL)| at t = %d of a sequence"
                            + " of %d; check the gate order i, f, g, o and which columns of W_k"
                            + " act on h and which on x", t, length).isLessThan(TOLERANCE);
                    largest = Math.max(largest, difference);
                }
            }
        }
        reporter.publishEntry("largest probability difference", String.format("%.3g", largest));
    }

    @Test
    @DisplayName("gate order f, i, g, o differs")
    void gateOrderMatters() {
        Random random = new Random(34);
        LstmParameters parameters = weightsWithoutOutputBias(5, 4, random);
        List<DMatrixRMaj> inputs = Fixtures.oneHots(new int[] {0, 0, 1, 1, 2}, 4);

        try (DjlSequenceModel model = DjlSequenceModel.create(CellType.LSTM, 4, 5, 34)) {
            LstmWeightMapping.copyInGateOrder(parameters, model.network(), "figo");
            List<DMatrixRMaj> expected = new Lstm(parameters).probabilities(inputs);
            List<DMatrixRMaj> actual = model.probabilities(inputs);

            double largest = 0;
            for (int t = 0; t < inputs.size(); t++) {
                largest = Math.max(largest, largestDifference(expected.get(t), actual.get(t)));
            }
            assertThat(largest).as("largest difference with the forget and input gates swapped")
                    .isGreaterThan(1e-3);
        }
    }

    /**
     * Returns the lab's initial weights with random biases, so that every bias matters, and
     * b_v = 0, because the DJL output layer has no bias.
     */
    private static LstmParameters weightsWithoutOutputBias(int hidden, int vocabulary,
            Random random) {
        LstmParameters parameters = LstmParameters.initialize(hidden, vocabulary, random);
        Fixtures.randomize(List.of(parameters.bForget(), parameters.bInput(),
                parameters.bCandidate(), parameters.bOutputGate()), 0.5, random);
        return parameters;
    }

    private static double largestDifference(DMatrixRMaj expected, DMatrixRMaj actual) {
        assertThat(actual.numRows).as("rows of y_t").isEqualTo(expected.numRows);
        double largest = 0;
        for (int k = 0; k < expected.getNumElements(); k++) {
            largest = Math.max(largest, Math.abs(expected.data[k] - actual.data[k]));
        }
        return largest;
    }
}
