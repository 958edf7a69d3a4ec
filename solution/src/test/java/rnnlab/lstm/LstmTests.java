package rnnlab.lstm;

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

@DisplayName("LSTM")
class LstmTests {

    /** Inputs a a b b, targets a b b EOS, with a = 0, b = 1, EOS = 2. */
    private static final int[] INPUTS = {0, 0, 1, 1};
    private static final int[] TARGETS = {0, 1, 1, 2};

    private static LstmTrace forward(LstmParameters parameters, int[] indices) {
        DMatrixRMaj zero = LstmForward.zeroState(parameters);
        return LstmForward.forward(Fixtures.oneHots(indices, parameters.vocabularySize()), zero,
                zero, parameters);
    }

    @Nested
    @DisplayName("known answers with sinusoid weights, H = 2, V = 3")
    class KnownAnswers {

        private final LstmParameters parameters = Fixtures.sinusoidLstm(2, 3);

        @Test
        @Tag("exercise-I")
        @DisplayName("forward pass: last hidden state, cell state and softmax output")
        void forwardPass() {
            LstmStep last = forward(parameters, INPUTS).lastStep();

            assertThat(last.hidden().data).containsExactly(new double[] {0.27687004, 0.28640513},
                    within(1e-8));
            assertThat(last.cell().data).containsExactly(new double[] {0.47613531, 0.61995873},
                    within(1e-8));
            assertThat(last.probabilities().data).containsExactly(
                    new double[] {0.32796841, 0.30945084, 0.36258075}, within(1e-8));
        }

        @Test
        @Tag("exercise-J")
        @DisplayName("backward pass: loss and gradient entries")
        void backwardPass() {
            LossAndGradients result = new Lstm(parameters).lossAndGradients(
                    Fixtures.oneHots(INPUTS, 3), TARGETS);
            LstmParameters g = (LstmParameters) result.gradients();

            assertThat(result.loss()).isCloseTo(4.3658184477, within(1e-9));
            assertEntry("dW_f[0,0]", g.wForget().get(0, 0), -0.0029193011);
            assertEntry("dW_f[1,2]", g.wForget().get(1, 2), -0.0018883879);
            assertEntry("dW_i[0,0]", g.wInput().get(0, 0), -0.0049456900);
            assertEntry("dW_i[1,2]", g.wInput().get(1, 2), 0.0073758885);
            assertEntry("dW_g[0,0]", g.wCandidate().get(0, 0), -0.0119438126);
            assertEntry("dW_g[1,2]", g.wCandidate().get(1, 2), 0.0379887658);
            assertEntry("dW_o[0,0]", g.wOutputGate().get(0, 0), -0.0064534051);
            assertEntry("dW_o[1,2]", g.wOutputGate().get(1, 2), 0.0082485861);
            assertEntry("dW_v[0,0]", g.wOut().get(0, 0), 0.1586458332);
            assertEntry("dW_v[1,0]", g.wOut().get(1, 0), -0.0989729244);
            assertThat(g.bForget().data).as("db_f").containsExactly(
                    new double[] {-0.0127260158, -0.0135734794}, within(1e-9));
            assertThat(g.bInput().data).as("db_i").containsExactly(
                    new double[] {-0.0169249450, -0.0074145376}, within(1e-9));
            assertThat(g.bCandidate().data).as("db_g").containsExactly(
                    new double[] {0.0128815328, -0.0096986049}, within(1e-9));
            assertThat(g.bOutputGate().data).as("db_o").containsExactly(
                    new double[] {-0.0186574434, -0.0198313593}, within(1e-9));
            assertEntry("db_v[0]", g.bOut().get(0, 0), 0.3896376731);
            assertEntry("db_v[1]", g.bOut().get(1, 0), -0.7616317973);
        }

        private void assertEntry(String name, double actual, double expected) {
            assertThat(actual).as(name).isCloseTo(expected, within(1e-9));
        }
    }

    @Nested
    @Tag("exercise-H")
    @DisplayName("initial weights")
    class Initialisation {

