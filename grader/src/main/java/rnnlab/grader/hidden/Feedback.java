package rnnlab.grader.hidden;

import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.opentest4j.AssertionFailedError;
import rnnlab.grader.Exercise;

/**
 * Comparisons for hidden tests whose failure messages teach: the exercise, what was expected,
 * what was found (the shapes and the first differing entry, never a whole matrix), and the
 * formula or step to check.
 */
public final class Feedback {

    private Feedback() {
    }

    /**
     * Fails with a message in the lab's format.
     *
     * @param exercise the exercise letter, such as "C"
     * @param what what was compared, such as "h_3 for a 3-step sequence"
     * @param expected the expected value, short
     * @param found the value found, short
     * @param hint the formula or step to check
     */
    public static AssertionFailedError failure(String exercise, String what, String expected,
            String found, String hint) {
        return new AssertionFailedError("Exercise " + Exercise.of(exercise).label() + ": " + what
                + ": expected " + expected + " but found " + found + ". Check " + hint);
    }

    /**
     * Checks that a matrix has the expected shape and entries within a tolerance.
     *
     * @param expected not modified
     * @param actual not modified; null fails with a message
     */
    public static void assertMatrix(String exercise, String what, DMatrixRMaj expected,
            DMatrixRMaj actual, double tolerance, String hint) {
        if (actual == null) {
            throw failure(exercise, what, "a " + shape(expected) + " matrix", "null", hint);
        }
        if (actual.numRows != expected.numRows || actual.numCols != expected.numCols) {
            throw failure(exercise, what + " shape", shape(expected), shape(actual), hint);
        }
        for (int r = 0; r < expected.numRows; r++) {
            for (int c = 0; c < expected.numCols; c++) {
                double want = expected.get(r, c);
                double got = actual.get(r, c);
                if (!(Math.abs(want - got) <= tolerance)) {
                    throw failure(exercise, what + " entry (" + r + ", " + c + ") of "
                            + shape(expected), format(want), format(got), hint);
                }
            }
        }
    }

