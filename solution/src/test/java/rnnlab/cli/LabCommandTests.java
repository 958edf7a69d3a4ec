package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

@DisplayName("command line")
class LabCommandTests {

    /** The exit code and both output streams of one run. */
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine commandLine = LabCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Nested
    @DisplayName("a short run")
    class ShortRun {

        @Test
        @DisplayName("trains the RNN, prints predictions and generations, and summarises")
        void rnn(@TempDir Path plots) {
            Run result = run("--model", "rnn", "--epochs", "3", "--hidden", "8", "--sequences",
                    "40", "--plots", plots.toString());

            assertThat(result.status()).as(result.err()).isZero();
            assertThat(result.out()).contains("rnn  epoch 1/3", "input     a",
                    "predicted ", "a a a a a a a a a a a a a a b -> ", "a a c b -> ");
            assertThat(result.out()).containsPattern(
                    "model=rnn epochs=3 train_loss=\\d+\\.\\d{4} val_loss=\\d+\\.\\d{4}"
                            + " accuracy=\\d\\.\\d{4} seconds=\\d+\\.\\d{2}");
            assertThat(plots.resolve("rnn-loss.png")).exists();
        }

        @Test
        @DisplayName("continues the prompts given with --prompt instead of the defaults")
        void prompts(@TempDir Path plots) {
            Run result = run("--model", "rnn", "--epochs", "2", "--hidden", "6", "--sequences",
                    "30", "--plots", plots.toString(), "--prompt", "a a a", "--prompt",
                    " b  zebra ");

            assertThat(result.status()).as(result.err()).isZero();
            assertThat(result.out()).contains("  a a a -> ", "  b zebra -> ")
                    .doesNotContain("a a c b -> ");
        }

        @Test
        @DisplayName("trains both models and writes the comparison")
        void all(@TempDir Path plots) {
            Run result = run("--epochs", "2", "--hidden", "6", "--sequences", "30", "--plots",
                    plots.toString());

            assertThat(result.status()).as(result.err()).isZero();
            assertThat(result.out()).contains("model=rnn epochs=2", "model=lstm epochs=2");
            assertThat(plots.resolve("lstm-loss.png")).exists();
            assertThat(plots.resolve("comparison.png")).exists();
        }

        @Test
        @DisplayName("trains the DJL LSTM and the GRU from the same data")
        void djlModels(@TempDir Path plots) {
            Run lstm = run("--model", "djl", "--epochs", "2", "--hidden", "6", "--sequences",
                    "30", "--plots", plots.toString());
            Run gru = run("--model", "gru", "--epochs", "2", "--hidden", "6", "--sequences",
                    "30", "--plots", plots.toString());

            assertThat(lstm.status()).as(lstm.err()).isZero();
            assertThat(lstm.out()).contains("Training DJL: hidden 6", "Adam learning rate 0.001",
                    "model=djl epochs=2");
            assertThat(gru.status()).as(gru.err()).isZero();
            assertThat(gru.out()).contains("model=gru epochs=2");
            assertThat(plots.resolve("djl-loss.png")).exists();
            assertThat(plots.resolve("gru-loss.png")).exists();
        }

        @Test
        @DisplayName("trains the RNN in mini-batches")
        void miniBatches(@TempDir Path plots) {
            Run result = run("--model", "rnn", "--batch-size", "8", "--lr", "0.3", "--epochs",
                    "2", "--hidden", "6", "--sequences", "40", "--plots", plots.toString());

            assertThat(result.status()).as(result.err()).isZero();
            assertThat(result.out()).contains("model=rnn epochs=2");
        }

        @Test
        @DisplayName("trains on a^n b^n c^n with its own floor")
        void harderLanguage(@TempDir Path plots) {
            Run result = run("--model", "lstm", "--language", "anbncn", "--epochs", "2",
                    "--hidden", "6", "--sequences", "30", "--plots", plots.toString());

            assertThat(result.status()).as(result.err()).isZero();
            assertThat(result.out()).contains("a^n b^n c^n EOS", "memory-less = 8.110",
                    "vocabulary [a, b, c, EOS, UNK]", "model=lstm epochs=2");
        }

        @Test
        @DisplayName("a diverging run reports the epoch and exits with 1")
        void divergence(@TempDir Path plots) {
            Run result = run("--model", "rnn", "--epochs", "5", "--hidden", "8", "--lr", "1e9",
                    "--sequences", "40", "--plots", plots.toString());

            assertThat(result.status()).as(result.err()).isEqualTo(1);
            assertThat(result.err()).contains("diverged at epoch", "--lr");
        }
    }

    @Nested
    @DisplayName("invalid options")
    class InvalidOptions {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "--model cnn | Invalid value for option '--model'",
            "--epochs 0 | --epochs must be 1 or more but was 0",
            "--epochs ten | Invalid value for option '--epochs'",
            "--hidden -3 | --hidden must be 1 or more but was -3",
            "--batch-size 0 | --batch-size must be 1 or more but was 0",
            "--lr 0 | --lr must be a positive number but was 0.0",
            "--sequences 5 | --sequences must be at least 20",
            "--language dyck | Invalid value for option '--language'",
            "--plots pom.xml | --plots must be a folder but pom.xml is a file",
            "--prompt= | --prompt must contain at least one word",
            "--colour red | Unknown options: '--colour'"})
        @DisplayName("get one line and exit code 2")
        void rejected(String args, String message) {
            Run result = run(args.split(" "));

            assertThat(result.status()).isEqualTo(2);
            assertThat(result.err()).startsWith("rnn-lab: ").contains(message)
                    .contains("run with --help");
            assertThat(result.err().strip().lines()).hasSize(1);
            assertThat(result.out()).isEmpty();
        }

        @Test
        @DisplayName("--help lists every option")
        void help() {
            Run result = run("--help");

            assertThat(result.status()).isZero();
            assertThat(result.out()).contains("--model", "--epochs", "--hidden", "--lr",
                    "--seed", "--sequences", "--plots", "--prompt");
        }
    }
}
