package rnnlab.math;

/**
 * Matrix-matrix products on row-major arrays, computed in blocks of 4×4 entries of the result.
 *
 * <p>A block has 16 running sums, which the JIT can keep in registers, and each step of its
 * inner loop reads four entries of each factor for 16 multiply-adds. One matrix-vector product
 * per column reads two entries per multiply-add instead, which is why the batched passes use
 * these products; {@code rnnlab.bench.BatchEpochBenchmark} measures the effect on a whole
 * epoch. Rows and columns left over after the blocks of four are done in blocks of 4×2, 4×1
 * and 1×4, and single entries.
 *
 * <p>Every entry of the result is one running sum over the inner index, in increasing order,
 * started from zero and added to the result at the end.
 */
final class BlockedProducts {

    private BlockedProducts() {
    }

    /**
     * Adds {@code A B} to C.
     *
     * @param a m×n, row-major, not modified
     * @param b n×p, row-major, not modified
     * @param c m×p, row-major, modified
     */
    static void addProduct(double[] a, double[] b, double[] c, int m, int n, int p) {
        // Entry (i, k) of A is a[i * n + k]: four rows of A, four columns of B.
        int row = 0;
        for (; row + 3 < m; row += 4) {
            int column = 0;
            for (; column + 3 < p; column += 4) {
                addBlock4x4(a, row * n, n, 1, b, column, p, c, row * p + column, p, n);
            }
            for (; column + 1 < p; column += 2) {
                addBlock4x2(a, row * n, n, 1, b, column, p, c, row * p + column, p, n);
            }
            for (; column < p; column++) {
                addBlock4x1(a, row * n, n, 1, b, column, p, c, row * p + column, p, n);
            }
        }
        for (; row < m; row++) {
            int column = 0;
            for (; column + 3 < p; column += 4) {
                addBlock1x4(a, row * n, 1, b, column, p, c, row * p + column, n);
            }
            for (; column < p; column++) {
                addEntry(a, row * n, 1, b, column, p, c, row * p + column, n);
            }
        }
    }

    /**
     * Adds {@code Aᵀ B} to C, without forming the transpose.
     *
     * @param a n×m, row-major, not modified: C has as many rows as A has columns
     * @param b n×p, row-major, not modified
     * @param c m×p, row-major, modified
     */
    static void addProductTransA(double[] a, double[] b, double[] c, int m, int n, int p) {
        // Entry (i, k) of Aᵀ is a[k * m + i]: four columns of A, four columns of B.
        int row = 0;
        for (; row + 3 < m; row += 4) {
            int column = 0;
            for (; column + 3 < p; column += 4) {
                addBlock4x4(a, row, 1, m, b, column, p, c, row * p + column, p, n);
            }
            for (; column + 1 < p; column += 2) {
                addBlock4x2(a, row, 1, m, b, column, p, c, row * p + column, p, n);
            }
            for (; column < p; column++) {
                addBlock4x1(a, row, 1, m, b, column, p, c, row * p + column, p, n);
            }
        }
        for (; row < m; row++) {
            int column = 0;
            for (; column + 3 < p; column += 4) {
                addBlock1x4(a, row, m, b, column, p, c, row * p + column, n);
            }
            for (; column < p; column++) {
                addEntry(a, row, m, b, column, p, c, row * p + column, n);
            }
        }
    }

    /**
     * Adds a 4×4 block of the product to C. Entry (r, k) of the left factor, for r = 0 … 3 in
     * the block, is {@code a[aStart + r * aRowStep + k * aInnerStep]}; entry (k, j) of the right
     * factor is {@code b[bStart + k * bRowStep + j]}.
     */
    private static void addBlock4x4(double[] a, int aStart, int aRowStep, int aInnerStep,
            double[] b, int bStart, int bRowStep, double[] c, int cStart, int cRowStep,
            int inner) {
        double s00 = 0;
        double s01 = 0;
        double s02 = 0;
        double s03 = 0;
        double s10 = 0;
        double s11 = 0;
        double s12 = 0;
        double s13 = 0;
        double s20 = 0;
        double s21 = 0;
        double s22 = 0;
        double s23 = 0;
        double s30 = 0;
        double s31 = 0;
        double s32 = 0;
        double s33 = 0;
        for (int k = 0; k < inner; k++) {
            int bk = bStart + k * bRowStep;
            double b0 = b[bk];
            double b1 = b[bk + 1];
            double b2 = b[bk + 2];
            double b3 = b[bk + 3];
            int ak = aStart + k * aInnerStep;
            double x = a[ak];
            s00 += x * b0;
            s01 += x * b1;
            s02 += x * b2;
            s03 += x * b3;
            x = a[ak + aRowStep];
            s10 += x * b0;
            s11 += x * b1;
            s12 += x * b2;
            s13 += x * b3;
            x = a[ak + 2 * aRowStep];
            s20 += x * b0;
            s21 += x * b1;
            s22 += x * b2;
            s23 += x * b3;
            x = a[ak + 3 * aRowStep];
            s30 += x * b0;
            s31 += x * b1;
            s32 += x * b2;
            s33 += x * b3;
        }
        addFour(c, cStart, s00, s01, s02, s03);
        addFour(c, cStart + cRowStep, s10, s11, s12, s13);
        addFour(c, cStart + 2 * cRowStep, s20, s21, s22, s23);
        addFour(c, cStart + 3 * cRowStep, s30, s31, s32, s33);
    }

