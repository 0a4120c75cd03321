package dev.heddle.sim;

import dev.heddle.runtime.internal.Suspension;
import dev.heddle.runtime.internal.Task;
import dev.heddle.time.VirtualTimeDriver;
import java.time.Duration;
import java.util.Objects;

/**
 * Explicit control of a simulation's virtual time, for tests that want to say when time moves
 * (Tokio's {@code time::advance}, with auto-advance paused or not). Reached through
 * {@link Sim#time()}, or {@link #current()} from code that holds no {@code Sim}.
 *
 * <pre>{@code
 * SimTime time = sim.time();
 * time.pauseAutoAdvance();                      // from here on, time moves only when told
 * var ticker = sim.spawn(() -> { Heddle.sleep(Duration.ofSeconds(10)); fired.set(true); });
 * time.advance(Duration.ofSeconds(9));
 * assertFalse(fired.get());
 * time.advance(Duration.ofSeconds(1));          // the sleep's timer fires; the task runs soon after
 * ticker.join();
 * }</pre>
 *
 * <h2>How this maps to Tokio</h2>
 * A simulation's clock is always what Tokio calls <em>paused</em> time ({@code start_paused =
 * true}): it never follows real time, and when no task can run it jumps to the next timer
 * (auto-advance). Tokio's {@code pause()} and {@code resume()} switch between paused and real
 * time; a simulation has no real time to resume to, so they have no counterpart here. What a
 * test can still stop is auto-advance itself, which Tokio does internally while a
 * {@code spawn_blocking} task runs ({@code inhibit_auto_advance}); Heddle offers it to the
 * test as {@link #pauseAutoAdvance()} and {@link #resumeAutoAdvance()}. Auto-advance is on at
 * the start of every run and is the default.
 *
 * <h2>Deadlock detection</h2>
 * With auto-advance on, every task waiting with a timer pending is not a deadlock: time jumps.
 * With it paused, only a running task can move time, so when every task waits the run fails as
 * a deadlock whose report says auto-advance is paused and when the next timer is due (the
 * alternative, waiting forever, is what Tokio would do, and helps nobody).
 *
 * <h2>Hosts' clocks</h2>
 * {@link #advance(Duration)} moves the simulation's true virtual time, the clock of the test
 * body (and of every {@link HostClock#EXACT} host). A host whose clock is offset keeps its
 * offset; a host whose clock drifts sees its own clock move by the advance scaled by its drift,
 * as it would over that much real time. Host pauses and restarts scheduled for a time are timers
 * like any other: an advance past them fires them in order.
 */
public final class SimTime {
    private final Simulator simulator;
    private final VirtualTimeDriver time;
    private final Trace trace;
    private final Simulation config;
    /** Whether the simulator may jump to the next timer when no task is ready; read by its loop. */
    private boolean autoAdvancePaused;

    SimTime(Simulator simulator, VirtualTimeDriver time, Trace trace, Simulation config) {
        this.simulator = simulator;
        this.time = time;
        this.trace = trace;
        this.config = config;
    }

    /**
     * The virtual time of the calling task's simulation.
     *
     * @throws IllegalStateException on a thread that is not a task of a simulation: a real
     *     runtime's time is real and can be neither paused nor advanced
     */
    public static SimTime current() {
        Task<?> task = Task.current();
        if (task == null || !(task.carrier() instanceof Simulator simulator)) {
            throw new IllegalStateException("SimTime is only available inside a simulation, was called on "
                    + Thread.currentThread() + (task == null ? ", which is not a Heddle task" : ", a task of a real"
                    + " runtime, whose time is real and can be neither paused nor advanced")
                    + "; run the code with Simulation.ofSeed(seed).run(...)");
        }
        return simulator.simTime();
    }

    /**
     * Moves virtual time forward by exactly {@code duration} (Tokio's {@code advance}), then
     * yields. Every timer due on the way fires in deadline order (ties in the order they were
     * set), waking its task, but those tasks run only after the calling task's step, when
     * {@link dev.heddle.time.Clock#now()} already reads the new time: like Tokio's, an advance
     * does not wait for the sleeps it passes to complete. Works whether or not auto-advance is
     * paused. A zero duration only yields.
     *
     * @throws IllegalArgumentException when {@code duration} is negative, or would take virtual
     *     time past the simulation's {@link Simulation#maxTime(Duration) maxTime}
     * @throws IllegalStateException when not called from a task of this simulation
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration
                    + ": virtual time only moves forward");
        }
        requireOwnTask("advance");
        long now = time.now();
        long nanos = duration.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : duration.toNanos();
        if (nanos > config.maxTime() - now) {
            throw new IllegalArgumentException("advancing by " + duration + " from " + now / 1_000_000
                    + " ms would pass the simulation's time budget, maxTime = " + config.maxTime() / 1_000_000
                    + " ms; advance less or raise Simulation.maxTime(...)");
        }
        // Fires every timer due on the way in deadline order, inside this step; the tasks they wake run after it.
        int fired = time.advanceTo(now + nanos);
        trace.record(Trace.Event.ADVANCE, time.now(), fired);
        Suspension.yieldNow();
    }

    /**
     * Stops virtual time from jumping to the next timer when no task can run, so that only
     * {@link #advance(Duration)} moves it: a test that steps time by hand cannot be overtaken by
     * an auto-advance while it waits for a task. When every task then waits, the run fails as
     * a deadlock naming the pending timer.
     *
     * @throws IllegalStateException when auto-advance is already paused (as Tokio's
     *     {@code pause} fails when time is already paused: a second pause is a mistake in the test)
     */
    public void pauseAutoAdvance() {
        requireOwnTask("pauseAutoAdvance");
        if (autoAdvancePaused) {
            throw new IllegalStateException("auto-advance is already paused; resume it before pausing again");
        }
        autoAdvancePaused(true);
    }

    /**
     * Lets virtual time jump to the next timer again whenever no task can run.
     *
     * @throws IllegalStateException when auto-advance is not paused (as Tokio's {@code resume}
     *     fails when time is not paused)
     */
    public void resumeAutoAdvance() {
        requireOwnTask("resumeAutoAdvance");
        if (!autoAdvancePaused) {
            throw new IllegalStateException("auto-advance is not paused; there is nothing to resume");
        }
        autoAdvancePaused(false);
    }

    /** Whether auto-advance is paused by {@link #pauseAutoAdvance()}. */
    public boolean isAutoAdvancePaused() {
        return autoAdvancePaused;
    }

    private void autoAdvancePaused(boolean paused) {
        autoAdvancePaused = paused;
        trace.record(Trace.Event.AUTO_ADVANCE, paused ? 0 : 1, time.now());
    }

    /** Virtual nanoseconds since the simulation started: true time, whatever host the caller is on. */
    public long now() {
        return time.now();
    }

    /** Time can only be moved from inside a step: between steps the simulator itself owns it. */
    private void requireOwnTask(String method) {
        Task<?> task = Task.current();
        if (task == null || task.carrier() != simulator) {
            throw new IllegalStateException("SimTime." + method + " must be called from a task of its own"
                    + " simulation, was called on " + Thread.currentThread());
        }
    }

    @Override
    public String toString() {
        return "SimTime[now=" + time.now() + " ns" + (autoAdvancePaused
                ? ", auto-advance paused]" : "]");
    }
}
