package dev.heddle.sim.instrument;

import dev.heddle.runtime.internal.ThreadOrigin;
import java.util.concurrent.Executor;

/**
 * What a simulation does at the JDK calls {@link JdkCalls} stands in for: handed out by the
 * simulator ({@link Source}), found from the calling thread. For {@link JdkCalls} (and so
 * Heddle's agent), not for users; it may change in any release.
 */
public interface SimulatedJdkCalls {

    /**
     * A carrier that simulates these calls: the simulator, which hands out an object of its own
     * for them, so that the carrier's type need not carry them too.
     */
    interface Source {
        SimulatedJdkCalls jdkCalls();
    }

    /** The JDK waits that may return without a signal, as the JDK allows. */
    enum Wait {
        /** {@code Condition.await()} or {@code awaitUninterruptibly()}. */
        CONDITION_AWAIT,
        /** {@code Object.wait()}. */
        OBJECT_WAIT,
        /** {@code LockSupport.park()}. */
        PARK
    }

    /**
     * Whether the calling thread's {@code wait}, about to begin, returns spuriously this time: a
     * choice of the seed, recorded in the run's trace; always false when the run has spurious
     * wake-ups off or the calling thread is not the one in its step.
     */
    boolean wakesSpuriously(Wait wait);

    /**
     * Called on the calling thread just before it suspends in {@code call}, a JDK call that is
     * no Heddle suspension point ({@code Thread.yield}, {@code LockSupport.park}): the run looks
     * for locks it holds, as at Heddle's own suspension points.
     */
    void suspendingInJdk(String call);

    /**
     * Called on the calling thread before it starts the virtual {@code thread}: one created
     * outside the simulation fails the run here, since it would run on the JDK's scheduler.
     *
     * @throws IllegalStateException for a thread that cannot run in the simulation
     */
    void starting(Thread thread);

    /**
     * Called on the calling thread, a thread of this run, once it has created {@code runner}, a
     * virtual thread (so one of this run's) that is to run the work of {@code platform}, a
     * platform thread the code made, in its place. The run shows the task by {@code platform}'s
     * name, keeps its daemon status, and pairs the two for {@link #shownAs} and {@link #runnerOf}.
     */
    void runsWorkOf(Thread runner, Thread platform);

    /** The thread code sees as {@code current}, the calling thread: the platform thread whose work it runs, or it. */
    Thread shownAs(Thread current);

    /** The virtual thread that runs (or ran) {@code platform}'s work in this run, or null when none does. */
    Thread runnerOf(Thread platform);

    /**
     * The work of {@code platform} ended with {@code failure}, on the calling thread, its runner,
     * and no uncaught-exception handler would take it (neither the thread's, its group's, nor a
     * default one): the JDK would print it and the thread would die; the run fails, naming the thread.
     */
    void uncaught(Thread platform, Throwable failure);

    /**
     * The executor that {@code CompletableFuture}'s async methods without one, and the common
     * pool, use in this run: each task on a new virtual thread of the run, named as the common
     * pool names its workers, daemon as they are.
     */
    Executor asyncPool();

    /** The simulation the calling thread runs in, or null outside every simulation. */
    static SimulatedJdkCalls ofCurrentThread() {
        return ThreadOrigin.carrierOfCurrentThread() instanceof Source source ? source.jdkCalls() : null;
    }
}
