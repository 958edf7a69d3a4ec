package rnnlab.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.provider.Arguments;
import rnnlab.model.LossAndGradients;
import rnnlab.model.ParameterSet;
import rnnlab.testing.Fixtures;
import rnnlab.testing.GradientCheck;

/** Random batches and the checks that the RNN and LSTM batch tests share. */
final class BatchFixtures {

    private BatchFixtures() {
    }

    /**
     * Sequences as separate lists, the form the one-sequence models take.
     *
     * @param inputs one list of V×1 vectors per sequence
     * @param targets one target array per sequence
     */
    record Sequences(List<List<DMatrixRMaj>> inputs, List<int[]> targets) {

        SequenceBatch batch() {
            return SequenceBatch.of(inputs, targets);
        }

        int size() {
            return inputs.size();
        }
    }

    /**
     * Batch shapes for the gradient checks: lengths out of order, with ties, a one-step
     * sequence, and batch sizes that are not multiples of 4, so the blocked products run their
     * leftover rows and columns too.
     */
    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("H=3 V=4 lengths 3,1,5", 3, 4, new int[] {3, 1, 5}, 1L),
                Arguments.of("H=5 V=4 lengths 7,7,2,4", 5, 4, new int[] {7, 7, 2, 4}, 2L),
                Arguments.of("H=2 V=6 lengths 1,12,6", 2, 6, new int[] {1, 12, 6}, 3L),
                Arguments.of("H=8 V=3 lengths 5,3,5,1,2", 8, 3, new int[] {5, 3, 5, 1, 2}, 4L),
                Arguments.of("H=6 V=5 lengths 9,4,8,2,6,3,7,1,5", 6, 5,
                        new int[] {9, 4, 8, 2, 6, 3, 7, 1, 5}, 5L));
    }

    /** Returns sequences of one-hot inputs and random targets of the given lengths. */
    static Sequences oneHot(int vocabulary, int[] lengths, Random random) {
        List<List<DMatrixRMaj>> inputs = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        for (int length : lengths) {
            inputs.add(Fixtures.oneHots(Fixtures.randomIndices(length, vocabulary, random),
                    vocabulary));
            targets.add(Fixtures.randomIndices(length, vocabulary, random));
        }
        return new Sequences(inputs, targets);
    }

    /** Returns sequences of Gaussian inputs, so that every column of U or W_x matters. */
    static Sequences dense(int vocabulary, int[] lengths, Random random) {
        List<List<DMatrixRMaj>> inputs = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        for (int length : lengths) {
            inputs.add(Fixtures.denseInputs(length, vocabulary, random));
            targets.add(Fixtures.randomIndices(length, vocabulary, random));
        }
        return new Sequences(inputs, targets);
    }

    /** Checks every gradient against five-point central differences of the batch's loss. */
    static void assertMatchesCentralDifferences(BatchModel model, SequenceBatch batch) {
        LossAndGradients analytic = model.lossAndGradients(batch);
        List<DMatrixRMaj> numeric = GradientCheck.numericalGradients(model.parameters(),
                () -> model.loss(batch));

        List<String> names = analytic.gradients().names();
        for (int k = 0; k < names.size(); k++) {
            double error = GradientCheck.relativeError(analytic.gradients().matrices().get(k),
                    numeric.get(k));
            assertThat(error).as("relative error of d%s against central differences of the"
                    + " batch's summed loss", names.get(k)).isLessThan(1e-7);
        }
    }

    /** Checks that two sets of gradients are identical, bit for bit. */
    static void assertIdentical(String what, ParameterSet expected, ParameterSet actual) {
        for (int k = 0; k < expected.names().size(); k++) {
            assertThat(actual.matrices().get(k).data).as("d%s, %s", expected.names().get(k),
                    what).isEqualTo(expected.matrices().get(k).data);
        }
    }

    /** Returns the largest absolute difference between the entries of two gradient sets. */
    static double maxDifference(ParameterSet expected, ParameterSet actual) {
        double largest = 0;
        for (int k = 0; k < expected.names().size(); k++) {
            double[] a = expected.matrices().get(k).data;
            double[] b = actual.matrices().get(k).data;
            for (int i = 0; i < a.length; i++) {
                largest = Math.max(largest, Math.abs(a[i] - b[i]));
            }
        }
        return largest;
    }

    /**
     * Returns the sequences padded to {@code steps} steps with Gaussian inputs and target
     * indices outside the vocabulary, which no real position could hold.
     */
    static Sequences padded(Sequences sequences, int steps, int vocabulary, Random random) {
        List<List<DMatrixRMaj>> inputs = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        for (int b = 0; b < sequences.size(); b++) {
            List<DMatrixRMaj> input = new ArrayList<>(sequences.inputs().get(b));
            int length = input.size();
            input.addAll(Fixtures.denseInputs(steps - length, vocabulary, random));
            int[] target = new int[steps];
            for (int t = 0; t < steps; t++) {
                target[t] = t < length ? sequences.targets().get(b)[t] : vocabulary + 7;
            }
            inputs.add(input);
            targets.add(target);
        }
        return new Sequences(inputs, targets);
    }

    /** Returns the real length of every sequence. */
    static int[] lengths(Sequences sequences) {
        return sequences.inputs().stream().mapToInt(List::size).toArray();
    }
}
