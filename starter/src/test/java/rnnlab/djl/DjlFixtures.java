package rnnlab.djl;

import ai.djl.engine.EngineException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import rnnlab.data.AnBn;
import rnnlab.data.DatasetSplit;
import rnnlab.data.Example;
import rnnlab.data.Vocabulary;

/** The engine check and the data that the DJL tests share. */
final class DjlFixtures {

    private DjlFixtures() {
    }

    /**
     * Loads the PyTorch engine, or skips the calling tests where it cannot load. On Linux
     * x86-64 the build bundles the native library, so there a failure to load fails the test
     * instead of skipping it.
     */
    static void assumeEngineLoads() {
        try {
            DjlSequenceModel.loadEngine();
        } catch (EngineException | IllegalArgumentException failure) {
            String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
            if (isLinuxX86_64()) {
                throw new AssertionError("the PyTorch engine failed to load on " + platform
                        + ", where the build bundles its native library: " + failure, failure);
            }
            Assumptions.abort("the PyTorch engine cannot load on " + platform
                    + ", which has no bundled native library and no download: " + failure);
        }
    }

    private static boolean isLinuxX86_64() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /** The lab's data, encoded: the vocabulary and the training, validation and test parts. */
    record LabData(Vocabulary vocabulary, List<Example> training, List<Example> validation,
            List<Example> test) {
    }

    /** Returns the lab's default data: 256 sequences of seed 42, split 80/10/10. */
    static LabData defaultData() {
        List<List<String>> sequences = AnBn.generate(AnBn.DEFAULT_COUNT, 42);
        Vocabulary vocabulary = Vocabulary.fromSequences(sequences);
        DatasetSplit split = DatasetSplit.of(sequences);
        return new LabData(vocabulary, Example.allOf(split.training(), vocabulary),
                Example.allOf(split.validation(), vocabulary),
                Example.allOf(split.test(), vocabulary));
    }
}
