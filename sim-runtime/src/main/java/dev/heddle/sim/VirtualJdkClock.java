package dev.heddle.sim;

import dev.heddle.runtime.internal.Carrier;
import dev.heddle.runtime.internal.ThreadOrigin;
import dev.heddle.sim.instrument.TimeAndRandomCalls;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * The clock that the JDK's own timed waits read inside a simulated task, under Heddle's agent.
 * The agent rewrites the {@code System.nanoTime()} and {@code System.currentTimeMillis()} calls
 * of the JDK classes {@link JdkTimedWaits} lists into calls of its class {@value #HOOK}, which
 * it puts on the boot class path (java.base cannot see the class path) and lets java.base read;
 * that class holds two operators, given the real reading, which this class installs once per
 * JVM: on a simulated task's thread {@code nanoTime} is the run's virtual time (the clock its
 * timers run on, so that a timed park of {@code n} nanoseconds is seen to last exactly that,
 * from {@link #NANO_ORIGIN}),
 * and {@code currentTimeMillis} is the task's host's wall clock, as in the user's instrumented
 * code ({@link TimeAndRandomCalls}); on any other thread both are the real reading.
 *
 * <p>Without the agent the class is absent and nothing is installed.
 */
final class VirtualJdkClock {
    /** The agent's class on the boot class path. */
    static final String HOOK = "dev.heddle.agent.boot.JdkClock";
    /**
     * What the JDK's {@code nanoTime} reads at the run's start. Not 0: {@code FutureTask} takes a
     * start time of 0 for "not parked yet" and would add a nanosecond, and so a millisecond of
     * virtual time, to its timeout. Only differences of {@code nanoTime} mean anything, and the
     * JDK takes none from user code, so the origin is free.
     */
    static final long NANO_ORIGIN = TimeUnit.SECONDS.toNanos(1);
    private static boolean installed;

    private VirtualJdkClock() {}

    /** Installs the operators when the agent's class is there; once per JVM. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        Class<?> hook;
        try {
            hook = Class.forName(HOOK, true, null);
        } catch (ClassNotFoundException noAgent) {
            return;
        }
        try {
            MethodHandle install = MethodHandles.publicLookup().findStatic(hook, "install",
                    MethodType.methodType(void.class, LongUnaryOperator.class, LongUnaryOperator.class));
            install.invoke((LongUnaryOperator) VirtualJdkClock::nanoTime,
                    (LongUnaryOperator) VirtualJdkClock::currentTimeMillis);
        } catch (Throwable e) {
            throw new IllegalStateException("Heddle's agent put " + HOOK + " on the boot class path, but its"
                    + " install(LongUnaryOperator, LongUnaryOperator) cannot be called: are the agent and"
                    + " sim-runtime of the same Heddle version?", e);
        }
    }

    private static long nanoTime(long real) {
        Carrier carrier = ThreadOrigin.carrierOfCurrentThread();
        return carrier != null && carrier.isSimulation() ? NANO_ORIGIN + carrier.time().now() : real;
    }

    private static long currentTimeMillis(long real) {
        Carrier carrier = ThreadOrigin.carrierOfCurrentThread();
        return carrier != null && carrier.isSimulation() ? TimeAndRandomCalls.currentTimeMillis() : real;
    }
}
