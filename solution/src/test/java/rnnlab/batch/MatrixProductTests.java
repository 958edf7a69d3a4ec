package rnnlab.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rnnlab.math.Matrices;

/** The matrix-matrix helpers that the batched passes add to {@code Matrices}. */
@Tag("exercise-G")
@DisplayName("matrix products for batches")
class MatrixProductTests {

    private static DMatrixRMaj gaussian(int rows, int cols, Random random) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < matrix.getNumElements(); k++) {
            matrix.data[k] = random.nextGaussian();
        }
        return matrix;
    }

    private static void assertClose(String what, DMatrixRMaj expected, DMatrixRMaj actual) {
        assertThat(Matrices.shape(actual)).as("shape of " + what).isEqualTo(
                Matrices.shape(expected));
        for (int k = 0; k < expected.getNumElements(); k++) {
            assertThat(actual.data[k]).as("%s, entry %d (row-major)", what, k)
                    .isCloseTo(expected.data[k], within(1e-12));
        }
    }

    @Nested
    @DisplayName("agree with EJML")
    class AgreeWithEjml {

        // Sizes below, at and past the blocks of 4, so the leftover rows and columns run too.
        @ParameterizedTest(name = "A {0}x{1}, B {1}x{2}")
        @CsvSource({"1, 3, 2", "3, 5, 4", "4, 4, 4", "5, 7, 3", "9, 6, 7", "50, 50, 16",
            "4, 54, 13"})
        @DisplayName("addProduct: C + A B")
        void addProduct(int m, int n, int p) {
            Random random = new Random(m * 100 + n * 10 + p);
            DMatrixRMaj a = gaussian(m, n, random);
            DMatrixRMaj b = gaussian(n, p, random);
            DMatrixRMaj c = gaussian(m, p, random);
            DMatrixRMaj expected = c.copy();
            CommonOps_DDRM.multAdd(a, b, expected);

            Matrices.addProduct(a, b, c);

            assertClose("C + A B", expected, c);
        }

        @ParameterizedTest(name = "A {0}x{1}, B {0}x{2}")
        @CsvSource({"3, 1, 2", "5, 3, 4", "4, 4, 4", "7, 5, 3", "6, 9, 7", "50, 54, 16",
            "4, 50, 13"})
        @DisplayName("addProductTransA: C + Aᵀ B")
        void addProductTransA(int m, int n, int p) {
            Random random = new Random(m * 100 + n * 10 + p);
            DMatrixRMaj a = gaussian(m, n, random);
            DMatrixRMaj b = gaussian(m, p, random);
            DMatrixRMaj c = gaussian(n, p, random);
            DMatrixRMaj expected = c.copy();
            CommonOps_DDRM.multAddTransA(a, b, expected);

            Matrices.addProductTransA(a, b, c);

            assertClose("C + Aᵀ B", expected, c);
        }

        @Test
        @DisplayName("addProductsTransB: C + Σ_t A_t B_tᵀ over widths 3, 1 and 5")
        void addProductsTransB() {
            Random random = new Random(8);
            List<DMatrixRMaj> a = new ArrayList<>();
            List<DMatrixRMaj> b = new ArrayList<>();
            DMatrixRMaj c = gaussian(6, 5, random);
            DMatrixRMaj expected = c.copy();
            for (int width : new int[] {3, 1, 5}) {
                a.add(gaussian(6, width, random));
                b.add(gaussian(5, width, random));
                CommonOps_DDRM.multAddTransB(a.get(a.size() - 1), b.get(b.size() - 1),
                        expected);
            }

            Matrices.addProductsTransB(a, b, c);

            assertClose("C + Σ_t A_t B_tᵀ", expected, c);
        }

        @Test
        @DisplayName("softmaxColumnsInPlace: each column as softmaxInPlace, huge logits too")
        void softmaxColumns() {
            DMatrixRMaj logits = new DMatrixRMaj(new double[][] {{1, 1000, -3}, {2, 0, -3},
                {3, 0, 40}});
            DMatrixRMaj expected = logits.copy();

            Matrices.softmaxColumnsInPlace(logits);

            for (int j = 0; j < 3; j++) {
                DMatrixRMaj column = CommonOps_DDRM.extractColumn(expected, j, null);
                Matrices.softmaxInPlace(column);
                for (int row = 0; row < 3; row++) {
                    assertThat(logits.get(row, j)).as("softmax of column %d, row %d", j, row)
                            .isEqualTo(column.get(row, 0));
                }
            }
        }
    }

    @Nested
    @DisplayName("one column gives the one-sequence numbers bit for bit")
    class OneColumn {

        private final Random random = new Random(21);
        private final DMatrixRMaj a = gaussian(7, 9, random);

        @Test
        @DisplayName("addProduct is multiplyAdd")
        void product() {
            DMatrixRMaj x = gaussian(9, 1, random);
            DMatrixRMaj expected = gaussian(7, 1, random);
            DMatrixRMaj actual = expected.copy();
            Matrices.multiplyAdd(a, x, expected);

            Matrices.addProduct(a, x, actual);

            assertThat(actual.data).isEqualTo(expected.data);
        }

        @Test
        @DisplayName("addProductTransA is multiplyAddTransposed")
        void transposedProduct() {
            DMatrixRMaj x = gaussian(7, 1, random);
            DMatrixRMaj expected = gaussian(9, 1, random);
            DMatrixRMaj actual = expected.copy();
            Matrices.multiplyAddTransposed(a, x, expected);

            Matrices.addProductTransA(a, x, actual);

            assertThat(actual.data).isEqualTo(expected.data);
        }

        @Test
        @DisplayName("addProductsTransB is addOuterProducts")
        void outerProducts() {
            List<DMatrixRMaj> left = new ArrayList<>();
            List<DMatrixRMaj> right = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                left.add(gaussian(7, 1, random));
                right.add(gaussian(9, 1, random));
            }
            left.get(2).data[3] = 0;
            DMatrixRMaj expected = gaussian(7, 9, random);
            DMatrixRMaj actual = expected.copy();
            Matrices.addOuterProducts(left, right, expected);

            Matrices.addProductsTransB(left, right, actual);

            assertThat(actual.data).isEqualTo(expected.data);
        }
    }

    @Nested
    @DisplayName("shape errors")
    class ShapeErrors {

        @Test
        @DisplayName("addProduct names both shapes")
        void product() {
            assertThatThrownBy(() -> Matrices.addProduct(new DMatrixRMaj(50, 50),
                    new DMatrixRMaj(4, 16), new DMatrixRMaj(50, 16)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("addProduct: expected B with 50 rows and C of 50x16 but B was"
                            + " 4x16 and C was 50x16");
        }

        @Test
        @DisplayName("addProductTransA names both shapes")
        void transposedProduct() {
            assertThatThrownBy(() -> Matrices.addProductTransA(new DMatrixRMaj(4, 50),
                    new DMatrixRMaj(4, 3), new DMatrixRMaj(4, 3)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("addProductTransA: expected B with 4 rows and C of 50x3 but B"
                            + " was 4x3 and C was 4x3");
        }

        @Test
        @DisplayName("addProductsTransB names the step")
        void productsTransB() {
            List<DMatrixRMaj> a = List.of(new DMatrixRMaj(3, 2), new DMatrixRMaj(3, 2));
            List<DMatrixRMaj> b = List.of(new DMatrixRMaj(4, 2), new DMatrixRMaj(4, 1));

            assertThatThrownBy(() -> Matrices.addProductsTransB(a, b, new DMatrixRMaj(3, 4)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("B_1: expected 4x2 but was 4x1");
        }
    }
}
