package rnnlab.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import rnnlab.data.AnBn;
import rnnlab.data.DatasetSplit;
import rnnlab.data.Example;
import rnnlab.data.Vocabulary;
import rnnlab.lstm.Lstm;
import rnnlab.model.SequenceModel;
import rnnlab.rnn.Rnn;
import rnnlab.train.Trainer;
import rnnlab.train.TrainingOptions;

/**
 * Seconds per training epoch of the hand-written models on the lab's default data (256
 * sequences, hidden size 50), with the validation pass included as in the NumPy reference.
 *
 * <p>Run through {@code bench/compare.sh}, which times the NumPy reference in the same run and
 * prints the ratio. Arguments: {@code rnn|lstm [epochs] [warm-up epochs]}.
 */
public final class EpochBenchmark {

    private EpochBenchmark() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "rnn";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10;

        List<List<String>> sequences = AnBn.generate(AnBn.DEFAULT_COUNT, 42);
        Vocabulary vocabulary = Vocabulary.fromSequences(sequences);
        DatasetSplit split = DatasetSplit.of(sequences);
        List<Example> training = Example.allOf(split.training(), vocabulary);
        List<Example> validation = Example.allOf(split.validation(), vocabulary);
        SequenceModel model = switch (name) {
            case "rnn" -> Rnn.initialize(50, vocabulary.size(), new Random(1));
            case "lstm" -> Lstm.initialize(50, vocabulary.size(), new Random(2));
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
        System.out.printf("model=%s sec_per_epoch=%.6f (median of %d, min %.6f, max %.6f,"
                + " after %d warm-up epochs)%n", name, seconds[epochs / 2], epochs, seconds[0],
                seconds[epochs - 1], warmUp);
    }

    private static double epoch(SequenceModel model, List<Example> training,
            List<Example> validation, TrainingOptions options) {
        long start = System.nanoTime();
        Trainer.trainEpoch(model, training, options);
        Trainer.meanLoss(model, validation);
        return (System.nanoTime() - start) / 1e9;
    }
}
