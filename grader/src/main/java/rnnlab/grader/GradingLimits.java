package rnnlab.grader;

import java.time.Duration;

/**
 * The resources one submission's tests may use.
 *
 * @param perTest the wall time one test method may take before its process is stopped
 * @param total the wall time all tests of one submission may take together
 * @param memoryMegabytes the heap limit of the process that runs the tests
 */
public record GradingLimits(Duration perTest, Duration total, int memoryMegabytes) {

    /**
     * 40 s per test, 6 minutes per submission, 1 GiB of heap. The slowest hidden test takes
     * about 2 s alone but was seen to take over 20 s on a 2-core machine grading two
     * submissions under other load, so the limit leaves room for that.
     */
    public static final GradingLimits DEFAULTS = new GradingLimits(Duration.ofSeconds(40),
            Duration.ofMinutes(6), 1024);
}
