package dev.heddle.sim.instrument;

import dev.heddle.runtime.internal.ThreadOrigin;

/**
 * What a simulation does at the JDK calls {@link JdkCalls} stands in for: implemented by the
 * simulator, found from the calling thread. For {@link JdkCalls} (and so Heddle's agent), not
 * for users; it may change in any release.
 */
public interface SimulatedJdkCalls {

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
     * Called on the calling thread before it starts {@code thread}: a virtual thread created
     * outside the simulation fails the run here, since it would run on the JDK's scheduler; a
     * platform thread is remembered with the line that started it, to be named when it shows.
     *
     * @throws IllegalStateException for a thread that cannot run in the simulation
     */
    void starting(Thread thread);

    /** The simulation the calling thread runs in, or null outside every simulation. */
    static SimulatedJdkCalls ofCurrentThread() {
        return ThreadOrigin.carrierOfCurrentThread() instanceof SimulatedJdkCalls calls ? calls : null;
    }
}