        @Test
        @DisplayName("W_f, W_i, W_g, W_o, W_v come from Orthogonal.initialize in that order")
        void orthogonalWeightsZeroBiases() {
            LstmParameters parameters = LstmParameters.initialize(3, 4, new Random(7));

            Random random = new Random(7);
            List<String> names = parameters.names();
            for (int k = 0; k < 4; k++) {
                assertThat(parameters.matrices().get(k).data).as("%s, 3x7", names.get(k))
                        .isEqualTo(Orthogonal.initialize(3, 7, random).data);
            }
            assertThat(parameters.wOut().data).as("W_v, 4x3").isEqualTo(
                    Orthogonal.initialize(4, 3, random).data);
            for (int k = 5; k < 10; k++) {
                assertThat(parameters.matrices().get(k).data).as(names.get(k))
                        .containsOnly(0.0);
            }
        }
    }

    @Nested
    @Tag("exercise-I")
    @DisplayName("one forward step with sinusoid weights, H = 2, V = 3")
    class OneStep {

        private final LstmParameters parameters = Fixtures.sinusoidLstm(2, 3);

        @Test
        @DisplayName("every gate, state and output follows its formula")
        void gatesAndStates() {
            DMatrixRMaj x = Fixtures.oneHots(new int[] {2}, 3).get(0);
            DMatrixRMaj h0 = new DMatrixRMaj(new double[][] {{0.4}, {-0.3}});
            DMatrixRMaj c0 = new DMatrixRMaj(new double[][] {{0.2}, {0.7}});

            LstmStep step = LstmForward.step(x, h0, c0, parameters);

            double[] z = {0.4, -0.3, 0, 0, 1};
            assertThat(step.z().data).as("z = [h_{t-1}; x_t]").containsExactly(z);
            double[] h = new double[2];
            for (int k = 0; k < 2; k++) {
                double f = sigmoid(preActivation(parameters.wForget(), parameters.bForget(), z, k));
                double i = sigmoid(preActivation(parameters.wInput(), parameters.bInput(), z, k));
                double g = Math.tanh(preActivation(parameters.wCandidate(),
                        parameters.bCandidate(), z, k));
                double o = sigmoid(preActivation(parameters.wOutputGate(),
                        parameters.bOutputGate(), z, k));
                double c = f * c0.get(k, 0) + i * g;
                h[k] = o * Math.tanh(c);
                assertEntry("f_t", step.forget(), k, f);
                assertEntry("i_t", step.input(), k, i);
                assertEntry("g_t", step.candidate(), k, g);
                assertEntry("o_t", step.outputGate(), k, o);
                assertEntry("c_t = f ∘ c_{t-1} + i ∘ g", step.cell(), k, c);
                assertEntry("tanh(c_t)", step.tanhCell(), k, Math.tanh(c));
                assertEntry("h_t = o ∘ tanh(c_t)", step.hidden(), k, h[k]);
            }
            double[] logits = new double[3];
            double total = 0;
            for (int row = 0; row < 3; row++) {
                logits[row] = preActivation(parameters.wOut(), parameters.bOut(), h, row);
                total += Math.exp(logits[row]);
            }
            for (int row = 0; row < 3; row++) {
                assertEntry("y_t = softmax(W_v h_t + b_v)", step.probabilities(), row,
                        Math.exp(logits[row]) / total);
            }
        }

        private double preActivation(DMatrixRMaj weights, DMatrixRMaj bias, double[] input,
                int row) {
            double sum = bias.get(row, 0);
            for (int k = 0; k < input.length; k++) {
                sum += weights.get(row, k) * input[k];
            }
            return sum;
        }

        private double sigmoid(double a) {
            return 1 / (1 + Math.exp(-a));
        }

        private void assertEntry(String name, DMatrixRMaj actual, int row, double expected) {
            assertThat(actual.get(row, 0)).as("%s, entry %d", name, row).isCloseTo(expected,
                    within(1e-12));
        }
    }

    @Nested
    @Tag("exercise-J")
    @DisplayName("the LSTM as a model")
    class Model {

        private final LstmParameters parameters = Fixtures.sinusoidLstm(2, 3);

        @Test
        @DisplayName("probabilities runs the forward pass from zero states")
        void probabilitiesFromZeroStates() {
            List<DMatrixRMaj> probabilities = new Lstm(parameters).probabilities(
                    Fixtures.oneHots(INPUTS, 3));

            List<DMatrixRMaj> expected = forward(parameters, INPUTS).probabilities();
            assertThat(probabilities).hasSize(expected.size());
            for (int t = 0; t < expected.size(); t++) {
                assertThat(probabilities.get(t).data).as("y_%d", t + 1)
                        .isEqualTo(expected.get(t).data);
            }
        }

