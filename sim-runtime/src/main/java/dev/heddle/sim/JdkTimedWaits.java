package dev.heddle.sim;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JDK's timed waits that need more than virtual timers to last virtual time. Every timed park
 * of a simulated task ends on the run's virtual clock ({@link VirtualThreadScheduler}); but
 * these JDK methods then read {@code System.nanoTime()} (or {@code currentTimeMillis()}) to see
 * whether their deadline has passed, and park again for the rest: on the real clock, which has
 * barely moved, so a one-second {@code Thread.sleep} would sleep a virtual second again and again
 * until a real second had passed. Heddle's agent rewrites those reads in these classes to the
 * run's virtual clock ({@link VirtualJdkClock}) and announces the classes it rewrote in
 * {@link #AGENT_PROPERTY}; a timed wait in a class it did not rewrite is reported, naming the call.
 *
 * <p>The list, measured on JDK 25.0.3 ({@code javap -c}: the classes of {@code java.lang} and
 * {@code java.util.concurrent} whose code calls either clock and parks with a timeout), is the
 * same as the agent's. {@code LockSupport.parkNanos} and {@code Object.wait(timeout)} read no
 * clock: they work on virtual time without the agent.
 */
final class JdkTimedWaits {
    /** The system property in which Heddle's agent lists the JDK classes it gave the virtual clock. */
    static final String AGENT_PROPERTY = "dev.heddle.agent.jdkClockClasses";

    /** A class, and the one method of it whose timed wait loops on the clock (null: any of its timed waits). */
    private record Loop(String className, String method) {
        boolean matches(StackTraceElement frame) {
            return frame.getClassName().equals(className) && (method == null || frame.getMethodName().equals(method));
        }
    }

    private static final List<Loop> LOOPS = List.of(
            new Loop("java.lang.VirtualThread", "sleepNanos"),
            new Loop("java.lang.Thread", "join"),
            new Loop("java.util.concurrent.locks.LockSupport", "parkUntil"),
            new Loop("java.util.concurrent.locks.AbstractQueuedSynchronizer", null),
            new Loop("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject", null),
            new Loop("java.util.concurrent.locks.AbstractQueuedLongSynchronizer", null),
            new Loop("java.util.concurrent.locks.AbstractQueuedLongSynchronizer$ConditionObject", null),
            new Loop("java.util.concurrent.locks.StampedLock", null),
            new Loop("java.util.concurrent.FutureTask", null),
            new Loop("java.util.concurrent.CompletableFuture", null),
            new Loop("java.util.concurrent.CompletableFuture$Signaller", null),
            new Loop("java.util.concurrent.LinkedTransferQueue$DualNode", null),
            new Loop("java.util.concurrent.Exchanger", null),
            new Loop("java.util.concurrent.Phaser$QNode", null),
            new Loop("java.util.concurrent.ThreadPerTaskExecutor", null),
            new Loop("java.util.concurrent.AbstractExecutorService", null),
            new Loop("java.util.concurrent.ScheduledThreadPoolExecutor", null),
            new Loop("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", null),
            new Loop("java.util.concurrent.ForkJoinTask", null));

    private JdkTimedWaits() {}

    /** The classes of the list, by binary name: what the agent must rewrite for every timed wait to be virtual. */
    static Set<String> classes() {
        return LOOPS.stream().map(Loop::className).collect(Collectors.toUnmodifiableSet());
    }

    /** The classes the agent announced it rewrote; empty without the agent. */
    static Set<String> rewritten() {
        String announced = System.getProperty(AGENT_PROPERTY, "");
        return announced.isEmpty() ? Set.of() : Set.of(announced.split(","));
    }

    /**
     * For {@code thread}, parked with a timeout: the JDK call it waits in when that call loops on
     * the real clock (the agent did not rewrite its class), as {@code CountDownLatch.await (called
     * at Client.java:31)}; null when its wait lasts virtual time.
     */
    static String onRealClock(Thread thread) {
        Set<String> rewritten = rewritten();
        if (rewritten.containsAll(classes())) {
            return null;
        }
        StackTraceElement[] stack = thread.getStackTrace();
        boolean loops = Arrays.stream(stack).anyMatch(f -> !rewritten.contains(f.getClassName())
                && LOOPS.stream().anyMatch(l -> l.matches(f)));
        if (!loops) {
            return null;
        }
        for (int i = 1; i < stack.length; i++) {
            if (!HeldLocks.isPlatformClass(stack[i].getClassName())) {
                StackTraceElement call = stack[i - 1];
                String type = call.getClassName().substring(call.getClassName().lastIndexOf('.') + 1);
                return type + "." + call.getMethodName() + " (called at " + stack[i] + ")";
            }
        }
        return stack[0].getClassName() + "." + stack[0].getMethodName();
    }
}
