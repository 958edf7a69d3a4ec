package rnnlab.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rnnlab.data.Vocabulary;
import rnnlab.model.LossAndGradients;
import rnnlab.model.ParameterSet;
import rnnlab.model.SequenceModel;
import rnnlab.rnn.RnnParameters;

@Tag("exercise-F")
@DisplayName("greedy generation")
class GeneratorTests {

    /**
     * Returns the vocabulary a, b, EOS, UNK. It is built in each test rather than in a static
     * field, so that an unfinished exercise A fails each test with one line.
     */
    private static Vocabulary vocabulary() {
        return Vocabulary.fromSequences(List.of(List.of("a", "b", "EOS")));
    }

    /**
     * A model that predicts a fixed script of tokens, one per call, and records every input it
     * is given.
     */
    private static final class ScriptedModel implements SequenceModel {

        private final int[] script;
        private final List<List<DMatrixRMaj>> calls = new ArrayList<>();

        ScriptedModel(int... script) {
            this.script = script;
        }

        @Override
        public String name() {
            return "scripted";
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
            calls.add(List.copyOf(inputs));
            int next = script[Math.min(calls.size() - 1, script.length - 1)];
            List<DMatrixRMaj> outputs = new ArrayList<>();
            for (int t = 0; t < inputs.size(); t++) {
                DMatrixRMaj y = new DMatrixRMaj(4, 1);
                // A soft distribution, so that feeding it back would not look one-hot.
                y.fill(0.1);
                y.set(next, 0, 0.7);
                outputs.add(y);
            }
            return outputs;
        }

        @Override
        public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets) {
            throw new UnsupportedOperationException("not needed for generation");
        }
    }

    @Test
    @DisplayName("stops at EOS and returns it")
    void stopsAtEos() {
        ScriptedModel model = new ScriptedModel(1, 1, 2, 0);

        List<String> generated = Generator.greedy(model, vocabulary(), List.of("a", "a"), 10);

        assertThat(generated).containsExactly("b", "b", "EOS");
    }

    @Test
    @DisplayName("stops after the maximum number of tokens")
    void stopsAtMaximum() {
        ScriptedModel model = new ScriptedModel(0);

        List<String> generated = Generator.greedy(model, vocabulary(), List.of("a"), 5);

        assertThat(generated).hasSize(5).containsOnly("a");
    }

    @Test
    @DisplayName("feeds back the one-hot of the chosen token, never probabilities")
    void feedsOneHot() {
        ScriptedModel model = new ScriptedModel(1, 1, 2);

        Generator.greedy(model, vocabulary(), List.of("a"), 10);

        List<DMatrixRMaj> lastCall = model.calls.get(model.calls.size() - 1);
        assertThat(lastCall).hasSize(3);
        for (DMatrixRMaj input : lastCall) {
            double sum = 0;
            for (double value : input.data) {
                assertThat(value).isIn(0.0, 1.0);
                sum += value;
            }
            assertThat(sum).isEqualTo(1.0);
        }
        assertThat(lastCall.get(1).get(1, 0)).as("the chosen b is fed back").isEqualTo(1.0);
    }

    @Test
    @DisplayName("unknown prompt words become UNK")
    void unknownWords() {
        ScriptedModel model = new ScriptedModel(2);

        Generator.greedy(model, vocabulary(), List.of("a", "zebra"), 3);

        assertThat(model.calls.get(0).get(1).get(3, 0)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("an empty prompt is rejected")
    void emptyPrompt() {
        assertThatThrownBy(() -> Generator.greedy(new ScriptedModel(2), vocabulary(), List.of(),
                3)).hasMessage("prompt: expected at least 1 word but was empty");
    }

    @Test
    @DisplayName("a model of another vocabulary is rejected")
    void vocabularyMismatch() {
        Vocabulary larger = Vocabulary.fromSequences(List.of(List.of("a", "b", "c", "EOS")));

        assertThatThrownBy(() -> Generator.greedy(new ScriptedModel(2), larger, List.of("a"),
                3)).hasMessage("vocabulary: expected 4 words to match the model but was 5");
    }
}
