package rnnlab.grader.hidden;

import static rnnlab.grader.hidden.Feedback.check;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import rnnlab.data.Vocabulary;
import rnnlab.generate.Generator;
import rnnlab.grader.Graded;
import rnnlab.model.LossAndGradients;
import rnnlab.model.ParameterSet;
import rnnlab.model.SequenceModel;

/**
 * Exercise F: greedy generation, checked with a scripted model that records every input it is
 * given. The model needs no trained weights, so exercises B to E cannot cost points here. The
 * vocabulary comes from exercise A.
 */
@DisplayName("F: greedy generation")
public class ExerciseFTests {

    private static final String F = "F";

    private static final String LOOP_HINT = "Generator.greedy: run the model on prompt +"
            + " generated so far, take the argmax of the last step's output, append its word,"
            + " stop after EOS (included) or after maxTokens words";

    /**
     * A model whose prediction depends only on how many inputs it reads: inside the prompt it
     * predicts one fixed word, and after the prompt plus k generated words it predicts word k of
     * a script. Its outputs are soft distributions (0.4 on the chosen word), so that feeding
     * them back would not look one-hot.
     */
    private static final class ScriptedModel implements SequenceModel {

        private final Vocabulary vocabulary;
        private final int promptLength;
        private final String insidePrompt;
        private final List<String> script;
        private final List<List<DMatrixRMaj>> calls = new ArrayList<>();

        ScriptedModel(Vocabulary vocabulary, int promptLength, String insidePrompt,
                String... script) {
            this.vocabulary = vocabulary;
            this.promptLength = promptLength;
            this.insidePrompt = insidePrompt;
            this.script = List.of(script);
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public int vocabularySize() {
            return vocabulary.size();
        }

        @Override
        public ParameterSet parameters() {
            return new NamedMatrices(List.of("none"), List.of(new DMatrixRMaj(1, 1)));
        }

        @Override
        public List<DMatrixRMaj> probabilities(List<DMatrixRMaj> inputs) {
            calls.add(Reference.copies(inputs));
            List<DMatrixRMaj> outputs = new ArrayList<>();
            for (int t = 0; t < inputs.size(); t++) {
                int generated = t + 1 - promptLength;
                String word = generated < 0 ? insidePrompt
                        : script.get(Math.min(generated, script.size() - 1));
                outputs.add(distribution(vocabulary.indexOf(word)));
            }
            return outputs;
        }

        private DMatrixRMaj distribution(int chosen) {
            int size = vocabulary.size();
            DMatrixRMaj y = new DMatrixRMaj(size, 1);
            y.fill(0.6 / (size - 1));
            y.set(chosen, 0, 0.4);
            return y;
        }

        @Override
        public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets) {
            throw new IllegalStateException("generation must not compute gradients");
        }
    }

    private static Vocabulary vocabulary() {
        return Feedback.call(F, () -> Vocabulary.fromSequences(List.of(List.of("a", "b",
                "EOS"))));
    }

    private static List<String> generate(ScriptedModel model, List<String> prompt,
            int maxTokens) {
        List<String> generated = Feedback.call(F, () -> Generator.greedy(model,
                model.vocabulary, prompt, maxTokens));
        check(generated != null, F, "Generator.greedy result", "a list of words", "null",
                LOOP_HINT);
        return generated;
    }

    private static void checkGenerated(List<String> prompt, int maxTokens, List<String> expected,
            List<String> found, String hint) {
        check(expected.equals(found), F, "words generated after " + prompt + " with maxTokens "
                + maxTokens, expected.toString(), found.toString(), hint);
    }

