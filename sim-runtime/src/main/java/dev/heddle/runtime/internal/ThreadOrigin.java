package dev.heddle.runtime.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/**
 * Where a thread comes from, as far as a simulation cares: the carrier of the simulation it
 * was created in, and, for a platform thread that a simulated task created, which task and
 * which line. It lets the simulator find its run from threads that are not Heddle tasks
 * (virtual threads a task started with the JDK's own API, which join the run) and name the
 * origin of platform threads that escape it.
 *
 * <p>Carried by an {@link InheritableThreadLocal} set on the simulation's carrier thread: every
 * thread created inside the run inherits it, whatever API created it, and the JDK calls
 * {@link InheritableThreadLocal#childValue} on the creating thread while it constructs the new
 * one, so the carrier sees each creation as it happens ({@link Carrier#threadCreated}) without
 * instrumenting anything. A thread created outside every simulation has none.
 *
 * <p>The carrier is held weakly: a platform thread a run created may outlive it by far (a
 * pool's worker never shut down), and must not keep the run's simulator, tasks and trace alive.
 */
public final class ThreadOrigin {
    private static final InheritableThreadLocal<ThreadOrigin> INHERITED = new InheritableThreadLocal<>() {
        @Override
        protected ThreadOrigin childValue(ThreadOrigin parent) {
            // Null on a thread that only ever asked (get() stores the initial value): no run to tell.
            Carrier carrier = parent == null ? null : parent.carrier.get();
            return carrier == null ? null : carrier.threadCreated(parent);
        }
    };

    /**
     * Reads another thread's inherited value: {@code Thread.inheritableThreadLocals}, then that
     * map's entry for {@link #INHERITED}, all private to {@code java.lang}, which Heddle's runtime
     * has opened to it anyway ({@link VirtualThreads#REQUIRED_FLAG}). Null without that access.
     */
    private static final VarHandle INHERITED_MAP;
    private static final MethodHandle GET_ENTRY;
    private static final VarHandle ENTRY_VALUE;

    static {
        VarHandle map = null;
        MethodHandle getEntry = null;
        VarHandle value = null;
        try {
            Class<?> mapClass = Class.forName("java.lang.ThreadLocal$ThreadLocalMap");
            Class<?> entryClass = Class.forName("java.lang.ThreadLocal$ThreadLocalMap$Entry");
            map = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                    .findVarHandle(Thread.class, "inheritableThreadLocals", mapClass);
            getEntry = MethodHandles.privateLookupIn(mapClass, MethodHandles.lookup())
                    .findVirtual(mapClass, "getEntry", MethodType.methodType(entryClass, ThreadLocal.class));
            value = MethodHandles.privateLookupIn(entryClass, MethodHandles.lookup())
                    .findVarHandle(entryClass, "value", Object.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            map = null;
            getEntry = null;
            value = null;
        }
        INHERITED_MAP = map;
        GET_ENTRY = getEntry;
        ENTRY_VALUE = value;
    }

    private final WeakReference<Carrier> carrier;
    /** For a platform thread created inside the run: the task and line that created it; null otherwise. */
    private final String platformThreadCreation;

    private ThreadOrigin(Carrier carrier, String platformThreadCreation) {
        this.carrier = new WeakReference<>(carrier);
        this.platformThreadCreation = platformThreadCreation;
    }

    /**
     * Marks the calling thread, a simulation's carrier, and so every thread created from now on
     * inside the run, as {@code carrier}'s. Undone by {@link #leave()}.
     */
    public static void enter(Carrier carrier) {
        INHERITED.set(new ThreadOrigin(carrier, null));
    }

    /** Ends {@link #enter} on the calling thread, once its run is over. */
    public static void leave() {
        INHERITED.remove();
    }

    /** The origin of a platform thread that {@code creation} (a task and a line) made inside {@code carrier}'s run. */
    public static ThreadOrigin platformThread(Carrier carrier, String creation) {
        return new ThreadOrigin(carrier, creation);
    }

    /** The origin of the calling thread, or null for a thread created outside every simulation. */
    public static ThreadOrigin ofCurrentThread() {
        return INHERITED.get();
    }

    /**
     * The carrier of the calling virtual thread: its task's, or for a virtual thread a
     * simulation adopted, the one it inherited. Null on a platform thread (every thread of a
     * simulation is virtual, so a platform thread, one that escaped a run included, is asked
     * nothing, and gets no entry in its thread locals), and on a virtual thread of no runtime.
     */
    public static Carrier carrierOfCurrentThread() {
        if (!Thread.currentThread().isVirtual()) {
            return null;
        }
        Task<?> task = Task.current();
        if (task != null) {
            return task.carrier();
        }
        ThreadOrigin origin = INHERITED.get();
        return origin == null || origin.isPlatformThread() ? null : origin.carrier.get();
    }

    /**
     * The origin of {@code thread}, which need not be the calling thread: read from its thread
     * locals, for a thread never started (whose work a simulation runs on a virtual thread of its
     * own instead). Null for a thread created outside every simulation, or without the access
     * Heddle's runtime needs.
     */
    public static ThreadOrigin of(Thread thread) {
        if (GET_ENTRY == null) {
            return null;
        }
        Object map = INHERITED_MAP.get(thread);
        if (map == null) {
            return null;
        }
        try {
            Object entry = GET_ENTRY.invoke(map, INHERITED);
            return entry == null ? null : (ThreadOrigin) ENTRY_VALUE.get(entry);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the thread locals of thread '" + thread.getName() + "'", e);
        }
    }

    /** The carrier of the run the thread was created in; null once that run is over and gone. */
    public Carrier carrier() {
        return carrier.get();
    }

    /** True for a platform thread created inside a run: it runs outside the simulation. */
    public boolean isPlatformThread() {
        return platformThreadCreation != null;
    }

    /** For a platform thread, the task and line that created it: {@code "task main#1 at Test.run(Test.java:12)"}. */
    public String platformThreadCreation() {
        return platformThreadCreation;
    }
}
