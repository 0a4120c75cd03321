package dev.heddle.sim.instrument;

import java.util.Arrays;

/**
 * The scheduling points that Heddle's Java agent inserts into instrumented classes: called by
 * instrumented bytecode, not by users. Each call carries its site as a constant, the class,
 * method and source line and what the point precedes, e.g.
 * {@code com.example.Counter.increment(Counter.java:12) write com.example.Counter.count}, so
 * that a run's trace and reports can name the access where another task cut in.
 *
 * <p>Outside every simulation, and in simulations with scheduling points off, a point is one
 * read of a static field and a length test: the agent may stay loaded in a JVM whose other
 * tests run at full speed. Inside a run with points on ({@code Simulation.schedulingPoints(true)})
 * the run decides, as at any other step, whether the task goes on or another ready task runs
 * first; see {@link InstrumentedRun}.
 *
 * <p>Points switch tasks inside {@code synchronized} blocks too: the simulator takes up the JDK's
 * hand-off of a contended monitor deterministically, so two tasks can deadlock on monitors in a
 * run, as they would in production.
 */
public final class SchedulingPoints {
    /**
     * The system property the agent sets to the packages it instruments, comma-separated (empty
     * when loaded with none); absent when no agent is loaded.
     */
    public static final String AGENT_PACKAGES_PROPERTY = "dev.heddle.agent.packages";
    private static final InstrumentedRun[] NONE = new InstrumentedRun[0];
    /**
     * The runs with points on, now. Volatile, so that a loop of instrumented code sees a run
     * start or end; replaced whole on each change (copy on write), as runs start rarely.
     */
    private static volatile InstrumentedRun[] runs = NONE;

    private SchedulingPoints() {}

    /**
     * Before a read or write of a non-final field or an array element, a call to an atomic, a
     * {@code VarHandle} access or a lock's lock, unlock or tryLock, a {@code monitorenter}, and
     * on a loop's back-edge: the simulation may run another task first.
     */
    public static void point(String site) {
        InstrumentedRun[] active = runs;
        if (active.length != 0) {
            reached(active, site);
        }
    }

    /** After a {@code monitorenter}, and at the start of a {@code synchronized} method. */
    public static void monitorEntered() {
        InstrumentedRun[] active = runs;
        if (active.length != 0) {
            Thread current = Thread.currentThread();
            for (InstrumentedRun run : active) {
                if (run.monitorEntered(current)) {
                    return;
                }
            }
        }
    }

    /** After a {@code monitorexit}: the monitor is released, so this is a point too. */
    public static void monitorExited(String site) {
        InstrumentedRun[] active = runs;
        if (active.length != 0) {
            Thread current = Thread.currentThread();
            for (InstrumentedRun run : active) {
                if (run.monitorExited(current)) {
                    reached(active, site);
                    return;
                }
            }
        }
    }

    /**
     * Before a {@code synchronized} method returns or throws: the monitor is released by the
     * return itself, after the method's last instruction, so there is no point here; the
     * caller's next point follows.
     */
    public static void leavingSynchronizedMethod() {
        InstrumentedRun[] active = runs;
        if (active.length != 0) {
            Thread current = Thread.currentThread();
            for (InstrumentedRun run : active) {
                if (run.monitorExited(current)) {
                    return;
                }
            }
        }
    }

    private static void reached(InstrumentedRun[] active, String site) {
        Thread current = Thread.currentThread();
        for (InstrumentedRun run : active) {
            switch (run.point(current, site)) {
                case NOT_THIS_RUN -> { }
                case GO_ON -> {
                    return;
                }
                case YIELD -> {
                    // The run has already chosen who runs next; the JDK hands this thread's
                    // continuation back to the run's carrier, which knows it is ready.
                    Thread.yield();
                    return;
                }
            }
        }
    }

    /** Called by the simulator when a run with points on starts; not for users. */
    public static synchronized void register(InstrumentedRun run) {
        InstrumentedRun[] now = runs;
        InstrumentedRun[] more = Arrays.copyOf(now, now.length + 1);
        more[now.length] = run;
        runs = more;
    }

    /** Called by the simulator when a run registered with {@link #register} ends; not for users. */
    public static synchronized void unregister(InstrumentedRun run) {
        InstrumentedRun[] now = runs;
        InstrumentedRun[] fewer = Arrays.stream(now).filter(r -> r != run).toArray(InstrumentedRun[]::new);
        runs = fewer.length == 0 ? NONE : fewer;
    }

    /** The packages the agent instruments, as it announced them, or null when no agent is loaded. */
    public static String instrumentedPackages() {
        return System.getProperty(AGENT_PACKAGES_PROPERTY);
    }
}
