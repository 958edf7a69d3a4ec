package rnnlab.cli;

import java.io.PrintWriter;
import rnnlab.train.EpochResult;
import rnnlab.train.ProgressListener;

/** Prints one line per tenth of the epochs, and the first and last epoch. */
final class ProgressPrinter implements ProgressListener {

    private final PrintWriter out;
    private final String modelName;
    private final long start = System.nanoTime();

    ProgressPrinter(PrintWriter out, String modelName) {
        this.out = out;
        this.modelName = modelName;
    }

    @Override
    public void epochFinished(EpochResult result, int totalEpochs) {
        int step = Math.max(1, totalEpochs / 10);
        int epoch = result.epoch();
        if (epoch == 1 || epoch % step == 0 || epoch == totalEpochs) {
            out.printf("  %-4s epoch %" + digits(totalEpochs) + "d/%d  train %.4f  val %.4f"
                    + "  %5.1f s%n", modelName, epoch, totalEpochs, result.trainingLoss(),
                    result.validationLoss(), (System.nanoTime() - start) / 1e9);
            out.flush();
        }
    }

    private static int digits(int value) {
        return Integer.toString(value).length();
    }
}
