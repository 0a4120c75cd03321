package dev.heddle.sim;

import java.util.Collection;

/**
 * The checks of a step that ended waiting in the JDK, made after the step so that the run fails
 * at the step that began the wait: a timed wait whose wake-up would come from outside the run,
 * and a monitor entry whose holder is outside the run or suspended at one of Heddle's
 * suspension points. Waits that end inside the run need no check: a task or a virtual timer
 * ends them.
 */
final class JdkWaitChecks {
    private final Simulator simulator;
    private final LockHeldChecks lockHeld;

    JdkWaitChecks(Simulator simulator, LockHeldChecks lockHeld) {
        this.simulator = simulator;
        this.lockHeld = lockHeld;
    }

    /**
     * {@code t} waits with a timeout, which ends on virtual time. Two such waits are foreign: a
     * timed read of a real socket or pipe (its wake-up comes from the JDK's I/O poller), and a
     * JDK wait that loops on the real clock without the agent (see {@link JdkTimedWaits}). Either
     * way the task's timed parks get no more virtual timers ({@link SimTask#waitsOutside}).
     */
    void timedWait(SimTask t) {
        String io = FailureReports.realIoFrame(t.thread);
        String realClock = io == null ? JdkTimedWaits.onRealClock(t.thread) : null;
        if (io == null && realClock == null) {
            return;
        }
        t.waitsOutside = true;
        if (t.timedWake != null) {
            t.timedWake.cancel(false);
        }
        if (io != null) {
            simulator.fail(FailureKind.FOREIGN_WAKEUP, FailureReports.realIo(t, io), null, t.name, null);
        } else {
            simulator.fail(FailureKind.FOREIGN_WAKEUP, FailureReports.timedWaitOnRealClock(t, realClock), null,
                    t.name, null);
        }
    }

    /**
     * {@code t}, one of {@code alive}, is blocked entering a monitor. When no task of the run holds
     * it, a thread outside the simulation does, and its hand-off would come at a time no seed
     * decides: a foreign wake-up. When the task that holds it is suspended at one of Heddle's
     * suspension points, that is a lock held across a suspension point, reported per
     * {@link LockHeldPolicy} every time (not only at the sampled suspensions), since here it has
     * made another task wait. A holder switched away at a scheduling point of the agent, or
     * waiting in the JDK, is neither: the monitor is handed over when it leaves it. Reads every
     * task's frames, as a deadlock report does, in a replay too: the replay must fail where the
     * run did.
     */
    void monitorEntry(SimTask t, Collection<SimTask> alive) {
        if (!LiveFrames.available()) {
            return;
        }
        WaitForGraph graph = WaitForGraphBuilder.of(alive);
        WaitForGraph.Wait wait = graph.waitOf(t.name);
        if (wait == null || !wait.waitsFor().startsWith("synchronized(")) {
            return;
        }
        if (wait.heldBy().isEmpty()) {
            simulator.fail(FailureKind.FOREIGN_WAKEUP, FailureReports.monitorHeldOutside(t, wait.waitsFor(), graph),
                    null, t.name, graph);
            return;
        }
        if (!lockHeld.on()) {
            return;
        }
        for (String holderName : wait.heldBy()) {
            SimTask holder = alive.stream().filter(h -> h.name.equals(holderName)).findFirst().orElse(null);
            if (holder != null && holder.suspendedInHeddle) {
                lockHeld.monitorHeld(t, holder, wait.waitsFor(), graph);
                return;
            }
        }
    }
}
