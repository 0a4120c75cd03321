package dev.heddle.sim;

import java.util.List;

/**
 * What makes two failures the same failure for shrinking: the kind, and for a failure with a
 * cause the cause's class and the first line of code it was thrown from outside JUnit's, the
 * JDK's and Heddle's probes' own frames (an {@code assertEquals} is the test's line, a
 * {@code sim.always} the line that calls it, so that two invariants are two failures). Not the
 * message: a shrunk run of the racy counter fails the same assertion with another count.
 *
 * @param kind  the kind of failure
 * @param cause the class of the failure's cause, or empty
 * @param site  where the cause was thrown, {@code Class.method(File.java:12)}, or empty
 */
public record FailureSignature(FailureKind kind, String cause, String site) {
    private static final List<String> NOT_THE_SITE = List.of("org.junit.", "org.opentest4j.", "junit.", "java.",
            "jdk.", "sun.");
    /** The classes a {@code sim.always} or {@code sim.unreachable} fails in: the probes, not the site. */
    private static final List<String> PROBES = List.of(Probes.class.getName(), Sim.class.getName());

    /** The signature of {@code failure}. */
    public static FailureSignature of(SimulationFailure failure) {
        Throwable cause = failure.getCause();
        if (cause == null) {
            return new FailureSignature(failure.kind(), "", "");
        }
        String site = "";
        for (StackTraceElement frame : cause.getStackTrace()) {
            if (NOT_THE_SITE.stream().noneMatch(frame.getClassName()::startsWith)
                    && !PROBES.contains(frame.getClassName())) {
                site = frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                        + frame.getLineNumber() + ")";
                break;
            }
        }
        return new FailureSignature(failure.kind(), cause.getClass().getName(), site);
    }

    @Override
    public String toString() {
        return kind + (cause.isEmpty() ? "" : " " + cause.substring(cause.lastIndexOf('.') + 1))
                + (site.isEmpty() ? "" : " at " + site);
    }
}
