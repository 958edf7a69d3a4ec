package rnnlab.grader;

import java.util.List;
import java.util.Set;

/**
 * A submission file that did not compile and was replaced by the pristine starter version, or
 * left out when there was none.
 *
 * @param file the path relative to the sources folder, such as {@code rnnlab/lstm/Lstm.java}
 * @param errors the compiler's first errors in that file
 * @param replacedByStarter whether the starter's version took its place
 * @param exercises the exercises whose gaps the file holds, which score zero as a result
 */
public record CompileProblem(String file, List<String> errors, boolean replacedByStarter,
        Set<Exercise> exercises) {
}
