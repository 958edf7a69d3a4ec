package rnnlab.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("maths helpers")
class MatricesTests {

    @Nested
    @DisplayName("softmax")
    class Softmax {

        @Test
        @DisplayName("huge logits give [1, 0, 0, 0], not NaN")
        void overflow() {
            DMatrixRMaj logits = new DMatrixRMaj(new double[][] {{1000}, {0}, {0}, {0}});

            Matrices.softmaxInPlace(logits);

            assertThat(logits.data).containsExactly(1, 0, 0, 0);
        }

        @Test
        @DisplayName("entries sum to one and keep their order")
        void sumsToOne() {
            DMatrixRMaj logits = new DMatrixRMaj(new double[][] {{1}, {2}, {3}});

            Matrices.softmaxInPlace(logits);

            assertThat(logits.data[0] + logits.data[1] + logits.data[2]).isCloseTo(1,
                    within(1e-15));
            assertThat(logits.data[0]).isLessThan(logits.data[1]);
            assertThat(logits.data[2]).isCloseTo(Math.exp(3) / (Math.exp(1) + Math.exp(2)
                    + Math.exp(3)), within(1e-15));
        }
    }

    @Test
    @DisplayName("tanh agrees with Math.tanh to 3e-16 and is odd")
    void tanh() {
        for (double x = -25; x <= 25; x += 0.001) {
            assertThat(Matrices.tanh(x)).as("tanh(%s)", x).isCloseTo(Math.tanh(x),
                    within(3e-16));
            assertThat(Matrices.tanh(-x)).as("tanh(-x) = -tanh(x) at %s", x)
                    .isEqualTo(-Matrices.tanh(x));
        }
    }

    @Test
    @DisplayName("sigmoid is finite for extreme inputs")
    void sigmoidExtremes() {
        assertThat(Matrices.sigmoid(-1000)).isZero();
        assertThat(Matrices.sigmoid(1000)).isEqualTo(1.0);
        assertThat(Matrices.sigmoid(0)).isEqualTo(0.5);
    }

    @Test
    @DisplayName("matrix-vector helpers match EJML")
    void multiplyHelpers() {
        Random random = new Random(4);
        DMatrixRMaj a = CommonOps_DDRM.identity(7, 5);
        for (int k = 0; k < a.getNumElements(); k++) {
            a.data[k] = random.nextGaussian();
        }
        DMatrixRMaj x = new DMatrixRMaj(5, 1, true, 1, -2, 3, 0.5, 7);
        DMatrixRMaj y = new DMatrixRMaj(7, 1, true, 1, 2, 3, 4, 5, 6, 7);
        DMatrixRMaj expected = y.copy();
        CommonOps_DDRM.multAdd(a, x, expected);

        Matrices.multiplyAdd(a, x, y);

        assertThat(MatrixFeatures_DDRM.isIdentical(expected, y, 1e-12)).isTrue();

        DMatrixRMaj transposedExpected = x.copy();
        CommonOps_DDRM.multAddTransA(a, y, transposedExpected);
        DMatrixRMaj transposed = x.copy();
        Matrices.multiplyAddTransposed(a, y, transposed);
        assertThat(MatrixFeatures_DDRM.isIdentical(transposedExpected, transposed, 1e-12))
                .isTrue();

        DMatrixRMaj outerExpected = a.copy();
        CommonOps_DDRM.multAddTransB(y, x, outerExpected);
        DMatrixRMaj outer = a.copy();
        Matrices.addOuterProduct(y, x, outer);
        assertThat(MatrixFeatures_DDRM.isIdentical(outerExpected, outer, 1e-12)).isTrue();
    }

    @Test
    @DisplayName("argmax takes the first of equal maxima")
    void argmaxTies() {
        assertThat(Matrices.argmax(new DMatrixRMaj(new double[][] {{1}, {3}, {3}}))).isEqualTo(1);
    }

    @Test
    @DisplayName("shape message names the parameter and both shapes")
    void shapeMessage() {
        assertThatThrownBy(() -> Matrices.requireShape("V", new DMatrixRMaj(50, 4), 50, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("V: expected 50x50 but was 50x4");
    }

    @Nested
    @Tag("exercise-B")
    @DisplayName("orthogonal initialisation")
    class OrthogonalInit {

        @ParameterizedTest(name = "{0}x{1}")
        @CsvSource({"4, 50", "50, 4", "50, 54", "50, 50", "1, 7", "7, 1"})
        @DisplayName("rows or columns are orthonormal and the shape is kept")
        void orthonormal(int rows, int cols) {
            DMatrixRMaj w = Orthogonal.initialize(rows, cols, new Random(rows * 31L + cols));

            assertThat(w.numRows).isEqualTo(rows);
            assertThat(w.numCols).isEqualTo(cols);
            DMatrixRMaj product = rows < cols
                    ? CommonOps_DDRM.multTransB(w, w, null)
                    : CommonOps_DDRM.multTransA(w, w, null);
            int size = Math.min(rows, cols);
            assertThat(MatrixFeatures_DDRM.isIdentity(product, 1e-12))
                    .as("%s is I_%d", rows < cols ? "W Wᵀ" : "Wᵀ W", size).isTrue();
        }

        @Test
        @DisplayName("the same seed gives the same matrix")
        void reproducible() {
            DMatrixRMaj first = Orthogonal.initialize(6, 9, new Random(3));
            DMatrixRMaj second = Orthogonal.initialize(6, 9, new Random(3));

            assertThat(first.data).isEqualTo(second.data);
        }

        @Test
        @DisplayName("signs follow R's diagonal, so the first entries are not all positive")
        void signsVary() {
            // Without the sign correction, Householder QR makes R's diagonal negative and Q's
            // first column biased; with it the mean of Q's entries is near zero.
            Random random = new Random(17);
            double sum = 0;
            for (int draw = 0; draw < 400; draw++) {
                sum += Orthogonal.initialize(5, 5, random).get(0, 0);
            }
            assertThat(Math.abs(sum / 400)).isLessThan(0.1);
        }

        @Test
        @DisplayName("a zero dimension is rejected")
        void zeroDimension() {
            assertThatThrownBy(() -> Orthogonal.initialize(0, 3, new Random(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0x3");
        }
    }
}
