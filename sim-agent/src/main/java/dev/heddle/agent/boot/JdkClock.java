package dev.heddle.agent.boot;

import java.util.function.LongUnaryOperator;

/**
 * The clock the JDK's timed waits read under Heddle's agent: the agent rewrites the
 * {@code System.nanoTime()} and {@code System.currentTimeMillis()} calls of a named list of JDK
 * classes ({@code dev.heddle.agent.JdkClockClasses}) into calls of {@link #nanoTime()} and
 * {@link #currentTimeMillis()}. The JDK's classes cannot see the class path, so the agent puts
 * this one class on the boot class path and lets {@code java.base} read it; it must therefore
 * use nothing but {@code java.base}.
 *
 * <p>Each reading is the real one, unless a simulator has installed its operators
 * ({@link #install}): they are given the real reading and return what the calling thread should
 * see, the run's virtual clock on a simulated task's thread, the real reading anywhere else. Not
 * for users.
 */
public final class JdkClock {
    private static volatile LongUnaryOperator nanoTime;
    private static volatile LongUnaryOperator currentTimeMillis;

    private JdkClock() {}

    /**
     * Installs the simulator's operators, once per JVM (a second call replaces the first).
     *
     * @throws NullPointerException naming a null operator
     */
    public static void install(LongUnaryOperator nanoTimeOperator, LongUnaryOperator currentTimeMillisOperator) {
        if (nanoTimeOperator == null || currentTimeMillisOperator == null) {
            throw new NullPointerException("both operators are needed, got nanoTime=" + nanoTimeOperator
                    + " currentTimeMillis=" + currentTimeMillisOperator);
        }
        nanoTime = nanoTimeOperator;
        currentTimeMillis = currentTimeMillisOperator;
    }

    /** {@code System.nanoTime()} as the calling thread should see it. */
    public static long nanoTime() {
        long real = System.nanoTime();
        LongUnaryOperator operator = nanoTime;
        return operator == null ? real : operator.applyAsLong(real);
    }

    /** {@code System.currentTimeMillis()} as the calling thread should see it. */
    public static long currentTimeMillis() {
        long real = System.currentTimeMillis();
        LongUnaryOperator operator = currentTimeMillis;
        return operator == null ? real : operator.applyAsLong(real);
    }
}
