package dev.heddle.sim;

import dev.heddle.time.VirtualTimeDriver;
import java.util.concurrent.ScheduledFuture;

/**
 * The virtual timers of the JDK's timed parks and timed {@code Object.wait}s of the run's
 * virtual threads ({@link VirtualThreadScheduler}), counted apart from Heddle's own timers: a
 * task in a JDK timed wait cannot see its cancellation, so the teardown moves time only while
 * Heddle's timers are pending, and a loop of such waits cannot keep it going.
 */
final class JdkParkTimers {
    private final Simulator simulator;
    private final VirtualTimeDriver time;
    /** The timers of JDK timed parks among the run's timers. */
    private int pending;

    JdkParkTimers(Simulator simulator, VirtualTimeDriver time) {
        this.simulator = simulator;
        this.time = time;
    }

    /**
     * The JDK's timed park or timed {@code Object.wait} of a virtual thread of the run ends in
     * {@code nanos} unless it is woken first: {@code wake} runs at that virtual time, as a timer
     * of the run's clock. Called on the simulator's thread, as the thread unmounts. A task whose
     * waits the run reported as outside it ({@link SimTask#waitsOutside}) gets a timer never set.
     */
    ScheduledFuture<?> schedule(Runnable wake, long nanos) {
        Thread caller = Thread.currentThread();
        if (!simulator.inRun(caller)) {
            throw new IllegalStateException("a timed wake-up of the simulation is scheduled from thread '"
                    + caller.getName() + "', which is outside it");
        }
        long now = time.now();
        long deadline = nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + Math.max(0, nanos);
        VirtualThreadScheduler.VirtualTimeout timeout = new VirtualThreadScheduler.VirtualTimeout(wake, deadline, this);
        SimTask running = simulator.running();
        if (running != null && running.waitsOutside) {
            return timeout;
        }
        timeout.scheduleOn(time);
        if (running != null) {
            running.timedWake = timeout;
        }
        return timeout;
    }

    /** One more (+1) or one fewer (-1) of these timers pending. */
    void pending(int change) {
        pending += change;
    }

    /** How many of the run's pending timers are these. */
    int pending() {
        return pending;
    }

    /** The run's virtual time. */
    long now() {
        return time.now();
    }
}