    @Test
    @Graded(exercise = F, points = 2)
    @DisplayName("stops at EOS and includes it")
    void stopsAtEos() {
        Vocabulary vocabulary = vocabulary();
        List<String> prompt = List.of("a", "a", "a");
        ScriptedModel model = new ScriptedModel(vocabulary, 3, "a", "b", "b", "b", "EOS", "a");

        checkGenerated(prompt, 20, List.of("b", "b", "b", "EOS"), generate(model, prompt, 20),
                LOOP_HINT);

        List<String> shortPrompt = List.of("b");
        ScriptedModel ending = new ScriptedModel(vocabulary, 1, "a", "EOS", "b");
        checkGenerated(shortPrompt, 5, List.of("EOS"), generate(ending, shortPrompt, 5),
                LOOP_HINT);

        // A prompt may end with EOS; generation continues it all the same.
        List<String> ended = List.of("a", "EOS");
        ScriptedModel afterEos = new ScriptedModel(vocabulary, 2, "a", "b", "EOS");
        checkGenerated(ended, 10, List.of("b", "EOS"), generate(afterEos, ended, 10),
                LOOP_HINT + "; a prompt that ends with EOS is continued like any other");

        // Words split from text are equal to the constant AnBn.EOS but not the same object.
        List<String> splitWords = List.of("a b EOS".split(" "));
        Vocabulary fromText = Feedback.call(F, () -> Vocabulary.fromSequences(List.of(
                splitWords)));
        ScriptedModel textModel = new ScriptedModel(fromText, 1, "a", "b", "EOS", "a");
        checkGenerated(List.of("a"), 10, List.of("b", "EOS"), generate(textModel, List.of("a"),
                10), LOOP_HINT + "; compare words with equals, never with ==");

        // Without EOS in the vocabulary, only maxTokens stops generation.
        Vocabulary noEos = Feedback.call(F, () -> Vocabulary.fromSequences(List.of(
                List.of("a", "b"))));
        ScriptedModel unknownOnly = new ScriptedModel(noEos, 1, "a", "UNK");
        checkGenerated(List.of("a"), 3, List.of("UNK", "UNK", "UNK"), generate(unknownOnly,
                List.of("a"), 3), LOOP_HINT + "; compare the chosen word with AnBn.EOS, not an"
                        + " index looked up in the vocabulary");

        // In this vocabulary EOS has index 3 and c has index 2, so the stop must test the word.
        Vocabulary threeLetters = Feedback.call(F, () -> Vocabulary.fromSequences(List.of(
                List.of("a", "b", "c", "EOS"))));
        List<String> letters = List.of("a", "b");
        ScriptedModel lettersModel = new ScriptedModel(threeLetters, 2, "b", "c", "c", "EOS",
                "a");
        checkGenerated(letters, 10, List.of("c", "c", "EOS"), generate(lettersModel, letters,
                10), LOOP_HINT + "; compare the chosen word with AnBn.EOS, never its index");
    }

    @Test
    @Graded(exercise = F, points = 1)
    @DisplayName("stops after maxTokens words and rejects a limit below 1")
    void stopsAtMaximum() {
        Vocabulary vocabulary = vocabulary();
        List<String> prompt = List.of("a");

        checkGenerated(prompt, 6, List.of("a", "a", "a", "a", "a", "a"),
                generate(new ScriptedModel(vocabulary, 1, "b", "a"), prompt, 6), LOOP_HINT);
        checkGenerated(prompt, 1, List.of("b"),
                generate(new ScriptedModel(vocabulary, 1, "a", "b"), prompt, 1), LOOP_HINT);
        checkGenerated(prompt, 2, List.of("b", "EOS"),
                generate(new ScriptedModel(vocabulary, 1, "a", "b", "EOS"), prompt, 2),
                LOOP_HINT);

        String inputHint = "the checks at the start of Generator.greedy, before any model call";
        ScriptedModel model = new ScriptedModel(vocabulary, 1, "a", "b");
        Feedback.assertRejected(F, "Generator.greedy(model, vocabulary, [a], 0)",
                () -> Generator.greedy(model, vocabulary, prompt, 0), inputHint, "maxTokens",
                "0");
        Feedback.assertRejected(F, "Generator.greedy(model, vocabulary, [], 5)",
                () -> Generator.greedy(model, vocabulary, List.of(), 5), inputHint, "prompt");
        Vocabulary larger = Feedback.call(F, () -> Vocabulary.fromSequences(
                List.of(List.of("a", "b", "c", "EOS"))));
        ScriptedModel mismatched = new ScriptedModel(larger, 1, "a", "b");
        Feedback.assertRejected(F, "Generator.greedy with a " + larger.size() + "-word model and"
                + " a " + vocabulary.size() + "-word vocabulary",
                () -> Generator.greedy(mismatched, vocabulary, prompt, 5), inputHint,
                "vocabulary", String.valueOf(larger.size()), String.valueOf(vocabulary.size()));
        check(model.calls.isEmpty() && mismatched.calls.isEmpty(), F,
                "model calls made by rejected generations", "none",
                String.valueOf(model.calls.size() + mismatched.calls.size()), inputHint);
    }

    @Test
    @Graded(exercise = F, points = 2)
    @DisplayName("feeds back the one-hot of each chosen word, never probabilities")
    void feedsOneHot() {
        Vocabulary vocabulary = vocabulary();
        List<String> prompt = List.of("a", "b");
        ScriptedModel model = new ScriptedModel(vocabulary, 2, "b", "a", "a", "b", "EOS");
        String hint = "the input you append: OneHot.encode(index of the chosen word,"
                + " vocabulary.size()), not the softmax output, because the model was trained"
                + " on one-hot inputs only";

        generate(model, prompt, 10);

        check(!model.calls.isEmpty(), F, "calls to model.probabilities", "at least one",
                "none", LOOP_HINT);
        List<DMatrixRMaj> last = model.calls.get(model.calls.size() - 1);
        List<String> fed = List.of("a", "b", "a", "a", "b");
        check(last.size() == fed.size(), F, "inputs of the call that predicts EOS",
                fed.size() + " (the prompt " + prompt + " and the words a, a, b)",
                String.valueOf(last.size()), LOOP_HINT + "; each call reads the whole sequence,"
                        + " because the model starts from the zero state every time");
        for (int t = 0; t < fed.size(); t++) {
            DMatrixRMaj expected = Reference.oneHot(vocabulary.indexOf(fed.get(t)),
                    vocabulary.size());
            Feedback.assertMatrix(F, "input " + t + " (\"" + fed.get(t) + "\") of that call",
                    expected, last.get(t), 0.0, hint);
        }
    }

