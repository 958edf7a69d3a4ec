package rnnlab.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.train.EpochResult;
import rnnlab.train.History;

@DisplayName("loss plots")
class LossPlotTests {

    private static History history(String name, int epochs) {
        List<EpochResult> results = new java.util.ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            results.add(new EpochResult(epoch, 8.0 / epoch + 2.4, 7.0 / epoch + 2.5));
        }
        return new History(name, results, 1.0);
    }

    @Test
    @DisplayName("one run becomes a PNG in a new folder, headless")
    void history(@TempDir Path folder) throws IOException {
        Path nested = folder.resolve("plots/run");

        Path file = LossPlot.writeHistory(history("rnn", 30), nested);

        assertThat(file).isEqualTo(nested.resolve("rnn-loss.png"));
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(560);
    }

    @Test
    @DisplayName("several runs become one comparison PNG")
    void comparison(@TempDir Path folder) throws IOException {
        Path file = LossPlot.writeComparison(List.of(history("rnn", 30), history("lstm", 10)),
                folder, "comparison");

        assertThat(Files.size(file)).isGreaterThan(1000);
    }

    @Test
    @DisplayName("a single epoch and NaN validation losses still plot")
    void degenerateHistory(@TempDir Path folder) throws IOException {
        History single = new History("lstm", List.of(new EpochResult(1, 5.0, Double.NaN)), 0.1);

        assertThat(LossPlot.writeHistory(single, folder)).exists();
    }

    @Test
    @DisplayName("a file in place of the folder fails with IOException")
    void folderIsAFile(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("taken"), "x");

        assertThatThrownBy(() -> LossPlot.writeHistory(history("rnn", 3), file))
                .isInstanceOf(IOException.class);
    }
}
