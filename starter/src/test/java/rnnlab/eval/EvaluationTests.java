package rnnlab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.data.AnBn;
import rnnlab.data.Example;
import rnnlab.data.OneHot;
import rnnlab.data.Vocabulary;
import rnnlab.model.LossAndGradients;
import rnnlab.model.ParameterSet;
import rnnlab.model.SequenceModel;
import rnnlab.rnn.RnnParameters;

@DisplayName("loss floors and accuracy")
class EvaluationTests {

    @Test
    @DisplayName("the optimal floor is ln 11")
    void optimalFloor() {
        assertThat(LossFloors.OPTIMAL).isCloseTo(2.3979, within(1e-4));
    }

    @Test
    @DisplayName("the memory-less floor is about 5.41")
    void memorylessFloor() {
        assertThat(LossFloors.MEMORYLESS).isCloseTo(
                2 * (5 * Math.log(66.0 / 55) + Math.log(6)), within(1e-12));
        assertThat(LossFloors.MEMORYLESS).isCloseTo(5.41, within(0.005));
    }

    @Test
    @DisplayName("the memory-less floor matches a brute-force expectation")
    void memorylessBruteForce() {
        // Count transitions over n = 1..11, then average the per-sequence loss of the best
        // predictor that sees only the current token.
        int maxN = 5;
        double staySum = 0;
        double total = 0;
        for (int n = 1; n <= maxN; n++) {
            staySum += n - 1;
            total += n;
        }
        double expected = 0;
        for (int n = 1; n <= maxN; n++) {
            double perLetter = (n - 1) * -Math.log(staySum / total) - Math.log(maxN / total);
            expected += 2 * perLetter / maxN;
        }
        assertThat(LossFloors.memoryless(maxN)).isCloseTo(expected, within(1e-12));
        assertThat(LossFloors.optimal(maxN)).isLessThan(LossFloors.memoryless(maxN));
    }

    @Test
    @DisplayName("a language of one length has no uncertainty")
    void singleLength() {
        assertThat(LossFloors.memoryless(1)).isZero();
        assertThat(LossFloors.optimal(1)).isZero();
        assertThat(List.of(LossFloors.OPTIMAL, LossFloors.MEMORYLESS)).isSorted();
    }

    /** Predicts "b" after every token: right at some determined positions, wrong at others. */
    private static final class AlwaysB implements SequenceModel {

        @Override
        public String name() {
            return "always-b";
        }

        @Override
        public int vocabularySize() {
            return 4;
        }

        @Override
        public ParameterSet parameters() {
            return RnnParameters.zeros(1, 4);
        }

        @Override
        public List<DMatrixRMaj> probabilities(List<DMatrixRMaj> inputs) {
            List<DMatrixRMaj> outputs = new ArrayList<>();
            for (int t = 0; t < inputs.size(); t++) {
                outputs.add(OneHot.encode(1, 4));
            }
            return outputs;
        }

        @Override
        public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets) {
            throw new UnsupportedOperationException("not needed for evaluation");
        }
    }

    @Test
    @DisplayName("accuracy scores only positions whose input is b")
    void determinedPositions() {
        Vocabulary vocabulary = Vocabulary.fromSequences(List.of(AnBn.sequence(1)));
        // a a a b b b -> targets a a b b b EOS; inputs b at positions 3, 4, 5 with targets
        // b, b, EOS: two of three right. a b -> target b, EOS: input b at position 1, wrong.
        List<Example> examples = List.of(Example.of(AnBn.sequence(3), vocabulary),
                Example.of(AnBn.sequence(1), vocabulary));

        double accuracy = Evaluation.determinedAccuracy(new AlwaysB(), examples,
                vocabulary.indexOf("b"));

        assertThat(accuracy).isCloseTo(2.0 / 4.0, within(1e-15));
    }

    @Test
    @DisplayName("accuracy of no examples is NaN")
    void noExamples() {
        assertThat(Evaluation.determinedAccuracy(new AlwaysB(), List.of(), 1)).isNaN();
    }
}