    /** Adds a 4×2 block of the product to C; the arguments are those of addBlock4x4. */
    private static void addBlock4x2(double[] a, int aStart, int aRowStep, int aInnerStep,
            double[] b, int bStart, int bRowStep, double[] c, int cStart, int cRowStep,
            int inner) {
        double s00 = 0;
        double s01 = 0;
        double s10 = 0;
        double s11 = 0;
        double s20 = 0;
        double s21 = 0;
        double s30 = 0;
        double s31 = 0;
        for (int k = 0; k < inner; k++) {
            int bk = bStart + k * bRowStep;
            double b0 = b[bk];
            double b1 = b[bk + 1];
            int ak = aStart + k * aInnerStep;
            double x = a[ak];
            s00 += x * b0;
            s01 += x * b1;
            x = a[ak + aRowStep];
            s10 += x * b0;
            s11 += x * b1;
            x = a[ak + 2 * aRowStep];
            s20 += x * b0;
            s21 += x * b1;
            x = a[ak + 3 * aRowStep];
            s30 += x * b0;
            s31 += x * b1;
        }
        c[cStart] += s00;
        c[cStart + 1] += s01;
        c[cStart + cRowStep] += s10;
        c[cStart + cRowStep + 1] += s11;
        c[cStart + 2 * cRowStep] += s20;
        c[cStart + 2 * cRowStep + 1] += s21;
        c[cStart + 3 * cRowStep] += s30;
        c[cStart + 3 * cRowStep + 1] += s31;
    }

    /** Adds a 4×1 block of the product to C; the arguments are those of addBlock4x4. */
    private static void addBlock4x1(double[] a, int aStart, int aRowStep, int aInnerStep,
            double[] b, int bStart, int bRowStep, double[] c, int cStart, int cRowStep,
            int inner) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = 0; k < inner; k++) {
            double x = b[bStart + k * bRowStep];
            int ak = aStart + k * aInnerStep;
            s0 += a[ak] * x;
            s1 += a[ak + aRowStep] * x;
            s2 += a[ak + 2 * aRowStep] * x;
            s3 += a[ak + 3 * aRowStep] * x;
        }
        c[cStart] += s0;
        c[cStart + cRowStep] += s1;
        c[cStart + 2 * cRowStep] += s2;
        c[cStart + 3 * cRowStep] += s3;
    }

    /** Adds a 1×4 block of the product to C, for one row of the left factor. */
    private static void addBlock1x4(double[] a, int aStart, int aInnerStep, double[] b,
            int bStart, int bRowStep, double[] c, int cStart, int inner) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = 0; k < inner; k++) {
            int bk = bStart + k * bRowStep;
            double x = a[aStart + k * aInnerStep];
            s0 += x * b[bk];
            s1 += x * b[bk + 1];
            s2 += x * b[bk + 2];
            s3 += x * b[bk + 3];
        }
        addFour(c, cStart, s0, s1, s2, s3);
    }

    /** Adds one entry of the product to C. */
    private static void addEntry(double[] a, int aStart, int aInnerStep, double[] b, int bStart,
            int bRowStep, double[] c, int cStart, int inner) {
        double sum = 0;
        for (int k = 0; k < inner; k++) {
            sum += a[aStart + k * aInnerStep] * b[bStart + k * bRowStep];
        }
        c[cStart] += sum;
    }

    private static void addFour(double[] c, int start, double s0, double s1, double s2,
            double s3) {
        c[start] += s0;
        c[start + 1] += s1;
        c[start + 2] += s2;
        c[start + 3] += s3;
    }
}
