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

    /** 20 s per test, 5 minutes per submission, 1 GiB of heap. */
    public static final GradingLimits DEFAULTS = new GradingLimits(Duration.ofSeconds(20),
            Duration.ofMinutes(5), 1024);
}
