package rnnlab.rnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rnnlab.math.Matrices;
import rnnlab.math.Orthogonal;
import rnnlab.model.LossAndGradients;
import rnnlab.testing.Fixtures;
import rnnlab.testing.GradientCheck;
import rnnlab.train.Clipping;

@DisplayName("RNN")
class RnnTests {

    /** Inputs a a b b, targets a b b EOS, with a = 0, b = 1, EOS = 2. */
    private static final int[] INPUTS = {0, 0, 1, 1};
    private static final int[] TARGETS = {0, 1, 1, 2};

    private static RnnTrace knownTrace(RnnParameters parameters) {
        return RnnForward.forward(Fixtures.oneHots(INPUTS, 3), new DMatrixRMaj(2, 1), parameters);
    }

    /** Compares entries given to ten decimals (eight for states) with the stored vectors. */
    private static void assertEntries(String name, DMatrixRMaj actual, double... expected) {
        assertThat(actual.getNumElements()).as(name + " size").isEqualTo(expected.length);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual.data[k]).as(name + "[" + k + "] (row-major)")
                    .isCloseTo(expected[k], within(1e-8));
        }
    }

    @Nested
    @DisplayName("known answers with sinusoid weights, H = 2, V = 3")
    class KnownAnswers {

        private final RnnParameters parameters = Fixtures.sinusoidRnn(2, 3);

        @Test
        @Tag("exercise-C")
        @DisplayName("forward pass: last hidden state and softmax output")
        void forwardPass() {
            RnnTrace trace = knownTrace(parameters);

            assertEntries("h_T", trace.lastHidden(), 0.03567434, -0.26820221);
            DMatrixRMaj last = trace.probabilities().get(3);
            for (int k = 0; k < 3; k++) {
                assertThat(last.data[k]).as("y_T[%d]", k).isCloseTo(
                        new double[] {0.26194521, 0.31926475, 0.41879004}[k], within(1e-8));
            }
        }

        @Test
        @Tag("exercise-D")
        @DisplayName("backward pass: loss and every gradient")
        void backwardPass() {
            LossAndGradients result = RnnBackward.backward(Fixtures.oneHots(INPUTS, 3), TARGETS,
                    knownTrace(parameters), parameters);
            RnnParameters gradients = (RnnParameters) result.gradients();

            assertThat(result.loss()).isCloseTo(4.5236447031, within(1e-9));
            assertEntries("dU", gradients.u(), -0.2552736365, 0.2842350210, 0, 0.0999354358,
                    -0.0094037131, 0);
            assertEntries("dV (uses h_0 at t = 0)", gradients.v(), 0.0113370762, -0.0829128244,
                    0.0057588730, 0.0419266678);
            assertEntries("dW", gradients.w(), -0.0002426250, -0.1696280031, -0.0329235932,
                    0.1765828079, 0.0331662183, -0.0069548048);
            assertEntries("db_hidden", gradients.bHidden(), 0.0289613846, 0.0905317227);
            assertEntries("db_out", gradients.bOut(), 0.0418534730, -0.7348700251, 0.6930165522);
        }

        @Test
        @Tag("exercise-E")
        @DisplayName("global norm 1.1216522071, clipped to 0.25 by one common factor")
        void clipping() {
            LossAndGradients result = RnnBackward.backward(Fixtures.oneHots(INPUTS, 3), TARGETS,
                    knownTrace(parameters), parameters);
            RnnParameters gradients = (RnnParameters) result.gradients();
            double dvBefore = gradients.v().get(0, 1);

            double norm = Clipping.clipGlobalNorm(gradients, 0.25);

            assertThat(norm).isCloseTo(1.1216522071, within(1e-9));
            assertThat(gradients.globalNorm()).isCloseTo(0.25, within(1e-9));
            // 0.25 / 1.1216522071; a variant that divides by (norm + 1e-6) gives 0.2228852897.
            assertThat(gradients.v().get(0, 1) / dvBefore).isCloseTo(0.25 / 1.1216522071,
                    within(1e-9));
        }
    }

    @Nested
    @Tag("exercise-B")
    @DisplayName("initial weights")
    class Initialisation {

        @Test
        @DisplayName("U, V and W come from Orthogonal.initialize in that order, biases are zero")
        void orthogonalWeightsZeroBiases() {
            RnnParameters parameters = RnnParameters.initialize(5, 4, new Random(6));

            Random random = new Random(6);
            assertThat(parameters.u().data).as("U, 5x4").isEqualTo(
                    Orthogonal.initialize(5, 4, random).data);
            assertThat(parameters.v().data).as("V, 5x5").isEqualTo(
                    Orthogonal.initialize(5, 5, random).data);
            assertThat(parameters.w().data).as("W, 4x5").isEqualTo(
                    Orthogonal.initialize(4, 5, random).data);
            assertThat(parameters.bHidden().data).as("b_hidden").containsOnly(0.0);
            assertThat(parameters.bOut().data).as("b_out").containsOnly(0.0);
        }

        @Test
        @DisplayName("a hidden size of 0 is rejected")
        void zeroHiddenSize() {
            assertThatThrownBy(() -> RnnParameters.initialize(0, 4, new Random(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hiddenSize");
        }
    }

    @Nested
    @Tag("exercise-C")
    @DisplayName("one forward step with sinusoid weights, H = 2, V = 3")
    class OneStep {

        private final RnnParameters parameters = Fixtures.sinusoidRnn(2, 3);

        @Test
        @DisplayName("h_t = tanh(U x_t + V h_{t-1} + b_hidden), entry by entry")
        void hiddenStep() {
            DMatrixRMaj x = Fixtures.oneHots(new int[] {1}, 3).get(0);
            DMatrixRMaj previous = new DMatrixRMaj(new double[][] {{0.5}, {-0.25}});

            DMatrixRMaj h = RnnForward.hiddenStep(x, previous, parameters);

            assertThat(Matrices.shape(h)).as("shape of h_t").isEqualTo("2x1");
            for (int row = 0; row < 2; row++) {
                double a = parameters.bHidden().get(row, 0);
                for (int k = 0; k < 3; k++) {
                    a += parameters.u().get(row, k) * x.get(k, 0);
                }
                for (int k = 0; k < 2; k++) {
                    a += parameters.v().get(row, k) * previous.get(k, 0);
                }
                assertThat(h.get(row, 0)).as("h_t[%d] = tanh(U x_t + V h_{t-1} + b_hidden)[%d]"
                        + " with x_t = onehot(1), h_{t-1} = [0.5; -0.25]", row, row)
                        .isCloseTo(Math.tanh(a), within(1e-12));
            }
            assertThat(previous.data).as("h_{t-1}, not modified").containsExactly(0.5, -0.25);
        }

        @Test
        @DisplayName("y_t = softmax(W h_t + b_out), entry by entry")
        void outputStep() {
            DMatrixRMaj h = new DMatrixRMaj(new double[][] {{0.3}, {-0.6}});

            DMatrixRMaj y = RnnForward.outputStep(h, parameters);

            assertThat(Matrices.shape(y)).as("shape of y_t").isEqualTo("3x1");
            double[] logits = new double[3];
            double total = 0;
            for (int row = 0; row < 3; row++) {
                logits[row] = parameters.bOut().get(row, 0);
                for (int k = 0; k < 2; k++) {
                    logits[row] += parameters.w().get(row, k) * h.get(k, 0);
                }
                total += Math.exp(logits[row]);
            }
            for (int row = 0; row < 3; row++) {
                assertThat(y.get(row, 0)).as("y_t[%d] = softmax(W h_t + b_out)[%d] with"
                        + " h_t = [0.3; -0.6]", row, row)
                        .isCloseTo(Math.exp(logits[row]) / total, within(1e-12));
            }
        }
    }

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("H=3 V=4 T=3", 3, 4, 3, 1L),
                Arguments.of("H=5 V=4 T=7", 5, 4, 7, 2L),
                Arguments.of("H=2 V=6 T=12", 2, 6, 12, 3L),
                Arguments.of("H=8 V=3 T=5", 8, 3, 5, 4L),
                Arguments.of("H=1 V=2 T=4", 1, 2, 4, 5L));
    }

    @Nested
    @Tag("exercise-D")
    @DisplayName("gradients agree with central differences")
    class Gradients {

        @ParameterizedTest(name = "{0}")
        @MethodSource("rnnlab.rnn.RnnTests#sizes")
        @DisplayName("one-hot inputs, large random weights")
        void oneHotInputs(String name, int hidden, int vocabulary, int length, long seed) {
            Random random = new Random(seed);
            RnnParameters parameters = RnnParameters.zeros(hidden, vocabulary);
            Fixtures.randomize(parameters.matrices(), 1.0, random);
            List<DMatrixRMaj> inputs = Fixtures.oneHots(
                    Fixtures.randomIndices(length, vocabulary, random), vocabulary);
            int[] targets = Fixtures.randomIndices(length, vocabulary, random);

            assertGradientsMatch(parameters, inputs, targets);
            assertSaturated(parameters, inputs);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("rnnlab.rnn.RnnTests#sizes")
        @DisplayName("dense inputs and a non-zero initial state")
        void denseInputs(String name, int hidden, int vocabulary, int length, long seed) {
            Random random = new Random(seed + 100);
            RnnParameters parameters = RnnParameters.zeros(hidden, vocabulary);
            Fixtures.randomize(parameters.matrices(), 0.8, random);
            List<DMatrixRMaj> inputs = Fixtures.denseInputs(length, vocabulary, random);
            int[] targets = Fixtures.randomIndices(length, vocabulary, random);
            DMatrixRMaj h0 = Fixtures.denseInputs(1, hidden, random).get(0);

            RnnTrace trace = RnnForward.forward(inputs, h0, parameters);
            LossAndGradients analytic = RnnBackward.backward(inputs, targets, trace, parameters);
            List<DMatrixRMaj> numeric = GradientCheck.numericalGradients(parameters,
                    () -> RnnBackward.backward(inputs, targets,
                            RnnForward.forward(inputs, h0, parameters), parameters).loss());

            assertClose(analytic, numeric);
        }

        private void assertGradientsMatch(RnnParameters parameters, List<DMatrixRMaj> inputs,
                int[] targets) {
            Rnn rnn = new Rnn(parameters);
            LossAndGradients analytic = rnn.lossAndGradients(inputs, targets);
            List<DMatrixRMaj> numeric = GradientCheck.numericalGradients(parameters,
                    () -> rnn.loss(inputs, targets));
            assertClose(analytic, numeric);
        }

        private void assertClose(LossAndGradients analytic, List<DMatrixRMaj> numeric) {
            List<String> names = analytic.gradients().names();
            for (int k = 0; k < names.size(); k++) {
                double error = GradientCheck.relativeError(
                        analytic.gradients().matrices().get(k), numeric.get(k));
                assertThat(error).as("relative error of d%s", names.get(k)).isLessThan(1e-7);
            }
        }

        /** Checks that some pre-activation reached |a| ≥ 1, where tanh' differs clearly. */
        private void assertSaturated(RnnParameters parameters, List<DMatrixRMaj> inputs) {
            RnnTrace trace = RnnForward.forward(inputs, RnnForward.zeroState(parameters),
                    parameters);
            double largest = 0;
            for (DMatrixRMaj h : trace.hidden()) {
                for (double value : h.data) {
                    largest = Math.max(largest, Math.abs(value));
                }
            }
            assertThat(largest).as("largest |h| = |tanh(a)|").isGreaterThan(Math.tanh(1.0));
        }
    }

    @Nested
    @Tag("exercise-D")
    @DisplayName("time indexing")
    class TimeIndexing {

        @Test
        @DisplayName("a one-token sequence gives a non-zero dW")
        void oneTokenSequence() {
            RnnParameters parameters = Fixtures.sinusoidRnn(2, 3);
            LossAndGradients result = new Rnn(parameters).lossAndGradients(
                    Fixtures.oneHots(new int[] {0}, 3), new int[] {1});

            assertThat(((RnnParameters) result.gradients()).w().data)
                    .as("dW from h_1, not from h_0 = 0").isNotEqualTo(new double[6]);
        }

        @Test
        @DisplayName("the carry reaches the first step")
        void carryReachesFirstStep() {
            // Only the first input is b; if the carry is dropped, the gradient of U's b column
            // comes from step 1 alone and misses the later targets.
            Random random = new Random(9);
            RnnParameters parameters = RnnParameters.zeros(3, 3);
            Fixtures.randomize(parameters.matrices(), 1.0, random);
            List<DMatrixRMaj> inputs = Fixtures.oneHots(new int[] {1, 0, 0, 0}, 3);
            int[] targets = {0, 0, 2, 2};
            Rnn rnn = new Rnn(parameters);

            LossAndGradients analytic = rnn.lossAndGradients(inputs, targets);
            List<DMatrixRMaj> numeric = GradientCheck.numericalGradients(parameters,
                    () -> rnn.loss(inputs, targets));

            assertThat(GradientCheck.relativeError(((RnnParameters) analytic.gradients()).u(),
                    numeric.get(0))).as("relative error of dU").isLessThan(1e-7);
        }
    }

    @Nested
    @DisplayName("no aliasing")
    class Aliasing {

        @Test
        @Tag("exercise-D")
        @DisplayName("backward twice gives identical gradients and leaves the weights alone")
        void backwardTwice() {
            RnnParameters parameters = Fixtures.sinusoidRnn(4, 3);
            RnnParameters before = parameters.copy();
            Rnn rnn = new Rnn(parameters);
            List<DMatrixRMaj> inputs = Fixtures.oneHots(INPUTS, 3);

            LossAndGradients first = rnn.lossAndGradients(inputs, TARGETS);
            LossAndGradients second = rnn.lossAndGradients(inputs, TARGETS);

            for (int k = 0; k < 5; k++) {
                assertThat(second.gradients().matrices().get(k).data)
                        .isEqualTo(first.gradients().matrices().get(k).data);
                assertThat(parameters.matrices().get(k).data)
                        .isEqualTo(before.matrices().get(k).data);
            }
        }

        @Test
        @Tag("exercise-C")
        @DisplayName("forward does not keep the caller's initial state")
        void forwardCopiesInitialState() {
            RnnParameters parameters = Fixtures.sinusoidRnn(2, 3);
            DMatrixRMaj h0 = new DMatrixRMaj(2, 1);

            RnnTrace trace = RnnForward.forward(Fixtures.oneHots(INPUTS, 3), h0, parameters);
            h0.set(0, 0, 5.0);

            assertThat(trace.initialHidden().get(0, 0)).isZero();
        }
    }

    @Nested
    @DisplayName("shape errors")
    class ShapeErrors {

        @Test
        @Tag("exercise-B")
        @DisplayName("a wrong V names V and both shapes")
        void wrongV() {
            assertThatThrownBy(() -> new RnnParameters(new DMatrixRMaj(50, 4),
                    new DMatrixRMaj(50, 4), new DMatrixRMaj(4, 50), new DMatrixRMaj(50, 1),
                    new DMatrixRMaj(4, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("V: expected 50x50 but was 50x4");
        }

        @Test
        @Tag("exercise-C")
        @DisplayName("a wrong input names the time step")
        void wrongInput() {
            RnnParameters parameters = Fixtures.sinusoidRnn(2, 3);
            List<DMatrixRMaj> inputs = List.of(new DMatrixRMaj(3, 1), new DMatrixRMaj(4, 1));

            assertThatThrownBy(() -> RnnForward.forward(inputs, new DMatrixRMaj(2, 1),
                    parameters))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs[1]: expected 3x1 but was 4x1");
        }

        @Test
        @Tag("exercise-C")
        @DisplayName("a wrong initial state is rejected")
        void wrongInitialState() {
            RnnParameters parameters = Fixtures.sinusoidRnn(2, 3);

            assertThatThrownBy(() -> RnnForward.forward(Fixtures.oneHots(INPUTS, 3),
                    new DMatrixRMaj(3, 1), parameters))
                    .hasMessage("initialHidden: expected 2x1 but was 3x1");
        }

        @Test
        @Tag("exercise-C")
        @DisplayName("an empty sequence is rejected")
        void emptySequence() {
            RnnParameters parameters = Fixtures.sinusoidRnn(2, 3);

            assertThatThrownBy(() -> new Rnn(parameters).loss(List.of(), new int[0]))
                    .hasMessage("inputs: expected at least 1 time step but was 0");
        }

        @Test
        @Tag("exercise-D")
        @DisplayName("a target out of range is rejected")
        void targetOutOfRange() {
            RnnParameters parameters = Fixtures.sinusoidRnn(2, 3);

            assertThatThrownBy(() -> new Rnn(parameters).lossAndGradients(
                    Fixtures.oneHots(INPUTS, 3), new int[] {0, 1, 3, 2}))
                    .hasMessage("targets[2]: expected 0 to 2 but was 3");
        }

        @Test
        @Tag("exercise-B")
        @DisplayName("initialize keeps every shape")
        void initializeShapes() {
            RnnParameters parameters = RnnParameters.initialize(50, 4, new Random(1));

            assertThat(parameters.u().numRows).isEqualTo(50);
            assertThat(parameters.u().numCols).isEqualTo(4);
            assertThat(parameters.w().numRows).isEqualTo(4);
            assertThat(parameters.w().numCols).isEqualTo(50);
            assertThat(parameters.count()).isEqualTo(50 * 4 + 50 * 50 + 4 * 50 + 50 + 4);
        }
    }
}
