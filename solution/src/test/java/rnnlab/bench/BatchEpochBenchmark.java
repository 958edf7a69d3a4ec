package rnnlab.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import rnnlab.batch.BatchModel;
import rnnlab.batch.SequenceBatch;
import rnnlab.data.AnBn;
import rnnlab.data.DatasetSplit;
import rnnlab.data.Example;
import rnnlab.data.Vocabulary;
import rnnlab.lstm.Lstm;
import rnnlab.rnn.Rnn;
import rnnlab.train.BatchTrainer;
import rnnlab.train.TrainingOptions;

/**
 * Seconds per mini-batch training epoch of the hand-written models, the counterpart of
 * {@link EpochBenchmark}: the same data (256 sequences of seed 42), model sizes, weight seeds and
 * learning rates, with the validation pass included, also in batches.
 *
 * <p>Compare its output with EpochBenchmark's for the same model, each in a JVM of its own.
 * Both paths call the same {@code Matrices} helpers, and when one JVM runs both, each path was
 * measured slower than in a JVM of its own. The warm-up is longer than EpochBenchmark's,
 * because after 10 warm-up epochs the batched median still varied by half from run to run.
 * Arguments: {@code rnn|lstm [batch size, 16] [epochs, 100] [warm-up epochs, 50]}.
 */
public final class BatchEpochBenchmark {

    private BatchEpochBenchmark() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "rnn";
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 50;

        List<List<String>> sequences = AnBn.generate(AnBn.DEFAULT_COUNT, 42);
        Vocabulary vocabulary = Vocabulary.fromSequences(sequences);
        DatasetSplit split = DatasetSplit.of(sequences);
        List<SequenceBatch> training = BatchTrainer.batches(
                Example.allOf(split.training(), vocabulary), batchSize);
        List<SequenceBatch> validation = BatchTrainer.batches(
                Example.allOf(split.validation(), vocabulary), batchSize);
        BatchModel model = switch (name) {
            case "rnn" -> BatchModel.of(Rnn.initialize(50, vocabulary.size(), new Random(1)));
            case "lstm" -> BatchModel.of(Lstm.initialize(50, vocabulary.size(), new Random(2)));
            default -> throw new IllegalArgumentException("model: expected rnn or lstm but was "
                    + name);
        };
        TrainingOptions options = TrainingOptions.of(1, name.equals("rnn") ? 0.01 : 0.1);

        for (int k = 0; k < warmUp; k++) {
            epoch(model, training, validation, options);
        }
        double[] seconds = new double[epochs];
        for (int k = 0; k < epochs; k++) {
            seconds[k] = epoch(model, training, validation, options);
        }
        Arrays.sort(seconds);
        System.out.printf("model=%s batch_size=%d sec_per_epoch=%.6f (median of %d, min %.6f,"
                + " max %.6f, after %d warm-up epochs)%n", name, batchSize, seconds[epochs / 2],
                epochs, seconds[0], seconds[epochs - 1], warmUp);
    }

    private static double epoch(BatchModel model, List<SequenceBatch> training,
            List<SequenceBatch> validation, TrainingOptions options) {
        long start = System.nanoTime();
        BatchTrainer.trainEpoch(model, training, options);
        BatchTrainer.meanLoss(model, validation);
        return (System.nanoTime() - start) / 1e9;
    }
}
