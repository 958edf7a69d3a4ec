package rnnlab.cli;

import ai.djl.engine.EngineException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rnnlab.data.AnBn;
import rnnlab.data.DatasetSplit;
import rnnlab.data.Example;
import rnnlab.data.Language;
import rnnlab.data.Vocabulary;
import rnnlab.djl.CellType;
import rnnlab.djl.DjlSequenceModel;
import rnnlab.djl.DjlTraining;
import rnnlab.djl.DjlTrainingOptions;
import rnnlab.eval.Evaluation;
import rnnlab.eval.LossFloors.Floors;
import rnnlab.generate.Generator;
import rnnlab.lstm.Lstm;
import rnnlab.model.SequenceModel;
import rnnlab.plot.LossPlot;
import rnnlab.rnn.Rnn;
import rnnlab.train.BatchTrainer;
import rnnlab.train.History;
import rnnlab.train.Trainer;
import rnnlab.train.TrainingDivergedException;
import rnnlab.train.TrainingOptions;

/**
 * The lab's main program: trains the hand-written models on {@code a^n b^n EOS}, prints
 * predictions and generations, writes loss plots, and ends with one summary line per model.
 */
@Command(name = "rnn-lab", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains the hand-written RNN and LSTM and the DJL LSTM on a^n b^n EOS and"
                + " compares them.")
public final class LabCommand implements Callable<Integer> {

    /** Minimum sequence count, so that validation and test each get at least two sequences. */
    static final int MIN_SEQUENCES = 20;

    /** Prompts to continue after training: short, longer than any training sequence, unknown. */
    static final List<List<String>> PROMPTS = List.of(
            words("a a a b"),
            words("a a a a a a a a a a a a a a b"),
            words("a a c b"));

    private static final int SHOWN_TEST_SEQUENCES = 3;
    private static final int MAX_GENERATED = 40;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Which model to train: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ModelChoice model = ModelChoice.all;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Passes over the training data (default: 200 for the RNN, 100 for"
                    + " the LSTM, 50 for the DJL models).")
    Integer epochs;

