package dev.heddle.junit.fuzz;

import dev.heddle.sim.FailureKind;
import dev.heddle.sim.SimulationFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes two failing seeds one bug: for a failed task, the exception's type and the top
 * {@value #FRAMES} frames of the code under test (the JDK's, JUnit's, the assertion libraries'
 * and the simulator's own frames skipped); for every other failure, its kind. The message is left
 * out, since it carries the values of one run ({@code expected 4 but was 3}): 300 seeds of one lost
 * update are one signature.
 */
final class FailureSignature {
    static final int FRAMES = 3;
    private static final List<String> FRAMEWORK = List.of("java.", "jdk.", "sun.", "org.junit.", "org.opentest4j.",
            "org.assertj.", "org.hamcrest.", "dev.heddle.sim.", "dev.heddle.runtime.", "dev.heddle.junit.SimTest");

    private FailureSignature() {}

    static String of(Throwable failure) {
        if (failure instanceof SimulationFailure f) {
            if (f.kind() != FailureKind.TASK_FAILED || f.getCause() == null) {
                return f.kind().name();
            }
            return thrown(f.getCause());
        }
        return thrown(failure);
    }

    private static String thrown(Throwable t) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            if (frames.size() == FRAMES) {
                break;
            }
            if (FRAMEWORK.stream().noneMatch(e.getClassName()::startsWith)) {
                frames.add(e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber());
            }
        }
        return t.getClass().getName() + (frames.isEmpty() ? "" : " at " + String.join(" < ", frames));
    }
}