    /** Checks one number within a tolerance. */
    public static void assertNumber(String exercise, String what, double expected, double actual,
            double tolerance, String hint) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            throw failure(exercise, what, format(expected), format(actual), hint);
        }
    }

    /** Checks a condition, failing with the lab's message format. */
    public static void check(boolean condition, String exercise, String what, String expected,
            String found, String hint) {
        if (!condition) {
            throw failure(exercise, what, expected, found, hint);
        }
    }

    /** Formats a shape as rows x cols. */
    public static String shape(DMatrixRMaj matrix) {
        return matrix.numRows + "x" + matrix.numCols;
    }

    /** Formats a number with enough digits to show a small difference. */
    public static String format(double value) {
        return String.format("%.8g", value);
    }

    /**
     * Checks an analytic gradient against a numerical one by the relative error
     * ||a - n|| / (||a|| + ||n||) over the whole matrix, and on failure names the entry that
     * differs most.
     *
     * @param numeric the central-difference estimate, not modified
     * @param analytic the submission's gradient, not modified; null fails with a message
     */
    public static void assertGradient(String exercise, String what, DMatrixRMaj numeric,
            DMatrixRMaj analytic, double tolerance, String hint) {
        if (analytic == null) {
            throw failure(exercise, what, "a " + shape(numeric) + " matrix", "null", hint);
        }
        if (analytic.numRows != numeric.numRows || analytic.numCols != numeric.numCols) {
            throw failure(exercise, what + " shape", shape(numeric), shape(analytic), hint);
        }
        double error = relativeError(analytic, numeric);
        if (error <= tolerance) {
            return;
        }
        int worst = 0;
        for (int k = 0; k < numeric.getNumElements(); k++) {
            double difference = Math.abs(numeric.data[k] - analytic.data[k]);
            if (!(difference <= Math.abs(numeric.data[worst] - analytic.data[worst]))) {
                worst = k;
            }
        }
        int row = worst / numeric.numCols;
        int col = worst % numeric.numCols;
        throw failure(exercise, what + " entry (" + row + ", " + col + ") of " + shape(numeric)
                + " (relative error over the matrix " + String.format("%.2g", error)
                + ", allowed " + String.format("%.0g", tolerance) + ")",
                format(numeric.data[worst]) + " (central difference of the loss)",
                format(analytic.data[worst]), hint);
    }

    /** Returns ||a - n|| / (||a|| + ||n||): 0 when both are zero, NaN when an entry is NaN. */
    public static double relativeError(DMatrixRMaj analytic, DMatrixRMaj numeric) {
        double difference = 0;
        double normA = 0;
        double normN = 0;
        for (int k = 0; k < analytic.getNumElements(); k++) {
            double a = analytic.data[k];
            double n = numeric.data[k];
            difference += (a - n) * (a - n);
            normA += a * a;
            normN += n * n;
        }
        double denominator = Math.sqrt(normA) + Math.sqrt(normN);
        return denominator == 0 ? 0 : Math.sqrt(difference) / denominator;
    }

    /**
     * Checks that a matrix has orthonormal rows (W Wᵀ = I, when rows &lt; cols) or orthonormal
     * columns (Wᵀ W = I otherwise), and reports the entry of the product that is furthest from
     * the identity.
     */
    public static void assertOrthonormal(String exercise, String what, DMatrixRMaj matrix,
            double tolerance, String hint) {
        boolean wide = matrix.numRows < matrix.numCols;
        DMatrixRMaj product = wide ? CommonOps_DDRM.multTransB(matrix, matrix, null)
                : CommonOps_DDRM.multTransA(matrix, matrix, null);
        String name = wide ? "W Wᵀ" : "Wᵀ W";
        for (int r = 0; r < product.numRows; r++) {
            for (int c = 0; c < product.numCols; c++) {
                double want = r == c ? 1.0 : 0.0;
                double got = product.get(r, c);
                if (!(Math.abs(got - want) <= tolerance)) {
                    throw failure(exercise, what + " (" + shape(matrix) + "): " + name
                            + " entry (" + r + ", " + c + ")", format(want), format(got), hint);
                }
            }
        }
    }

    /**
     * Runs an action and checks that it throws an {@link IllegalArgumentException} whose message
     * names the parameter, the expected shape and the actual shape, as in
     * "V: expected 50x50 but was 50x4".
     */
    public static void assertShapeError(String exercise, String what, Runnable action,
            String parameter, String expectedShape, String actualShape) {
        String expectedError = "IllegalArgumentException naming " + parameter + ", "
                + expectedShape + " and " + actualShape + ", such as \"" + parameter + ": expected "
                + expectedShape + " but was " + actualShape + "\"";
        String hint = "the shape check: one exception type and one message template for every"
                + " parameter";
        assertThrowsNaming(exercise, what, action, expectedError, hint, parameter, expectedShape,
                actualShape);
    }

    /**
     * Runs an action and checks that it throws an {@link IllegalArgumentException} whose message
     * contains each of the given words, such as the parameter's name and the rejected value.
     *
     * @param call the call as a student would write it, such as "Sgd.step(..., -0.5)"
     * @param words what the message must name
     */
    public static void assertRejected(String exercise, String call, Runnable action,
            String hint, String... words) {
        String expected = "IllegalArgumentException naming " + String.join(" and ", words);
        assertThrowsNaming(exercise, call, action, expected, hint, words);
    }

    /**
     * Runs an action and checks that it throws an {@link IllegalArgumentException} whose message
     * contains every one of the words. A stub of another exercise fails as not gradable.
     */
    private static void assertThrowsNaming(String exercise, String what, Runnable action,
            String expectedError, String hint, String... words) {
        try {
            action.run();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            boolean names = true;
            for (String word : words) {
                names &= message.contains(word);
            }
            check(names, exercise, what, expectedError, "\"" + message + "\"", hint);
            return;
        } catch (UnsupportedOperationException e) {
            throw notGradable(exercise, e);
        } catch (RuntimeException e) {
            throw failure(exercise, what, expectedError, e.getClass().getSimpleName() + ": "
                    + e.getMessage(), hint);
        }
        throw failure(exercise, what, expectedError, "no exception", hint);
    }

    /**
     * Calls the submission. An {@link UnsupportedOperationException} from an unfinished other
     * exercise becomes a failure that names the exercise blocking this one. Anything else,
     * including this exercise's own stub, passes through unchanged.
     */
    public static <T> T call(String exercise, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnsupportedOperationException e) {
            throw notGradable(exercise, e);
        }
    }

    /**
     * Rethrows a stub's exception unchanged when it is this exercise's own, and otherwise returns
     * a failure that names the blocking exercise, for the caller to throw.
     */
    private static AssertionFailedError notGradable(String exercise,
            UnsupportedOperationException stub) {
        String message = String.valueOf(stub.getMessage());
        boolean namesExercise = message.startsWith("Exercise ") && message.length() > 10
                && !Character.isLetter(message.charAt(10));
        if (!namesExercise || message.charAt(9) == exercise.charAt(0)) {
            throw stub;
        }
        AssertionFailedError blocked = new AssertionFailedError("Exercise "
                + Exercise.of(exercise).label() + " cannot be graded until exercise "
                + message.charAt(9) + " is finished: " + message);
        blocked.initCause(stub);
        return blocked;
    }
}
