package dev.heddle.sim;

import dev.heddle.runtime.internal.Carrier;
import dev.heddle.runtime.internal.SpawnSite;
import dev.heddle.runtime.internal.ThreadOrigin;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Threads that run outside a simulation although its code made them: platform threads a task
 * created or started (a {@code new Thread}, a thread pool's workers), which the JDK schedules
 * for real, and virtual threads created outside the run and started inside it, which keep the
 * JDK's scheduler they were created with. Either wakes tasks at times no seed decides. This
 * class notes where each began and says so in the report of the failure it causes, instead of
 * what the user sees of it (a wait/notify problem, a deadlock).
 *
 * <p>Without the agent, a thread's creation is seen through {@link ThreadOrigin}: the JDK
 * constructs every thread on the creating thread, and whether the new one is virtual shows in
 * which of {@code Thread}'s two constructors runs. The start itself is not seen, so a virtual
 * thread created outside the run shows only when it wakes a task, or when a task waits in
 * {@code Thread.join} and no thread of the run can be the one it joins. With the agent,
 * {@code ThreadCalls.start} sees every start in the user's code: a foreign virtual thread fails
 * the run at once, and a platform thread does not escape at all: its work runs as a task of the
 * run ({@link PlatformThreadTasks}), so its creation is forgotten ({@link #runsInside}). Platform
 * threads that the JDK's or a library's code starts (a pool built without the agent's
 * stand-ins) still escape, and are noted here.
 *
 * <p>Platform threads are noted on the task's thread and read by the threads that report a
 * wake-up from outside, hence a concurrent list.
 */
final class EscapedThreads {
    /** What every report of a platform thread says, word for word. */
    static final String PLATFORM_THREADS_RUN_OUTSIDE = "platform threads run outside the simulation";
    private static final StackWalker FRAMES = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** The constructor every virtual thread runs ({@code Thread(String name, int characteristics, boolean bound)}). */
    private static final MethodType VIRTUAL_THREAD_CONSTRUCTOR =
            MethodType.methodType(void.class, String.class, int.class, boolean.class);
    private static final String FIX = " Run that work as a Heddle task (Heddle.spawn, or Heddle.spawnBlocking for a"
            + " blocking call), or on a virtual thread started inside the task (Thread.ofVirtual().start(...)),"
            + " which joins the simulation.";

    /** What a deadlock report adds when a task waits in the JDK for work no task of the run ends. */
    static final String UNSEEN_THREADS = "Note: no thread of this run escaped it, so no task of the run can end those"
            + " waits; if the work was handed to a thread the run did not make (a pool made before the simulation,"
            + " a library's own thread, the JDK's common pool used by code the agent does not instrument), the"
            + " wake-up would come from that thread, outside the simulation.\n";

    /** Each platform thread made inside the run, as {@code "task main#1 at Test.run(Test.java:12)"}. */
    private final List<String> platformThreads = new CopyOnWriteArrayList<>();

    /**
     * A thread is being constructed by {@code creator}'s code (on its thread): a virtual one gets
     * {@code parent} and joins the run when started; a platform one is noted, and gets an
     * origin that names {@code creator} and the line.
     */
    ThreadOrigin created(ThreadOrigin parent, Carrier carrier, SimTask creator) {
        String site = FRAMES.walk(frames -> {
            boolean constructed = false;
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                if (!constructed) {
                    if (f.getDeclaringClass() == Thread.class && f.getMethodName().equals("<init>")) {
                        if (f.getMethodType().equals(VIRTUAL_THREAD_CONSTRUCTOR)) {
                            return null;
                        }
                        constructed = true;
                    }
                } else if (!isMachinery(f)) {
                    return f.toStackTraceElement().toString();
                }
            }
            return constructed ? "a line of the JDK's or Heddle's" : null;
        });
        if (site == null) {
            return parent;
        }
        String creation = "task " + creator + " at " + site;
        platformThreads.add(creation);
        return ThreadOrigin.platformThread(carrier, creation);
    }

    /**
     * The platform {@code thread}, noted when it was created, does not escape after all: its work
     * runs as a task of the run ({@link PlatformThreadTasks}), and reports must not name it.
     */
    void runsInside(Thread thread) {
        ThreadOrigin origin = ThreadOrigin.of(thread);
        if (origin != null && origin.isPlatformThread()) {
            platformThreads.remove(origin.platformThreadCreation());
        }
    }

    /**
     * {@code starter} starts {@code thread} ({@code JdkCalls.start}, on its thread): the error
     * that fails the run for a virtual thread created outside it ({@code ownScheduler} false), or
     * null. (A platform thread that instrumented code starts runs as a task: {@link #runsInside}.)
     */
    String started(Thread thread, SimTask starter, boolean ownScheduler) {
        if (ownScheduler) {
            return null;
        }
        StackTraceElement site = FRAMES.walk(frames -> frames.filter(f -> !isMachinery(f)).findFirst()
                .map(StackWalker.StackFrame::toStackTraceElement).orElse(null));
        return "task " + starter + " starts virtual thread '" + thread.getName() + "' at " + site + ", which was"
                + " created outside the simulation: a virtual thread keeps the scheduler of the thread that created"
                + " it, here the JDK's, so it would run outside the simulation, at times no seed decides. Create"
                + " it inside the task (Thread.ofVirtual().start(...), or a virtual-thread executor made inside"
                + " the task), or spawn a Heddle task.";
    }

    /**
     * What to add to the line of a wake-up of {@code woken} from {@code caller}, a thread outside
     * the simulation (read on {@code caller}): where it came from, when this run made it, or why
     * the task it woke waited for it; empty when there is nothing to add.
     */
    String foreignWaker(Thread caller, Thread woken, Carrier carrier) {
        ThreadOrigin origin = ThreadOrigin.ofCurrentThread();
        if (origin != null && origin.carrier() == carrier && origin.isPlatformThread()) {
            return ": a platform thread was started from " + origin.platformThreadCreation() + "; "
                    + PLATFORM_THREADS_RUN_OUTSIDE + ".";
        }
        if (caller.isVirtual() && (origin == null || origin.carrier() != carrier)) {
            return ": a virtual thread created outside the simulation and started inside it; it keeps the JDK's"
                    + " scheduler, so it runs outside the simulation. Create it inside the task.";
        }
        if (woken != null && !platformThreads.isEmpty() && joinFrame(woken) != null) {
            return ", which waits in Thread.join(): " + platformThreadsNamed() + ".";
        }
        return "";
    }

    /**
     * Why {@code t}, which waits while no task can run, waits for a thread outside the
     * simulation, when it waits in {@code Thread.join} for one; null otherwise.
     * {@code adoptedAlive} tells whether a virtual thread of the run is alive, which a join on a
     * virtual thread may be waiting for.
     */
    String waitsForEscaped(SimTask t, boolean adoptedAlive) {
        if (t.thread == null) {
            return null;
        }
        StackTraceElement[] frames = t.thread.getStackTrace();
        StackTraceElement join = joinFrame(frames);
        if (join == null) {
            return null;
        }
        if (joinsVirtualThread(frames)) {
            return adoptedAlive ? null : "task " + t + " waits in Thread.join() at " + join + " for a virtual thread"
                    + " that is not part of the simulation: a virtual thread created outside it (before"
                    + " Simulation.run, or by another run) keeps the JDK's scheduler even when a task starts it,"
                    + " and runs outside the simulation, at times no seed decides. Create it inside the task.\n"
                    + FailureReports.stack(t);
        }
        return "task " + t + " waits in Thread.join() at " + join + " for a platform thread: "
                + (platformThreads.isEmpty() ? PLATFORM_THREADS_RUN_OUTSIDE : platformThreadsNamed())
                + ", and no seed decides when it ends." + FIX + "\n" + FailureReports.stack(t);
    }

    /**
     * True when {@code t} waits in {@code Thread.join} for a virtual thread while one of the run's
     * is alive: then it most likely joins that one, and waits inside the simulation (for a
     * deadlock, if nothing else can run), not for work handed outside it.
     */
    static boolean joinsThreadOfTheRun(SimTask t, boolean adoptedAlive) {
        return adoptedAlive && t.thread != null && joinsVirtualThread(t.thread.getStackTrace());
    }

    private static boolean joinsVirtualThread(StackTraceElement[] frames) {
        for (StackTraceElement e : frames) {
            if (e.getClassName().equals("java.lang.VirtualThread") && e.getMethodName().equals("joinNanos")) {
                return true;
            }
        }
        return false;
    }

    /** True when no platform thread the run made escaped it (or it made none). */
    boolean noneEscaped() {
        return platformThreads.isEmpty();
    }

    /** The platform threads the run made, for a deadlock report: empty when none. */
    String note() {
        return platformThreads.isEmpty() ? "" : "Note: " + platformThreadsNamed() + "; a task waiting for one of them"
                + " waits for something the simulation does not run." + FIX + "\n";
    }

    private String platformThreadsNamed() {
        StringBuilder sb = new StringBuilder();
        for (String p : platformThreads) {
            sb.append(sb.isEmpty() ? "" : "; ").append("a platform thread was started from ").append(p);
        }
        return sb.append("; ").append(PLATFORM_THREADS_RUN_OUTSIDE).toString();
    }

    /** The user's line that called {@code Thread.join}, or null when the thread does not wait in one. */
    private static StackTraceElement joinFrame(Thread thread) {
        return joinFrame(thread.getStackTrace());
    }

    private static StackTraceElement joinFrame(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals("java.lang.Thread") && frames[i].getMethodName().equals("join")) {
                int caller = i + 1;
                while (caller < frames.length && frames[caller].getClassName().equals("java.lang.Thread")) {
                    caller++;
                }
                return caller < frames.length ? frames[caller] : frames[i];
            }
        }
        return null;
    }

    /** A frame of the JDK, of Heddle, or of a constructor of a {@code Thread} subclass: no user's line. */
    private static boolean isMachinery(StackWalker.StackFrame f) {
        Class<?> c = f.getDeclaringClass();
        return (Thread.class.isAssignableFrom(c) && f.getMethodName().equals("<init>")) || !SpawnSite.isUserClass(c);
    }
}
