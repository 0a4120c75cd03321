package dev.heddle.sim.instrument;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;

/**
 * Static replacements for JDK calls, which Heddle's Java agent substitutes for the original
 * call sites in instrumented classes: called by instrumented bytecode, not by users. The
 * first parameter is the original call's receiver, where it has one. Outside a simulation,
 * and in a simulation whose feature is off, each behaves exactly as the call it replaces.
 */
public final class JdkCalls {
    private JdkCalls() {}

    /** Replaces {@code Condition.await()}. */
    public static void await(Condition condition) throws InterruptedException {
        condition.await();
    }

    /** Replaces {@code Condition.awaitUninterruptibly()}. */
    public static void awaitUninterruptibly(Condition condition) {
        condition.awaitUninterruptibly();
    }

    /** Replaces {@code Object.wait()} on any object. */
    public static void waitOn(Object monitor) throws InterruptedException {
        monitor.wait();
    }

    /** Replaces {@code LockSupport.park()}. */
    public static void park() {
        LockSupport.park();
    }

    /** Replaces {@code LockSupport.park(Object)}. */
    public static void park(Object blocker) {
        LockSupport.park(blocker);
    }

    /** Replaces {@code Thread.yield()}. */
    public static void yield() {
        Thread.yield();
    }

    /** Replaces {@code Thread.start()}, on a {@code Thread} or a subclass. */
    public static void start(Thread thread) {
        thread.start();
    }
}
