package rnnlab.data;

import java.util.List;

/**
 * The training, validation and test parts of a list of sequences, 80/10/10.
 *
 * <p>Each size is rounded down: training takes the first 80%, validation the next 10%, and test
 * the last 10%. When a count rounds to zero that part is empty; it never wraps round to the whole
 * list. For 256 sequences the sizes are 204, 25 and 25, and the two sequences between validation
 * and test are left unused.
 */
public record DatasetSplit(List<List<String>> training, List<List<String>> validation,
        List<List<String>> test) {

    /** Splits a list 80/10/10 in its given order; the parts are views of the list. */
    public static DatasetSplit of(List<List<String>> sequences) {
        int count = sequences.size();
        // Integer arithmetic, so that no rounding of 0.8 or 0.1 moves a boundary.
        int trainingCount = count * 8 / 10;
        int validationCount = count / 10;
        int testCount = count / 10;
        return new DatasetSplit(
                sequences.subList(0, trainingCount),
                sequences.subList(trainingCount, trainingCount + validationCount),
                sequences.subList(count - testCount, count));
    }
}
