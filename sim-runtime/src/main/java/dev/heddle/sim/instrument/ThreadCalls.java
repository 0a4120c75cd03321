package dev.heddle.sim.instrument;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * Stand-ins for the {@code Thread} API, which Heddle's agent puts in place of the originals in
 * the classes it instruments: the first parameter is the original call's receiver. Not for
 * users. Outside a simulation each one is exactly the JDK call.
 *
 * <p>Inside one, a platform thread that the code starts does not start: its work runs on a
 * virtual thread of the run, its runner ({@link PlatformThreadRunner}), as a task the seed
 * schedules. The code keeps its own {@code Thread} object, so the calls on it are answered by
 * its runner: {@code join}, {@code isAlive}, {@code getState}, {@code interrupt},
 * {@code isInterrupted}; and {@code Thread.currentThread()} in the work is that object, so that
 * its name, identity checks and its interrupts of itself are the ones the code expects, and
 * {@code LockSupport.unpark} of that object wakes the runner. A thread
 * the run does not run (a virtual thread, or a platform thread not started yet) answers for itself.
 * Calls the stand-ins do not cover ({@code setName} after the start, the JDK's own calls) see the
 * platform thread as never started.
 */
public final class ThreadCalls {
    /**
     * Whether a {@code Thread} subclass overrides {@code start()}: its start is its own code, which
     * the stand-in must not skip; its {@code super.start()} is the JDK's, and escapes (noted as such).
     */
    private static final ClassValue<Boolean> OVERRIDES_START = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("start").getDeclaringClass() != Thread.class;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("Thread.start() not found on " + type, e);
            }
        }
    };

    private ThreadCalls() {}

    /**
     * {@code thread.start()}: a platform thread's work starts as a task of the run (unless its
     * class overrides {@code start()}: then that runs, as the code says); a virtual thread created
     * outside the simulation fails the run (see {@link SimulatedJdkCalls#starting}).
     */
    public static void start(Thread thread) {
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        if (sim == null || !thread.isVirtual() && OVERRIDES_START.get(thread.getClass())) {
            thread.start();
        } else if (thread.isVirtual()) {
            sim.starting(thread);
            thread.start();
        } else if (sim.runnerOf(thread) != null) {
            // What Thread.start() throws for a thread started before.
            throw new IllegalThreadStateException();
        } else {
            PlatformThreadRunner.of(thread, sim).start();
        }
    }

    /** {@code Thread.currentThread()}: in a runner, the platform thread whose work it runs. */
    public static Thread currentThread() {
        Thread current = Thread.currentThread();
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        return sim == null ? current : sim.shownAs(current);
    }

    /** {@code thread.join()}. */
    public static void join(Thread thread) throws InterruptedException {
        runnerOrSelf(thread).join();
    }

    /** {@code thread.join(millis)}: a timed wait, on virtual time where the run's carrier provides it. */
    public static void join(Thread thread, long millis) throws InterruptedException {
        runnerOrSelf(thread).join(millis);
    }

    /** {@code thread.join(millis, nanos)}. */
    public static void join(Thread thread, long millis, int nanos) throws InterruptedException {
        runnerOrSelf(thread).join(millis, nanos);
    }

    /** {@code thread.join(duration)}. */
    public static boolean join(Thread thread, Duration duration) throws InterruptedException {
        return runnerOrSelf(thread).join(duration);
    }

    /** {@code thread.isAlive()}. */
    public static boolean isAlive(Thread thread) {
        return runnerOrSelf(thread).isAlive();
    }

    /** {@code thread.getState()}. */
    public static Thread.State getState(Thread thread) {
        return runnerOrSelf(thread).getState();
    }

    /** {@code thread.interrupt()}. */
    public static void interrupt(Thread thread) {
        runnerOrSelf(thread).interrupt();
    }

    /** {@code thread.isInterrupted()}. */
    public static boolean isInterrupted(Thread thread) {
        return runnerOrSelf(thread).isInterrupted();
    }

    /**
     * {@code LockSupport.unpark(thread)}: code that parks and records {@code Thread.currentThread()}
     * as its waiter records the platform thread, whose runner is the one parked.
     */
    public static void unpark(Thread thread) {
        LockSupport.unpark(thread == null ? null : runnerOrSelf(thread));
    }

    /** {@code builder.start(task)}: a platform builder's thread starts as {@link #start} starts one. */
    public static Thread start(Thread.Builder builder, Runnable task) {
        if (builder instanceof Thread.Builder.OfPlatform && SimulatedJdkCalls.ofCurrentThread() != null) {
            Thread thread = builder.unstarted(task);
            start(thread);
            return thread;
        }
        return builder.start(task);
    }

    /** {@code builder.factory()}: made in a simulation, a platform builder's factory gives threads it runs. */
    public static ThreadFactory factory(Thread.Builder builder) {
        ThreadFactory factory = builder.factory();
        return builder instanceof Thread.Builder.OfPlatform && SimulatedJdkCalls.ofCurrentThread() != null
                ? new SimulatedThreadFactory(factory) : factory;
    }

    /** The virtual thread that runs {@code thread}'s work in the calling thread's run, or {@code thread}. */
    private static Thread runnerOrSelf(Thread thread) {
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        Thread runner = sim == null ? null : sim.runnerOf(thread);
        return runner == null ? thread : runner;
    }
}
