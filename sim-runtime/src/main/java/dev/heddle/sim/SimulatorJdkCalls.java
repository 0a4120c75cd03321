package dev.heddle.sim;

import dev.heddle.runtime.internal.VirtualThreads;
import dev.heddle.sim.instrument.SimulatedJdkCalls;
import java.util.concurrent.Executor;

/**
 * What a run does at the JDK calls the agent stands in for ({@link SimulatedJdkCalls}), apart
 * from the simulator's loop: each call asks who runs the current step, and is answered by the
 * classes that hold the concern ({@link PlatformThreadTasks}, {@link EscapedThreads},
 * {@link SpuriousWakeups}, {@link LockHeldChecks}). A call from a thread that is not the one in
 * its step (one that escaped the run) changes nothing.
 */
final class SimulatorJdkCalls implements SimulatedJdkCalls {
    private final Simulator simulator;
    private final PlatformThreadTasks platformThreads;
    private final EscapedThreads escaped;
    /** Null unless the run has {@link Simulation#spuriousWakeups} on. */
    private final SpuriousWakeups spurious;
    private final LockHeldChecks lockHeld;

    SimulatorJdkCalls(Simulator simulator, PlatformThreadTasks platformThreads, EscapedThreads escaped,
            SpuriousWakeups spurious, LockHeldChecks lockHeld) {
        this.simulator = simulator;
        this.platformThreads = platformThreads;
        this.escaped = escaped;
        this.spurious = spurious;
        this.lockHeld = lockHeld;
    }

    @Override
    public boolean wakesSpuriously(Wait wait) {
        SimTask running = simulator.runningOn(Thread.currentThread());
        return spurious != null && !simulator.tearingDown() && running != null && spurious.atWait(running, wait);
    }

    /** As {@link Simulator#suspending}, at a suspension in the JDK that the agent's {@code JdkCalls} shows. */
    @Override
    public void suspendingInJdk(String call) {
        SimTask running = simulator.runningOn(Thread.currentThread());
        if (running != null) {
            lockHeld.atSuspension(running + " (in " + call + ")", running);
        }
    }

    /** A virtual thread's start the agent's {@code ThreadCalls} shows: see {@link EscapedThreads#started}. */
    @Override
    public void starting(Thread thread) {
        SimTask running = simulator.runningOn(Thread.currentThread());
        if (running == null) {
            return;
        }
        String error = escaped.started(thread, running, simulator.isOwnExecutor(VirtualThreads.schedulerOf(thread)));
        if (error != null) {
            simulator.fail(FailureKind.FOREIGN_WAKEUP, error, null);
            throw new IllegalStateException(error);
        }
    }

    @Override
    public void runsWorkOf(Thread runner, Thread platform) {
        platformThreads.add(runner, platform);
        escaped.runsInside(platform);
    }

    @Override
    public Thread shownAs(Thread current) {
        return platformThreads.shownAs(current);
    }

    @Override
    public Thread runnerOf(Thread platform) {
        return platformThreads.runnerOf(platform);
    }

    @Override
    public void uncaught(Thread platform, Throwable failure) {
        SimTask t = simulator.runningOn(Thread.currentThread());
        String task = t == null ? "" : " (task " + t + ")";
        simulator.fail(FailureKind.TASK_FAILED, "thread '" + platform.getName() + "'" + task + " ended with an"
                + " uncaught " + failure + ", which no uncaught-exception handler takes (neither the thread's, its"
                + " group's nor Thread.setDefaultUncaughtExceptionHandler's): the JDK would print it and let the"
                + " thread die. Catch it in the thread's work, or give the thread a handler that decides what it"
                + " means.", failure, t == null ? null : t.name, null);
    }

    @Override
    public Executor asyncPool() {
        return platformThreads.asyncPool();
    }
}
