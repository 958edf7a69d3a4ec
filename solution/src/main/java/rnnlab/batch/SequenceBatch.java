package rnnlab.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.data.Example;
import rnnlab.model.Inputs;
import rnnlab.model.Losses;

/**
 * B sequences of possibly different lengths, padded to the longest, in the form the batched
 * passes read: per time step t, one V×k_t matrix of inputs and k_t targets.
 *
 * <p>The batch sorts its sequences by length, longest first, and equal lengths keep their
 * given order. Column j of every step belongs to the sequence at index {@link #sequenceIndex(int)
 * sequenceIndex(j)} of the given list. Because of that order, the positions that contain a real
 * token at step t, where the mask is 1, are always the first k_t columns, with k_t the number
 * of sequences longer than t. The padding is therefore never stored: the step matrices have
 * k_t columns, and the batched passes compute only those. A padded position contributes no loss
 * and no gradient, and a finished sequence's state is simply not carried any further.
 *
 * <p>The matrices are shared, not copied: callers must not modify them.
 */
public final class SequenceBatch {

    private final int vocabularySize;
    private final int[] order;
    private final int[] lengths;
    private final List<DMatrixRMaj> inputs;
    private final List<int[]> targets;

    private SequenceBatch(int vocabularySize, int[] order, int[] lengths,
            List<DMatrixRMaj> inputs, List<int[]> targets) {
        this.vocabularySize = vocabularySize;
        this.order = order;
        this.lengths = lengths;
        this.inputs = inputs;
        this.targets = targets;
    }

    /**
     * Batches encoded examples, each of its full length.
     *
     * @param examples one or more, not modified
     * @throws IllegalArgumentException if the list is empty or the examples' vocabulary sizes
     *     differ
     */
    public static SequenceBatch of(List<Example> examples) {
        List<List<DMatrixRMaj>> inputs = new ArrayList<>(examples.size());
        List<int[]> targets = new ArrayList<>(examples.size());
        for (Example example : examples) {
            inputs.add(example.inputs());
            targets.add(example.targets());
        }
        return of(inputs, targets);
    }

    /**
     * Batches sequences given as inputs and targets, each of its full length.
     *
     * @param inputs one list of V×1 vectors per sequence, not modified
     * @param targets one target index per input of each sequence
     * @throws IllegalArgumentException naming the sequence and the step of the first invalid
     *     input or target
     */
    public static SequenceBatch of(List<List<DMatrixRMaj>> inputs, List<int[]> targets) {
        int[] lengths = new int[inputs.size()];
        for (int b = 0; b < lengths.length; b++) {
            lengths[b] = inputs.get(b).size();
        }
        return padded(inputs, targets, lengths);
    }

