package rnnlab.testing;

import java.lang.reflect.Constructor;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Makes a test that reaches an exercise's stub fail with one line, "Exercise C (RNN forward
 * pass) is not implemented yet", instead of a stack trace or an assertion that happens to quote
 * the stub. Other failures pass through unchanged.
 *
 * <p>JUnit registers it for every test: {@code junit-platform.properties} turns on extension
 * auto-detection, and {@code META-INF/services/org.junit.jupiter.api.extension.Extension} names
 * this class. In the instructor's repository it also checks the starter's expected failures;
 * see {@link StarterBaseline}.
 */
public final class UnfinishedExerciseReporter implements TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler, InvocationInterceptor,
        AfterTestExecutionCallback, AfterAllCallback {

    /** The message of every stub, as the starter generator writes it. */
    private static final Pattern STUB = Pattern.compile(
            "Exercise ([A-Z]) \\([^)]*\\) is not implemented yet");

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(UnfinishedExerciseReporter.class);
    private static final String SKIPPED = "set-up skipped as the baseline expects";

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw translate(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context,
            Throwable failure) throws Throwable {
        throw translate(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context,
            Throwable failure) throws Throwable {
        throw translate(context, failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context,
            Throwable failure) throws Throwable {
        Throwable translated = translate(context, failure);
        if (translated instanceof TestAbortedException) {
            context.getStore(NAMESPACE).put(SKIPPED, Boolean.TRUE);
        }
        throw translated;
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context,
            Throwable failure) throws Throwable {
        throw shorten(failure);
    }

    /** Reports a failure while JUnit creates the test instance, such as in a field. */
    @Override
    public <T> T interceptTestClassConstructor(Invocation<T> invocation,
            ReflectiveInvocationContext<Constructor<T>> constructor, ExtensionContext context)
            throws Throwable {
        try {
            return invocation.proceed();
        } catch (Throwable failure) {
            throw translate(context, failure);
        }
    }

    /** Lets JUnit pass the test method's context to the constructor interceptor. */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(
            ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    /** Fails a test that the baseline expects to fail but that passed. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            failIfListed(context, "passes");
        }
    }

    /** Fails a class whose set-up the baseline expects to fail but that succeeded. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getStore(NAMESPACE).get(SKIPPED) == null) {
            failIfListed(context, "sets up without failing");
        }
    }

    private static void failIfListed(ExtensionContext context, String outcome) {
        Optional<StarterBaseline> baseline = StarterBaseline.active();
        if (baseline.isEmpty()) {
            return;
        }
        String test = testName(context);
        baseline.get().expected(test).ifPresent(entry -> {
            throw new AssertionError(test + " " + outcome + ", but "
                    + baseline.get().location(entry) + " expects it to stop at the stub of"
                    + " exercise " + entry.exercise() + "; delete that line");
        });
    }

    private static Throwable translate(ExtensionContext context, Throwable failure) {
        Optional<StarterBaseline> baseline = StarterBaseline.active();
        if (baseline.isEmpty()) {
            return shorten(failure);
        }
        String test = testName(context);
        Optional<StarterBaseline.Entry> expected = baseline.get().expected(test);
        Optional<String> stub = stubMessage(failure);
        if (stub.isEmpty()) {
            return expected.isEmpty() ? failure : new AssertionError(test + " fails with "
                    + failure + " before it reaches the stub of exercise "
                    + expected.get().exercise() + ", which " + baseline.get().location(
                    expected.get()) + " expects; fix the test or the code it runs", failure);
        }
        String letter = letterOf(stub.get());
        if (expected.isEmpty()) {
            return new AssertionError(stub.get() + ": " + test + " reaches this stub, but "
                    + baseline.get().file() + " does not list it; if the test needs exercise "
                    + letter + ", add the line `" + letter + " " + test + "` there");
        }
        if (!expected.get().exercise().equals(letter)) {
            return new AssertionError(test + " stops at the stub of exercise " + letter
                    + ", but " + baseline.get().location(expected.get()) + " expects exercise "
                    + expected.get().exercise() + "; correct the letter on that line");
        }
        return new TestAbortedException("fails in the starter as expected: " + stub.get());
    }

    /** Replaces a failure that quotes a stub's message by that message alone. */
    private static Throwable shorten(Throwable failure) {
        Optional<String> stub = stubMessage(failure);
        return stub.isPresent() ? new UnfinishedExerciseError(stub.get()) : failure;
    }

    /**
     * Returns the first stub message found in a failure, its causes or its suppressed
     * exceptions. Assertion messages count too, because an assertion such as "expected status 0
     * but was 3" may quote the stub that made the code under test give up.
     */
    static Optional<String> stubMessage(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.removeFirst();
            if (!seen.add(next)) {
                continue;
            }
            Matcher stub = STUB.matcher(String.valueOf(next.getMessage()));
            if (stub.find()) {
                return Optional.of(stub.group());
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            Collections.addAll(pending, next.getSuppressed());
        }
        return Optional.empty();
    }

    private static String letterOf(String stubMessage) {
        Matcher stub = STUB.matcher(stubMessage);
        if (!stub.find()) {
            throw new IllegalArgumentException("not a stub message: " + stubMessage);
        }
        return stub.group(1);
    }

    /** Returns {@code class#method} for a test and {@code class} for a class's set-up. */
    private static String testName(ExtensionContext context) {
        String className = context.getRequiredTestClass().getName();
        return context.getTestMethod().map(method -> className + "#" + method.getName())
                .orElse(className);
    }
}
