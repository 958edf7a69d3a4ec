package rnnlab.djl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import rnnlab.data.AnBn;
import rnnlab.data.DatasetSplit;
import rnnlab.data.Example;
import rnnlab.data.Vocabulary;
import rnnlab.eval.Evaluation;
import rnnlab.eval.LossFloors;
import rnnlab.train.EpochResult;
import rnnlab.train.History;

/**
 * Trains the DJL network on the lab's default data: 256 sequences of seed 42, hidden size 50.
 * It prints the seconds per epoch, the losses against the floors, and the test accuracy on
 * determined positions. As training goes it also prints the process's resident memory (VmRSS
 * on Linux) and the number of NDArrays attached to the model.
 *
 * <p>Arguments: {@code lstm|gru [epochs] [learning rate] [seed]}. From the repository root:
 * <pre>
 * ./mvnw -q -B test-compile dependency:build-classpath -pl solution \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt
 * CP=solution/target/test-classes:solution/target/classes:$(cat solution/target/classpath.txt)
 * java -cp "$CP" rnnlab.djl.DjlEpochBenchmark lstm 200
 * </pre>
 */
public final class DjlEpochBenchmark {

    private DjlEpochBenchmark() {
    }

    public static void main(String[] args) {
        CellType cellType = CellType.valueOf((args.length > 0 ? args[0] : "lstm").toUpperCase());
        int epochs = args.length > 1 ? Integer.parseInt(args[1])
                : DjlTrainingOptions.DEFAULT_EPOCHS;
        double learningRate = args.length > 2 ? Double.parseDouble(args[2])
                : DjlTrainingOptions.DEFAULT_LEARNING_RATE;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 43;

        List<List<String>> sequences = AnBn.generate(AnBn.DEFAULT_COUNT, 42);
        Vocabulary vocabulary = Vocabulary.fromSequences(sequences);
        DatasetSplit split = DatasetSplit.of(sequences);
        List<Example> training = Example.allOf(split.training(), vocabulary);
        List<Example> validation = Example.allOf(split.validation(), vocabulary);
        List<Example> test = Example.allOf(split.test(), vocabulary);

        System.out.printf("RSS before the engine loads: %d KiB%n", residentKib());
        try (DjlSequenceModel model = DjlSequenceModel.create(cellType, vocabulary.size(),
                DjlNetwork.DEFAULT_HIDDEN_SIZE, seed)) {
            History history = DjlTraining.train(model, training, validation,
                    new DjlTrainingOptions(epochs, learningRate),
                    (result, total) -> report(model, result, total));
            double accuracy = Evaluation.determinedAccuracy(model, test, vocabulary.indexOf("b"));
            System.out.printf("model=%s epochs=%d lr=%g sec_per_epoch=%.3f train_loss=%.4f"
                    + " val_loss=%.4f (floors %.3f optimal, %.3f memory-less) accuracy=%.4f%n",
                    history.modelName(), epochs, learningRate, history.seconds() / epochs,
                    history.last().trainingLoss(), history.last().validationLoss(),
                    LossFloors.OPTIMAL, LossFloors.MEMORYLESS, accuracy);
        }
    }

    private static void report(DjlSequenceModel model, EpochResult result, int totalEpochs) {
        int epoch = result.epoch();
        if (epoch == 1 || epoch == 10 || epoch % 25 == 0 || epoch == totalEpochs) {
            int arrays = model.model().getNDManager().getManagedArrays().size();
            System.out.printf("epoch %4d  train %.4f  val %.4f  RSS %d KiB  live NDArrays %d%n",
                    epoch, result.trainingLoss(), result.validationLoss(), residentKib(), arrays);
        }
    }

    /** Returns VmRSS from /proc/self/status, or -1 where that file does not exist. */
    private static long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException missing) {
            return -1;
        }
        return -1;
    }
}
