package rnnlab.bench;

import java.util.List;
import java.util.Random;
import rnnlab.data.AnBn;
import rnnlab.data.DatasetSplit;
import rnnlab.data.Example;
import rnnlab.data.Vocabulary;
import rnnlab.lstm.Lstm;
import rnnlab.model.SequenceModel;
import rnnlab.rnn.Rnn;
import rnnlab.train.BatchTrainer;
import rnnlab.train.History;
import rnnlab.train.ProgressListener;
import rnnlab.train.Trainer;
import rnnlab.train.TrainingOptions;

/**
 * Whole training runs, one sequence at a time and in mini-batches, for the same number of
 * epochs on the lab's default data, from the same initial weights as the training program's.
 *
 * <p>One sequence at a time uses the training program's defaults: the RNN at learning rate
 * 0.03 for 200 epochs, the LSTM at 0.05 for 100. A batch of B makes B times fewer updates per
 * epoch, each along a mean gradient, so the batched run takes a larger learning rate. The
 * program prints, for each run, the number of updates, the final validation loss and the wall
 * time of training. Arguments: {@code rnn|lstm [batch size, 16] [batched learning rate, 0.3
 * for the RNN and 0.5 for the LSTM]}.
 */
public final class BatchTrainingComparison {

    private BatchTrainingComparison() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "rnn";
        boolean rnn = name.equals("rnn");
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int epochs = rnn ? 200 : 100;
        double rate = rnn ? 0.03 : 0.05;
        double batchedRate = rnn ? 0.3 : 0.5;
        if (args.length > 2) {
            batchedRate = Double.parseDouble(args[2]);
        }

        long seed = 42;
        List<List<String>> sequences = AnBn.generate(AnBn.DEFAULT_COUNT, seed);
        Vocabulary vocabulary = Vocabulary.fromSequences(sequences);
        DatasetSplit split = DatasetSplit.of(sequences);
        List<Example> training = Example.allOf(split.training(), vocabulary);
        List<Example> validation = Example.allOf(split.validation(), vocabulary);

        History oneAtATime = Trainer.train(model(name, vocabulary.size(), seed), training,
                validation, TrainingOptions.of(epochs, rate), ProgressListener.NONE);
        print(name, 1, rate, epochs, epochs * training.size(), oneAtATime);
        History batched = BatchTrainer.train(model(name, vocabulary.size(), seed), training,
                validation, TrainingOptions.of(epochs, batchedRate), batchSize,
                ProgressListener.NONE);
        int batches = (training.size() + batchSize - 1) / batchSize;
        print(name, batchSize, batchedRate, epochs, epochs * batches, batched);
    }

    /** Returns the model the training program starts from for this seed. */
    private static SequenceModel model(String name, int vocabularySize, long seed) {
        return switch (name) {
            case "rnn" -> Rnn.initialize(50, vocabularySize, new Random(seed + 1));
            case "lstm" -> Lstm.initialize(50, vocabularySize, new Random(seed + 2));
            default -> throw new IllegalArgumentException("model: expected rnn or lstm but was "
                    + name);
        };
    }

    private static void print(String name, int batchSize, double rate, int epochs, int updates,
            History history) {
        System.out.printf("model=%s batch_size=%d lr=%g epochs=%d updates=%d val_loss=%.4f"
                + " seconds=%.2f%n", name, batchSize, rate, epochs, updates,
                history.last().validationLoss(), history.seconds());
    }
}
