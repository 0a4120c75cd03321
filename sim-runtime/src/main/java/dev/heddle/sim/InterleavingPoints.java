package dev.heddle.sim;

import dev.heddle.sim.instrument.InstrumentedRun;
import dev.heddle.sim.instrument.SchedulingPoints;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run's scheduling points at shared-memory accesses ({@link Simulation#schedulingPoints}):
 * the bookkeeping that makes each point the agent inserted a step boundary like a park.
 *
 * <p>At a point the running task makes itself ready, as a yield would, and the {@link ReadyTasks}
 * choose the next task among all the ready ones, exactly as at the start of a step (RANDOM,
 * PCT's priorities and change points, FIFO, logical workers). When they choose the running
 * task it goes on without unmounting: a step counted, nothing else. When they choose another,
 * that one is kept for the next step ({@link #takeChosen}), and the running task yields; the
 * JDK's wake-up for that yield is absorbed ({@link #absorbsWake}), since the task is ready
 * already. The switch is recorded as a {@link Trace.Event#POINT}, with the site's text. Under
 * FIFO the running task goes to the back of the line, so every point hands over (round robin).
 * A task whose host is paused meanwhile is held where its step ends, as without points.
 *
 * <p>Switches happen inside {@code synchronized} blocks too: a task that then blocks entering the
 * monitor waits, and the JDK's hand-off of the monitor when its holder leaves it is taken up
 * deterministically after the holder's step ({@link MonitorHandOffs}), so monitor deadlocks
 * between tasks can form and are reported with the monitors in the wait-for graph. No switch
 * happens after a switch that the JDK could not carry out (a thread pinned by a native frame or
 * a class initializer does not unmount on a yield): the step then goes on to its end, the chosen
 * task runs next, and the running task's entry among the ready tasks stands for its next wake-up.
 */
final class InterleavingPoints implements InstrumentedRun {
    private static final System.Logger LOG = System.getLogger("dev.heddle.sim");
    /** Whether this JVM has warned of a run whose points never fired; once is enough to see a set-up mistake. */
    private static final AtomicBoolean WARNED_NONE_REACHED = new AtomicBoolean();

    private final Simulator simulator;
    private final ReadyTasks ready;
    private final Trace trace;
    private final long maxSteps;
    /** The sites of switches so far, numbered from 1 in the order first switched at, for the trace. */
    private final Map<String, Integer> sites = new HashMap<>();
    /** The task a point chose for the next step, or null. */
    private SimTask chosen;
    /** The task that made itself ready at a point and is yielding: the JDK's wake-up for it is not a new one. */
    private SimTask yielding;
    /** From a switch to the next step: the step's later points (a failed yield's) choose nothing. */
    private boolean switched;
    private long reached;

    private InterleavingPoints(Simulator simulator, ReadyTasks ready, Trace trace, long maxSteps) {
        this.simulator = simulator;
        this.ready = ready;
        this.trace = trace;
        this.maxSteps = maxSteps;
    }

    /**
     * The points of {@code simulator}'s run, registered with {@link SchedulingPoints} until
     * {@link #close}. Fails fast when no agent is loaded, or one is loaded with no packages: a
     * run that asks for points and gets none would pass for the wrong reason.
     */
    static InterleavingPoints start(Simulator simulator, ReadyTasks ready, Trace trace, long maxSteps) {
        String packages = SchedulingPoints.instrumentedPackages();
        if (packages == null) {
            throw new IllegalStateException("schedulingPoints(true) needs Heddle's Java agent, which is not loaded"
                    + " in this JVM: start it with -javaagent:/path/to/sim-agent.jar=com.example (the packages of"
                    + " the code under test; with Maven, add to Surefire's argLine"
                    + " -javaagent:${settings.localRepository}/dev/heddle/sim-agent/VERSION/sim-agent-VERSION.jar"
                    + "=com.example), or turn schedulingPoints off");
        }
        if (packages.isEmpty()) {
            throw new IllegalStateException("schedulingPoints(true), but Heddle's Java agent instruments no package:"
                    + " give it the packages of the code under test, -javaagent:sim-agent.jar=com.example, or use"
                    + " @SimTest(instrument = \"com.example\")");
        }
        InterleavingPoints points = new InterleavingPoints(simulator, ready, trace, maxSteps);
        SchedulingPoints.register(points);
        return points;
    }

    @Override
    public Decision point(Thread thread, String site) {
        SimTask t = simulator.runningOn(thread);
        if (t == null) {
            return Decision.NOT_THIS_RUN;
        }
        reached++;
        if (switched) {
            return Decision.GO_ON;
        }
        ready.wake(t, t);
        long step = simulator.steps() + 1;
        if (step > maxSteps) {
            // The loop fails the run as a busy loop at its next step; the task waits, ready, for the report.
            return switchTo(t, null, site);
        }
        SimTask next = ready.next(step);
        if (next == t) {
            simulator.countStepAtPoint(t, site);
            return Decision.GO_ON;
        }
        return switchTo(t, next, site);
    }

    private Decision switchTo(SimTask t, SimTask next, String site) {
        chosen = next;
        yielding = t;
        switched = true;
        trace.record(Trace.Event.POINT, t.id, siteNumber(site));
        return Decision.YIELD;
    }

    private int siteNumber(String site) {
        Integer known = sites.get(site);
        if (known != null) {
            return known;
        }
        int number = sites.size() + 1;
        sites.put(site, number);
        trace.pointSite(number, site);
        return number;
    }

    /** Nothing to note: switches inside monitors are allowed (see the class comment). */
    @Override
    public boolean monitorEntered(Thread thread) {
        return simulator.runningOn(thread) != null;
    }

    @Override
    public boolean monitorExited(Thread thread) {
        return simulator.runningOn(thread) != null;
    }

    /** A step starts: the task a point chose for it, or null for the ready tasks to choose. */
    SimTask takeChosen() {
        SimTask c = chosen;
        chosen = null;
        yielding = null;
        switched = false;
        return c;
    }

    /** True when {@code t}'s wake-up is the one of its yield at a point: it is among the ready tasks already. */
    boolean absorbsWake(SimTask t) {
        if (t != yielding) {
            return false;
        }
        yielding = null;
        return true;
    }

    /** The run has ended: no more points for it; warns once per JVM when a run reached none. */
    void close() {
        SchedulingPoints.unregister(this);
        if (reached == 0 && WARNED_NONE_REACHED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "a simulation ran with schedulingPoints(true) but reached no"
                    + " scheduling point: none of the code it ran is in the packages Heddle's agent instruments ("
                    + SchedulingPoints.instrumentedPackages() + "); check the agent's packages"
                    + " (-javaagent:sim-agent.jar=PACKAGES or @SimTest(instrument))");
        }
    }
}