    @Option(names = "--hidden", paramLabel = "H",
            description = "Hidden state size (default: ${DEFAULT-VALUE}).")
    int hidden = 50;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate: SGD's for the hand-written models (default: 0.03 for"
                    + " the RNN, 0.05 for the LSTM), Adam's for djl and gru (default: 0.001).")
    Double learningRate;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of the data and the initial weights (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--sequences", paramLabel = "COUNT",
            description = "Number of a^n b^n sequences to generate, at least " + MIN_SEQUENCES
                    + " (default: ${DEFAULT-VALUE}).")
    int sequences = AnBn.DEFAULT_COUNT;

    @Option(names = "--language", paramLabel = "LANGUAGE", converter = LanguageConverter.class,
            description = "The language to learn: anbn (a^n b^n EOS) or anbncn (a^n b^n c^n"
                    + " EOS, optional exercise N) (default: anbn).")
    Language language = Language.ANBN;

    @Option(names = "--batch-size", paramLabel = "B",
            description = "Sequences per SGD step for the hand-written models (optional"
                    + " exercise G); batches need a larger --lr, about 10 times the default at"
                    + " 16 (default: ${DEFAULT-VALUE}, one sequence at a time).")
    int batchSize = 1;

    @Option(names = "--prompt", paramLabel = "WORDS",
            description = "A prompt to continue after training, its words separated by spaces,"
                    + " such as \"a a a\"; repeat the option for more prompts (default: a a a b,"
                    + " 14 a's and a b, and a a c b).")
    List<String> prompts = new ArrayList<>();

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Folder for the loss plots (default: ${DEFAULT-VALUE}).")
    Path plots = Path.of("plots");

    /**
     * Runs the program and exits with its status: 0 on success, 1 when training diverged or the
     * plots could not be written, 2 on invalid options, 3 when an exercise is not implemented.
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** Builds the command line with the lab's one-line handling of invalid options. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LabCommand());
        commandLine.setParameterExceptionHandler((error, args) -> {
            PrintWriter err = error.getCommandLine().getErr();
            err.println("rnn-lab: " + error.getMessage() + " (run with --help for the options)");
            err.flush();
            return 2;
        });
        // A stub reached outside the per-model loop, such as Vocabulary.fromSequences, ends the
        // run the same way as one reached while training.
        commandLine.setExecutionExceptionHandler((error, command, parseResult) -> {
            if (error instanceof UnsupportedOperationException unfinished) {
                return reportUnfinished(unfinished, command.getErr());
            }
            throw error;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        validateOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        List<List<String>> all = language.generate(sequences, seed);
        Floors floors = Floors.of(language);
        Vocabulary vocabulary = Vocabulary.fromSequences(all);
        DatasetSplit split = DatasetSplit.of(all);
        List<Example> training = Example.allOf(split.training(), vocabulary);
        List<Example> validation = Example.allOf(split.validation(), vocabulary);
        List<Example> test = Example.allOf(split.test(), vocabulary);
        out.printf("Data: %d sequences of %s (seed %d): %d training, %d validation, %d test;"
                + " vocabulary %s%n", all.size(), language.description(), seed,
                training.size(), validation.size(), test.size(), vocabulary.words());
        out.printf("Loss floors (sum of cross-entropy per sequence): optimal ln 11 = %.3f,"
                + " memory-less = %.3f%n%n", floors.optimal(), floors.memoryless());

        List<String> summaries = new ArrayList<>();
        List<History> histories = new ArrayList<>();
        int status = 0;
        Data data = new Data(vocabulary, training, validation, test);
        for (ModelChoice choice : model.models()) {
            try {
                status = Math.max(status, runModel(choice, data, histories, summaries, out, err));
            } catch (TrainingDivergedException diverged) {
                err.println("rnn-lab: " + diverged.getMessage());
                err.flush();
                if (!diverged.history().epochs().isEmpty()) {
                    histories.add(diverged.history());
                }
                status = 1;
            } catch (UnsupportedOperationException unfinished) {
                status = Math.max(status, reportUnfinished(unfinished, err));
            }
        }
        status = Math.max(status, writePlots(histories, floors, out, err));
        out.println();
        summaries.forEach(out::println);
        out.flush();
        return status;
    }

    /**
     * Prints the one-line message of an exercise stub, such as "Exercise C (RNN forward pass) is
     * not implemented yet", and returns status 3.
     */
    private static int reportUnfinished(UnsupportedOperationException unfinished,
            PrintWriter err) {
        err.println("rnn-lab: " + unfinished.getMessage()
                + "; finish it and run its tests, then train again");
        err.flush();
        return 3;
    }

    private void validateOptions() {
        CommandLine commandLine = spec.commandLine();
        if (epochs != null && epochs < 1) {
            throw new CommandLine.ParameterException(commandLine,
                    "--epochs must be 1 or more but was " + epochs);
        }
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(commandLine,
                    "--batch-size must be 1 or more but was " + batchSize);
        }
        if (hidden < 1) {
            throw new CommandLine.ParameterException(commandLine,
                    "--hidden must be 1 or more but was " + hidden);
        }
        if (learningRate != null && (!(learningRate > 0) || learningRate.isInfinite())) {
            throw new CommandLine.ParameterException(commandLine,
                    "--lr must be a positive number but was " + learningRate);
        }
        if (java.nio.file.Files.exists(plots) && !java.nio.file.Files.isDirectory(plots)) {
            throw new CommandLine.ParameterException(commandLine, "--plots must be a folder but "
                    + plots + " is a file; choose another folder");
        }
        for (String prompt : prompts) {
            if (prompt.isBlank()) {
                throw new CommandLine.ParameterException(commandLine, "--prompt must contain at"
                        + " least one word but was \"" + prompt + "\"; give words separated by"
                        + " spaces, such as --prompt \"a a a\"");
            }
        }
        if (sequences < MIN_SEQUENCES) {
            throw new CommandLine.ParameterException(commandLine, "--sequences must be at least "
                    + MIN_SEQUENCES + " so that validation and test are not empty, but was "
                    + sequences);
        }
    }

    /** The encoded data every model trains and is evaluated on. */
    private record Data(Vocabulary vocabulary, List<Example> training, List<Example> validation,
            List<Example> test) {
    }

    /**
     * Trains one model, prints its predictions and generations, and adds its history and
     * summary line. The DJL models hold native memory, so they live only inside this call.
     *
     * @return 0, or 1 when the DJL engine could not be loaded
     */
    private int runModel(ModelChoice choice, Data data, List<History> histories,
            List<String> summaries, PrintWriter out, PrintWriter err) {
        int vocabularySize = data.vocabulary().size();
        switch (choice) {
            case rnn -> {
                Rnn rnn = Rnn.initialize(hidden, vocabularySize, new Random(seed + 1));
                TrainingOptions options = options(ModelDefaults.RNN);
                announce(rnn, "SGD", options.learningRate(), options.epochs(), out);
                History history = trainHandWritten(rnn, data, options, out);
                report(rnn, history, data, histories, summaries, out);
            }
            case lstm -> {
                Lstm lstm = Lstm.initialize(hidden, vocabularySize, new Random(seed + 2));
                TrainingOptions options = options(ModelDefaults.LSTM);
                announce(lstm, "SGD", options.learningRate(), options.epochs(), out);
                History history = trainHandWritten(lstm, data, options, out);
                report(lstm, history, data, histories, summaries, out);
            }
            case djl, gru -> {
                CellType cell = choice == ModelChoice.djl ? CellType.LSTM : CellType.GRU;
                DjlTrainingOptions options = new DjlTrainingOptions(
                        epochs != null ? epochs : ModelDefaults.DJL.epochs(),
                        learningRate != null ? learningRate : ModelDefaults.DJL.learningRate());
                try (DjlSequenceModel djl = DjlSequenceModel.create(cell, vocabularySize, hidden,
                        seed + 3)) {
                    announce(djl, "Adam", options.learningRate(), options.epochs(), out);
                    History history = DjlTraining.train(djl, data.training(), data.validation(),
                            options, new ProgressPrinter(out, djl.name()));
                    report(djl, history, data, histories, summaries, out);
                } catch (EngineException engine) {
                    err.println("rnn-lab: the DJL PyTorch engine could not be loaded: "
                            + engine.getMessage() + "; outside Linux x86-64 DJL downloads it on"
                            + " first use, so check the network");
                    err.flush();
                    return 1;
                }
            }
            case all -> throw new IllegalArgumentException("all is not a single model");
        }
        return 0;
    }

    /** Trains the RNN or the LSTM one sequence at a time, or in batches of --batch-size. */
    private History trainHandWritten(SequenceModel model, Data data, TrainingOptions options,
            PrintWriter out) {
        ProgressPrinter progress = new ProgressPrinter(out, model.name());
        if (batchSize == 1) {
            return Trainer.train(model, data.training(), data.validation(), options, progress);
        }
        return BatchTrainer.train(model, data.training(), data.validation(), options, batchSize,
                progress);
    }

    private TrainingOptions options(ModelDefaults defaults) {
        return TrainingOptions.of(epochs != null ? epochs : defaults.epochs(),
                learningRate != null ? learningRate : defaults.learningRate());
    }

    private void announce(SequenceModel trained, String optimizer, double rate, int epochCount,
            PrintWriter out) {
        out.printf("Training %s: hidden %d, %d parameters, %s learning rate %s, %d epochs%n",
                trained.name().toUpperCase(), hidden, trained.parameters().count(), optimizer,
                rate, epochCount);
        out.flush();
    }

    private void report(SequenceModel trained, History history, Data data,
            List<History> histories, List<String> summaries, PrintWriter out) {
        histories.add(history);
        showPredictions(trained, data.test(), data.vocabulary(), out);
        showGenerations(trained, data.vocabulary(), generationPrompts(), out);
        double accuracy = Evaluation.determinedAccuracy(trained, data.test(),
                data.vocabulary().indexOf(language.firstDetermined()));
        summaries.add(summary(history, accuracy));
    }

    private static void showPredictions(SequenceModel model, List<Example> test,
            Vocabulary vocabulary, PrintWriter out) {
        out.println("Test sequences:");
        for (Example example : test.subList(0, Math.min(SHOWN_TEST_SEQUENCES, test.size()))) {
            int[] predicted = Evaluation.predict(model, example);
            out.println("  input     " + wordsOf(example.inputIndices(), vocabulary));
            out.println("  target    " + wordsOf(example.targets(), vocabulary));
            out.println("  predicted " + wordsOf(predicted, vocabulary));
            out.println();
        }
    }

    /** Returns the prompts of --prompt, split into words, or the default prompts. */
    private List<List<String>> generationPrompts() {
        if (prompts.isEmpty()) {
            return PROMPTS;
        }
        List<List<String>> split = new ArrayList<>();
        for (String prompt : prompts) {
            split.add(words(prompt.strip()));
        }
        return split;
    }

    private static void showGenerations(SequenceModel model, Vocabulary vocabulary,
            List<List<String>> prompts, PrintWriter out) {
        out.println("Greedy generation:");
        for (List<String> prompt : prompts) {
            List<String> generated = Generator.greedy(model, vocabulary, prompt, MAX_GENERATED);
            out.println("  " + String.join(" ", prompt) + " -> " + String.join(" ", generated));
        }
        out.println();
        out.flush();
    }

    private int writePlots(List<History> histories, Floors floors, PrintWriter out,
            PrintWriter err) {
        try {
            for (History history : histories) {
                out.println("Wrote " + LossPlot.writeHistory(history, plots, floors));
            }
            if (histories.size() > 1) {
                out.println("Wrote " + LossPlot.writeComparison(histories, plots, "comparison",
                        floors));
            }
            return 0;
        } catch (IOException | RuntimeException failure) {
            err.println("rnn-lab: could not write the plots to " + plots.toAbsolutePath() + ": "
                    + failure + "; choose another folder with --plots");
            err.flush();
            return 1;
        }
    }

    private static String summary(History history, double accuracy) {
        return String.format("model=%s epochs=%d train_loss=%.4f val_loss=%.4f accuracy=%.4f"
                + " seconds=%.2f", history.modelName(), history.epochs().size(),
                history.last().trainingLoss(), history.last().validationLoss(), accuracy,
                history.seconds());
    }

    private static String wordsOf(int[] indices, Vocabulary vocabulary) {
        StringBuilder text = new StringBuilder();
        for (int index : indices) {
            text.append(text.length() == 0 ? "" : " ").append(vocabulary.wordAt(index));
        }
        return text.toString();
    }

    private static List<String> words(String text) {
        return Arrays.asList(text.split("\\s+"));
    }
}
