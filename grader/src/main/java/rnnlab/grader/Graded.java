package rnnlab.grader;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a hidden test with the exercise it grades and the points it is worth. A test earns all
 * its points when it passes and none otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {

    /** The exercise letter, one of {@link Exercise}'s names, such as {@code "C"}. */
    String exercise();

    /** The points the test is worth, at least 1. */
    int points();
}