        @Test
        @DisplayName("the loss is Σ_t -ln y_t[target_t] of that forward pass")
        void lossOfForwardPass() {
            LossAndGradients result = new Lstm(parameters).lossAndGradients(
                    Fixtures.oneHots(INPUTS, 3), TARGETS);

            List<DMatrixRMaj> y = forward(parameters, INPUTS).probabilities();
            double expected = 0;
            for (int t = 0; t < TARGETS.length; t++) {
                expected -= Math.log(y.get(t).get(TARGETS[t], 0));
            }
            assertThat(result.loss()).isCloseTo(expected, within(1e-12));
        }
    }

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("H=3 V=4 T=3", 3, 4, 3, 11L),
                Arguments.of("H=4 V=3 T=6", 4, 3, 6, 12L),
                Arguments.of("H=2 V=5 T=10", 2, 5, 10, 13L),
                Arguments.of("H=6 V=4 T=4", 6, 4, 4, 14L),
                Arguments.of("H=1 V=2 T=5", 1, 2, 5, 15L));
    }

    @Nested
    @DisplayName("gradients agree with central differences")
    class Gradients {

        @ParameterizedTest(name = "{0}")
        @MethodSource("rnnlab.lstm.LstmTests#sizes")
        @Tag("exercise-J")
        @DisplayName("one-hot inputs, weights large enough to saturate the gates")
        void oneHotInputs(String name, int hidden, int vocabulary, int length, long seed) {
            Random random = new Random(seed);
            LstmParameters parameters = LstmParameters.zeros(hidden, vocabulary);
            Fixtures.randomize(parameters.matrices(), 1.2, random);
            int[] indices = Fixtures.randomIndices(length, vocabulary, random);
            int[] targets = Fixtures.randomIndices(length, vocabulary, random);
            Lstm lstm = new Lstm(parameters);
            List<DMatrixRMaj> inputs = Fixtures.oneHots(indices, vocabulary);

            LossAndGradients analytic = lstm.lossAndGradients(inputs, targets);
            List<DMatrixRMaj> numeric = GradientCheck.numericalGradients(parameters,
                    () -> lstm.loss(inputs, targets));

            assertClose(analytic, numeric);
            assertSaturated(forward(parameters, indices));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("rnnlab.lstm.LstmTests#sizes")
        @Tag("exercise-I")
        @DisplayName("dense inputs and non-zero initial states")
        void denseInputs(String name, int hidden, int vocabulary, int length, long seed) {
            Random random = new Random(seed + 100);
            LstmParameters parameters = LstmParameters.zeros(hidden, vocabulary);
            Fixtures.randomize(parameters.matrices(), 1.0, random);
            List<DMatrixRMaj> inputs = Fixtures.denseInputs(length, vocabulary, random);
            int[] targets = Fixtures.randomIndices(length, vocabulary, random);
            DMatrixRMaj h0 = Fixtures.denseInputs(1, hidden, random).get(0);
            DMatrixRMaj c0 = Fixtures.denseInputs(1, hidden, random).get(0);

            LossAndGradients analytic = LstmBackward.backward(inputs, targets,
                    LstmForward.forward(inputs, h0, c0, parameters), parameters);
            List<DMatrixRMaj> numeric = GradientCheck.numericalGradients(parameters,
                    () -> LstmBackward.backward(inputs, targets,
                            LstmForward.forward(inputs, h0, c0, parameters), parameters).loss());

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

        /**
         * Checks that some gate pre-activation reached |a| ≥ 1, where σ'(σ(a)) and σ'(a) differ
         * by far more than the tolerance.
         */
        private void assertSaturated(LstmTrace trace) {
            double low = Matrices.sigmoid(-1);
            double high = Matrices.sigmoid(1);
            boolean saturated = false;
            for (LstmStep step : trace.steps()) {
                for (double f : step.forget().data) {
                    saturated |= f < low || f > high;
                }
                for (double g : step.candidate().data) {
                    saturated |= Math.abs(g) > Math.tanh(1);
                }
            }
            assertThat(saturated).as("some gate pre-activation beyond |1|").isTrue();
        }
    }

    @Nested
    @Tag("exercise-J")
    @DisplayName("time indexing")
    class TimeIndexing {

        @Test
        @DisplayName("a one-token sequence gives a non-zero dW_v")
        void oneTokenSequence() {
            LstmParameters parameters = Fixtures.sinusoidLstm(2, 3);
            LossAndGradients result = new Lstm(parameters).lossAndGradients(
                    Fixtures.oneHots(new int[] {0}, 3), new int[] {1});

            assertThat(((LstmParameters) result.gradients()).wOut().data)
                    .as("dW_v from h_1, not from h_0 = 0").isNotEqualTo(new double[6]);
        }

        @Test
        @DisplayName("the cell carry reaches the first step of a long sequence")
        void cellCarry() {
            // The target at the last step depends on the first input only through c and h.
            Random random = new Random(21);
            LstmParameters parameters = LstmParameters.zeros(3, 3);
            Fixtures.randomize(parameters.matrices(), 1.0, random);
            Lstm lstm = new Lstm(parameters);
            List<DMatrixRMaj> inputs = Fixtures.oneHots(new int[] {1, 0, 0, 0, 0}, 3);
            int[] targets = {0, 0, 0, 0, 2};

            LossAndGradients analytic = lstm.lossAndGradients(inputs, targets);
            List<DMatrixRMaj> numeric = GradientCheck.numericalGradients(parameters,
                    () -> lstm.loss(inputs, targets));

            for (int k = 0; k < 4; k++) {
                assertThat(GradientCheck.relativeError(analytic.gradients().matrices().get(k),
                        numeric.get(k))).as(analytic.gradients().names().get(k))
                        .isLessThan(1e-7);
            }
        }
    }

    @Nested
    @Tag("exercise-J")
    @DisplayName("no aliasing")
    class Aliasing {

        @Test
        @DisplayName("backward twice gives identical gradients and leaves the weights alone")
        void backwardTwice() {
            LstmParameters parameters = Fixtures.sinusoidLstm(3, 3);
            LstmParameters before = parameters.copy();
            Lstm lstm = new Lstm(parameters);
            List<DMatrixRMaj> inputs = Fixtures.oneHots(INPUTS, 3);

            LossAndGradients first = lstm.lossAndGradients(inputs, TARGETS);
            LossAndGradients second = lstm.lossAndGradients(inputs, TARGETS);

            for (int k = 0; k < 10; k++) {
                assertThat(second.gradients().matrices().get(k).data)
                        .isEqualTo(first.gradients().matrices().get(k).data);
                assertThat(parameters.matrices().get(k).data)
                        .isEqualTo(before.matrices().get(k).data);
            }
        }
    }

    @Nested
    @DisplayName("shapes")
    class Shapes {

        @Test
        @Tag("exercise-H")
        @DisplayName("gate weights act on [h; x]")
        void gateWeightShape() {
            LstmParameters parameters = LstmParameters.initialize(50, 4, new Random(3));

            assertThat(Matrices.shape(parameters.wForget())).isEqualTo("50x54");
            assertThat(Matrices.shape(parameters.wOut())).isEqualTo("4x50");
            assertThat(parameters.count()).isEqualTo(4 * (50 * 54 + 50) + 4 * 50 + 4);
        }

        @Test
        @Tag("exercise-H")
        @DisplayName("a wrong W_g names W_g and both shapes")
        void wrongCandidateWeights() {
            LstmParameters good = LstmParameters.zeros(2, 3);

            assertThatThrownBy(() -> new LstmParameters(good.wForget(), good.wInput(),
                    new DMatrixRMaj(2, 3), good.wOutputGate(), good.wOut(), good.bForget(),
                    good.bInput(), good.bCandidate(), good.bOutputGate(), good.bOut()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("W_g: expected 2x5 but was 2x3");
        }

        @Test
        @Tag("exercise-I")
        @DisplayName("z puts the hidden state first")
        void concatenationOrder() {
            LstmParameters parameters = Fixtures.sinusoidLstm(2, 3);
            LstmStep first = forward(parameters, new int[] {2}).lastStep();

            assertThat(first.z().data).containsExactly(0, 0, 0, 0, 1);
        }
    }
}
