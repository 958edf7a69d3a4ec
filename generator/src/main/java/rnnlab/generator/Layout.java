package rnnlab.generator;

/** The folders of the repository that the generator reads and writes, relative to its root. */
final class Layout {

    /** The complete lab, the source of truth. */
    static final String SOLUTION = "solution";

    /** The students' tree, written by the generator. */
    static final String STARTER = "starter";

    /** Files that only the starter has: the student handout and the answer sheet. */
    static final String STARTER_FILES = "generator/starter-files";

    /**
     * The expected failures of each module's visible tests, one file per artifactId; see
     * {@code rnnlab.testing.StarterBaseline} in the visible tests.
     */
    static final String TEST_BASELINES = "generator/test-baselines";

    private Layout() {
    }
}
