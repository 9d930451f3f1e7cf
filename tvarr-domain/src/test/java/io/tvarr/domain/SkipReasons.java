package io.tvarr.domain;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test was skipped or aborted (an assumption such as "PostgreSQL unreachable" or "FFmpeg not found"),
 * which the test runner's summary leaves out. Registered for every module whose tests use the domain's test-jar.
 */
public final class SkipReasons implements TestExecutionListener {
    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private static void print(TestIdentifier test, String reason) {
        System.out.println("[SKIPPED] " + where(test) + ": " + reason);
    }

    private static String where(TestIdentifier test) {
        return test.getSource()
                .map(source -> {
                    if (source instanceof MethodSource method) {
                        return method.getClassName() + "." + method.getMethodName();
                    }
                    if (source instanceof ClassSource type) {
                        return type.getClassName();
                    }
                    return test.getDisplayName();
                })
                .orElse(test.getDisplayName());
    }
}
