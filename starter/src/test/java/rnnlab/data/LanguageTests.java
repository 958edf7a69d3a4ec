package rnnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.eval.Evaluation;
import rnnlab.eval.LossFloors;
import rnnlab.eval.LossFloors.Floors;
import rnnlab.lstm.Lstm;
import rnnlab.train.History;
import rnnlab.train.ProgressListener;
import rnnlab.train.Trainer;
import rnnlab.train.TrainingOptions;

@DisplayName("languages (optional exercise N)")
class LanguageTests {

    @Test
    @DisplayName("a^n b^n c^n EOS repeats each letter n times")
    void anbncnSequence() {
        assertThat(Language.ANBNCN.sequence(2)).containsExactly("a", "a", "b", "b", "c", "c",
                "EOS");
    }

    @Test
    @DisplayName("a^n b^n generates exactly what AnBn generates")
    void anbnMatchesAnBn() {
        assertThat(Language.ANBN.generate(40, 9)).isEqualTo(AnBn.generate(40, 9));
    }

    @Test
    @DisplayName("command-line names round-trip and unknown names are rejected")
    void names() {
        for (Language language : Language.values()) {
            assertThat(Language.of(language.optionName())).isEqualTo(language);
        }
        assertThatThrownBy(() -> Language.of("dyck"))
                .hasMessage("language: expected anbn or anbncn but was dyck");
    }

    @Test
    @DisplayName("the enumerated memory-less floor of a^n b^n matches the closed form")
    void anbnFloor() {
        assertThat(LossFloors.memoryless(Language.ANBN, 11)).isCloseTo(LossFloors.MEMORYLESS,
                within(1e-12));
        assertThat(LossFloors.memoryless(Language.ANBN, 4)).isCloseTo(
                LossFloors.memoryless(4), within(1e-12));
    }

    @Test
    @DisplayName("a^n b^n c^n pays the per-letter cost three times: about 8.11")
    void anbncnFloor() {
        double perLetter = 5 * Math.log(66.0 / 55) + Math.log(6);

        Floors floors = Floors.of(Language.ANBNCN);

        assertThat(floors.memoryless()).isCloseTo(3 * perLetter, within(1e-12));
        assertThat(floors.memoryless()).isCloseTo(8.11, within(0.005));
        assertThat(floors.optimal()).isCloseTo(Math.log(11), within(1e-15));
    }

    @Test
    @DisplayName("an LSTM learns a^n b^n c^n on a small budget")
    void lstmLearnsAnbncn() {
        List<List<String>> sequences = Language.ANBNCN.generate(160, 4);
        Vocabulary vocabulary = Vocabulary.fromSequences(sequences);
        DatasetSplit split = DatasetSplit.of(sequences);
        List<Example> training = Example.allOf(split.training(), vocabulary);
        List<Example> validation = Example.allOf(split.validation(), vocabulary);
        Lstm lstm = Lstm.initialize(16, vocabulary.size(), new Random(5));

        History history = Trainer.train(lstm, training, validation,
                TrainingOptions.of(30, 0.1), ProgressListener.NONE);

        assertThat(vocabulary.words()).containsExactly("a", "b", "c", "EOS", "UNK");
        assertThat(history.last().validationLoss())
                .isLessThan(Floors.of(Language.ANBNCN).memoryless() - 2.0);
        assertThat(Evaluation.determinedAccuracy(lstm, Example.allOf(split.test(), vocabulary),
                vocabulary.indexOf("b"))).isGreaterThan(0.9);
    }
}