    @Test
    @Graded(exercise = F, points = 1)
    @DisplayName("unknown prompt words are fed as UNK")
    void unknownPromptWords() {
        Vocabulary vocabulary = vocabulary();
        List<String> prompt = List.of("a", "zebra", "b");
        ScriptedModel model = new ScriptedModel(vocabulary, 3, "a", "EOS");

        generate(model, prompt, 4);

        check(!model.calls.isEmpty(), F, "calls to model.probabilities", "at least one",
                "none", LOOP_HINT);
        List<DMatrixRMaj> first = model.calls.get(0);
        check(first.size() == prompt.size(), F, "inputs of the first call", prompt.size()
                + " (one per prompt word)", String.valueOf(first.size()), "the prompt's"
                        + " encoding: OneHot.encodeSequence(prompt, vocabulary), every word of"
                        + " it passed to the model");
        // The vocabulary (exercise A) decides UNK's index, and generation must only use it.
        DMatrixRMaj expected = Reference.oneHot(vocabulary.indexOf("zebra"), vocabulary.size());
        Feedback.assertMatrix(F, "input 1 (\"zebra\", not in the vocabulary) of the first call",
                expected, first.get(1), 0.0, "the prompt's encoding:"
                        + " OneHot.encodeSequence(prompt, vocabulary), where unknown words map"
                        + " to UNK");
    }

    @Test
    @Graded(exercise = F, points = 1)
    @DisplayName("each word comes from the last step's output")
    void usesLastStep() {
        // Inside the prompt the model predicts EOS, so taking any step but the last one would
        // stop at once.
        Vocabulary vocabulary = vocabulary();
        List<String> prompt = List.of("a", "a", "b", "b");
        ScriptedModel model = new ScriptedModel(vocabulary, 4, "EOS", "b", "b", "EOS");

        String argmaxHint = "the prediction: take the argmax of the last output,"
                + " probabilities.get(size - 1), which follows the newest word";
        checkGenerated(prompt, 10, List.of("b", "b", "EOS"), generate(model, prompt, 10),
                argmaxHint);

        // UNK is a word like any other: it can be the most likely one, and it does not stop.
        ScriptedModel unknown = new ScriptedModel(vocabulary, 4, "a", "UNK", "UNK", "EOS");
        checkGenerated(prompt, 10, List.of("UNK", "UNK", "EOS"), generate(unknown, prompt, 10),
                argmaxHint + " over every word, UNK included; only EOS stops");

        // Every output is uniform, so every word ties and the first maximum, index 0, wins.
        SequenceModel uniform = new SequenceModel() {
            @Override
            public String name() {
                return "uniform";
            }

            @Override
            public int vocabularySize() {
                return vocabulary.size();
            }

            @Override
            public ParameterSet parameters() {
                return new NamedMatrices(List.of("none"), List.of(new DMatrixRMaj(1, 1)));
            }

            @Override
            public List<DMatrixRMaj> probabilities(List<DMatrixRMaj> inputs) {
                List<DMatrixRMaj> outputs = new ArrayList<>();
                for (int t = 0; t < inputs.size(); t++) {
                    DMatrixRMaj y = new DMatrixRMaj(vocabulary.size(), 1);
                    y.fill(1.0 / vocabulary.size());
                    outputs.add(y);
                }
                return outputs;
            }

            @Override
            public LossAndGradients lossAndGradients(List<DMatrixRMaj> inputs, int[] targets) {
                throw new IllegalStateException("generation must not compute gradients");
            }
        };
        // Index 0 comes from exercise A's order; when it is EOS, generation stops at once.
        String first = vocabulary.wordAt(0);
        List<String> expectedTies = first.equals("EOS") ? List.of(first)
                : List.of(first, first, first);
        List<String> ties = Feedback.call(F, () -> Generator.greedy(uniform, vocabulary, prompt,
                3));
        checkGenerated(prompt, 3, expectedTies, ties, "ties: like Matrices.argmax, pick the"
                + " first of equal maxima, the smallest index");
    }

    @Test
    @Graded(exercise = F, points = 1)
    @DisplayName("returns the generated words without the prompt")
    void returnsGeneratedOnly() {
        Vocabulary vocabulary = vocabulary();
        List<String> prompt = List.of("b", "a");
        ScriptedModel model = new ScriptedModel(vocabulary, 2, "b", "a", "EOS");

        checkGenerated(prompt, 10, List.of("a", "EOS"), generate(model, prompt, 10),
                "the result: only the words generated after the prompt, ending with EOS");
    }
}