    /**
     * Batches padded sequences: sequence b is real up to {@code lengths[b]} and padding after
     * it. Padded inputs and targets are never read, so they may contain anything.
     *
     * @param inputs one list of V×1 vectors per sequence, at least lengths[b] long, not
     *     modified
     * @param targets one array per sequence, at least lengths[b] long
     * @param lengths the number of real steps of each sequence, the mask, at least 1 each
     * @throws IllegalArgumentException if the lists are empty or differ in size, or naming the
     *     sequence and the step of the first invalid length, input or target
     */
    public static SequenceBatch padded(List<List<DMatrixRMaj>> inputs, List<int[]> targets,
            int[] lengths) {
        requireSizes(inputs, targets, lengths);
        DMatrixRMaj first = inputs.get(0).isEmpty() ? null : inputs.get(0).get(0);
        int vocabularySize = first == null ? 0 : first.numRows;
        for (int b = 0; b < lengths.length; b++) {
            requireSequence(b, inputs.get(b), targets.get(b), lengths[b], vocabularySize);
        }
        int[] order = longestFirst(lengths);
        int[] sortedLengths = new int[order.length];
        for (int j = 0; j < order.length; j++) {
            sortedLengths[j] = lengths[order[j]];
        }

        int steps = sortedLengths[0];
        List<DMatrixRMaj> stepInputs = new ArrayList<>(steps);
        List<int[]> stepTargets = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            int active = countLongerThan(sortedLengths, t);
            DMatrixRMaj x = new DMatrixRMaj(vocabularySize, active);
            int[] y = new int[active];
            for (int j = 0; j < active; j++) {
                DMatrixRMaj column = inputs.get(order[j]).get(t);
                for (int row = 0; row < vocabularySize; row++) {
                    x.data[row * active + j] = column.data[row];
                }
                y[j] = targets.get(order[j])[t];
            }
            stepInputs.add(x);
            stepTargets.add(y);
        }
        return new SequenceBatch(vocabularySize, order, sortedLengths, List.copyOf(stepInputs),
                List.copyOf(stepTargets));
    }

    private static void requireSizes(List<List<DMatrixRMaj>> inputs, List<int[]> targets,
            int[] lengths) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("batch: expected at least 1 sequence but was 0");
        }
        if (targets.size() != inputs.size() || lengths.length != inputs.size()) {
            throw new IllegalArgumentException("batch: expected as many target arrays and"
                    + " lengths as sequences (" + inputs.size() + ") but were " + targets.size()
                    + " and " + lengths.length);
        }
    }

    /** Checks the real part of one sequence with the checks of the one-sequence code. */
    private static void requireSequence(int b, List<DMatrixRMaj> inputs, int[] targets,
            int length, int vocabularySize) {
        if (length < 1 || length > inputs.size() || length > targets.length) {
            throw new IllegalArgumentException("sequence " + b + ": expected a length of 1 to "
                    + Math.min(inputs.size(), targets.length) + " but was " + length);
        }
        try {
            Inputs.require(inputs.subList(0, length), vocabularySize);
            Losses.requireTargets(Arrays.copyOf(targets, length), length, vocabularySize);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("sequence " + b + ": " + invalid.getMessage(),
                    invalid);
        }
    }

    /** Returns the indices 0 … B-1 sorted by length, longest first, ties in given order. */
    private static int[] longestFirst(int[] lengths) {
        List<Integer> indices = new ArrayList<>(lengths.length);
        for (int b = 0; b < lengths.length; b++) {
            indices.add(b);
        }
        // List.sort is stable, so equal lengths keep their order.
        indices.sort(Comparator.comparingInt(b -> -lengths[b]));
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int countLongerThan(int[] descendingLengths, int t) {
        int count = 0;
        while (count < descendingLengths.length && descendingLengths[count] > t) {
            count++;
        }
        return count;
    }

    /** Returns B, the number of sequences. */
    public int size() {
        return order.length;
    }

    /** Returns the number of time steps, the length of the longest sequence. */
    public int steps() {
        return inputs.size();
    }

    /** Returns V, the number of rows of every input matrix. */
    public int vocabularySize() {
        return vocabularySize;
    }

    /** Returns k_t, the number of sequences longer than t, which fill the first columns. */
    public int activeCount(int t) {
        return inputs.get(t).numCols;
    }

    /** Returns X_t, the inputs of step t, V×k_t, one column per active sequence, shared. */
    public DMatrixRMaj inputs(int t) {
        return inputs.get(t);
    }

    /** Returns X_0 … X_{T-1}, shared. */
    public List<DMatrixRMaj> inputs() {
        return inputs;
    }

    /** Returns the k_t target indices of step t in column order, shared. */
    public int[] targets(int t) {
        return targets.get(t);
    }

    /** Returns the index in the given list of the sequence in column j. */
    public int sequenceIndex(int column) {
        return order[column];
    }

    /** Returns the number of real steps of the sequence in column j. */
    public int length(int column) {
        return lengths[column];
    }

    /** Returns the number of real positions, Σ_b length_b: the number of terms of the loss. */
    public int positions() {
        return Arrays.stream(lengths).sum();
    }
}
