package rnnlab.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.data.Example;

/**
 * Conversions between the lab's sequences and DJL arrays, one sequence as a batch of one.
 *
 * <p>Every array is created in the manager passed in, so closing that manager frees them.
 */
final class SequenceArrays {

    private SequenceArrays() {
    }

    /**
     * Encodes an example's input tokens as one-hot vectors.
     *
     * @return float32, (1, T, vocabularySize)
     */
    static NDArray inputs(NDManager manager, Example example, int vocabularySize) {
        NDArray indices = manager.create(toLongs(example.inputIndices()));
        return indices.oneHot(vocabularySize).expandDims(0);
    }

    /**
     * Copies input vectors into one array, entry by entry, so dense inputs work too.
     *
     * @param inputs one vocabularySize×1 vector per time step, not modified
     * @return float32, (1, T, vocabularySize)
     */
    static NDArray inputs(NDManager manager, List<DMatrixRMaj> inputs, int vocabularySize) {
        float[] values = new float[inputs.size() * vocabularySize];
        for (int t = 0; t < inputs.size(); t++) {
            double[] column = inputs.get(t).data;
            for (int k = 0; k < vocabularySize; k++) {
                values[t * vocabularySize + k] = (float) column[k];
            }
        }
        return manager.create(values, new Shape(1, inputs.size(), vocabularySize));
    }

    /**
     * Returns the target indices as class labels for the loss.
     *
     * @return int64, (1, T)
     */
    static NDArray targets(NDManager manager, int[] targets) {
        return manager.create(toLongs(targets)).expandDims(0);
    }

    /**
     * Splits a (1, T, V) array of probabilities into the lab's form.
     *
     * @return one vocabularySize×1 column vector per time step
     */
    static List<DMatrixRMaj> columns(NDArray probabilities) {
        Shape shape = probabilities.getShape();
        int steps = (int) shape.get(1);
        int vocabularySize = (int) shape.get(2);
        float[] values = probabilities.toFloatArray();
        List<DMatrixRMaj> columns = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            DMatrixRMaj column = new DMatrixRMaj(vocabularySize, 1);
            for (int k = 0; k < vocabularySize; k++) {
                column.data[k] = values[t * vocabularySize + k];
            }
            columns.add(column);
        }
        return columns;
    }

    private static long[] toLongs(int[] values) {
        long[] result = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            result[k] = values[k];
        }
        return result;
    }
}
