package dev.heddle.runtime.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * The one seam between Heddle and the JDK: virtual threads carried by an executor of our
 * choosing. The JDK keeps that constructor private, so it is reached by reflection, which
 * needs {@code java.lang} opened to Heddle.
 */
public final class VirtualThreads {

    /** The JVM flag Heddle needs, as users must write it. */
    public static final String REQUIRED_FLAG = "--add-opens java.base/java.lang=ALL-UNNAMED";

    private static final Constructor<?> BUILDER;
    private static final VarHandle RUN_CONTINUATION;
    private static final VarHandle CARRIER_THREAD;
    private static final VarHandle STATE;
    private static final VarHandle SCHEDULER;
    private static final VarHandle ON_WAITING_LIST;
    /** {@code java.lang.VirtualThread.PARKED}: unmounted in an untimed {@code LockSupport.park}. */
    private static final int PARKED = 4;
    /** {@code java.lang.VirtualThread.BLOCKED}: unmounted, blocked entering a contended monitor. */
    private static final int BLOCKED = 13;
    /** {@code java.lang.VirtualThread.WAIT}: unmounted in {@code Object.wait()}. */
    private static final int WAIT = 16;
    /** {@code java.lang.VirtualThread.TIMED_WAIT}: unmounted in {@code Object.wait(timeout)}. */
    private static final int TIMED_WAIT = 18;
    private static final RuntimeException UNAVAILABLE;

    static {
        Constructor<?> builder = null;
        VarHandle runContinuation = null;
        VarHandle carrierThread = null;
        VarHandle state = null;
        VarHandle scheduler = null;
        VarHandle onWaitingList = null;
        RuntimeException unavailable = null;
        try {
            Class<?> builderClass = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            builder = builderClass.getDeclaredConstructor(Executor.class);
            builder.setAccessible(true);
            Class<?> virtualThread = Class.forName("java.lang.VirtualThread");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(virtualThread, MethodHandles.lookup());
            runContinuation = lookup.findVarHandle(virtualThread, "runContinuation", Runnable.class);
            carrierThread = lookup.findVarHandle(virtualThread, "carrierThread", Thread.class);
            state = lookup.findVarHandle(virtualThread, "state", int.class);
            scheduler = lookup.findVarHandle(virtualThread, "scheduler", Executor.class);
            onWaitingList = lookup.findVarHandle(virtualThread, "onWaitingList", boolean.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = new IllegalStateException("""
                    Heddle cannot carry virtual threads on its own executor: %s
                    Run the JVM with %s
                    In Maven, give Surefire the flag:
                      <plugin>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <configuration>
                          <argLine>%s</argLine>
                        </configuration>
                      </plugin>
                    In Gradle: tasks.test { jvmArgs("--add-opens", "java.base/java.lang=ALL-UNNAMED") }"""
                    .formatted(e, REQUIRED_FLAG, REQUIRED_FLAG), e);
        }
        BUILDER = builder;
        RUN_CONTINUATION = runContinuation;
        CARRIER_THREAD = carrierThread;
        STATE = state;
        SCHEDULER = scheduler;
        ON_WAITING_LIST = onWaitingList;
        UNAVAILABLE = unavailable;
    }

    private VirtualThreads() {}

    /** A factory of virtual threads whose continuations are submitted to {@code carrier}. */
    public static ThreadFactory factory(Executor carrier) {
        if (UNAVAILABLE != null) {
            throw UNAVAILABLE;
        }
        try {
            return ((Thread.Builder.OfVirtual) BUILDER.newInstance(carrier)).factory();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a virtual thread builder for " + carrier, e);
        }
    }

    /**
     * The {@code Runnable} the JDK submits to the carrier each time {@code thread} is to run;
     * read once per thread so that a submission can be mapped back to its thread.
     */
    public static Runnable continuationOf(Thread thread) {
        if (UNAVAILABLE != null) {
            throw UNAVAILABLE;
        }
        return (Runnable) RUN_CONTINUATION.get(thread);
    }

    /**
     * True when the virtual {@code thread} is mounted on a carrier thread now, that is running
     * rather than waiting for a carrier: {@link Thread#getState()} says {@code RUNNABLE} for both.
     * A moment's answer, for a {@link TaskDumper dump}.
     */
    public static boolean isMounted(Thread thread) {
        if (UNAVAILABLE != null) {
            throw UNAVAILABLE;
        }
        return CARRIER_THREAD.getVolatile(thread) != null;
    }

    /**
     * True when the virtual {@code thread} is parked in an untimed {@code LockSupport.park}, so
     * that an unpark resubmits it: {@link Thread#getState()} says {@code WAITING} for this and
     * for {@code Object.wait} alike, which an unpark does not end. A moment's answer.
     */
    public static boolean isParked(Thread thread) {
        if (UNAVAILABLE != null) {
            throw UNAVAILABLE;
        }
        return thread.isVirtual() && (int) STATE.getVolatile(thread) == PARKED;
    }

    /**
     * True when the virtual {@code thread} waits for a monitor: unmounted, blocked entering a
     * contended {@code synchronized}, or in {@code Object.wait} (timed or not), whose end is a
     * monitor hand-off too. The JDK hands such a thread back to its scheduler from its own
     * "VirtualThread-unblocker" platform thread. A moment's answer.
     */
    public static boolean waitsForMonitor(Thread thread) {
        if (UNAVAILABLE != null) {
            throw UNAVAILABLE;
        }
        if (!thread.isVirtual()) {
            return false;
        }
        int state = (int) STATE.getVolatile(thread);
        return state == BLOCKED || state == WAIT || state == TIMED_WAIT;
    }

    /**
     * True when the virtual {@code thread} is in {@code Object.wait}, timed or not; false when it
     * blocks entering a monitor (a notified waiter does, until the notifier leaves it). A moment's answer.
     */
    public static boolean isInObjectWait(Thread thread) {
        if (UNAVAILABLE != null) {
            throw UNAVAILABLE;
        }
        if (!thread.isVirtual()) {
            return false;
        }
        int state = (int) STATE.getVolatile(thread);
        return state == WAIT || state == TIMED_WAIT;
    }

    /**
     * True while a monitor's owner has handed the monitor to the virtual {@code thread} and the
     * JDK's unblocker thread has not yet taken it up: the JVM sets this flag when it puts the
     * thread on the unblocker's list, during the owner's monitor exit, and the unblocker clears it
     * just before it resubmits the thread to its scheduler. A moment's answer.
     */
    public static boolean isOnUnblockList(Thread thread) {
        if (UNAVAILABLE != null) {
            throw UNAVAILABLE;
        }
        return thread.isVirtual() && (boolean) ON_WAITING_LIST.getVolatile(thread);
    }

    /**
     * The executor that carries the virtual {@code thread}, fixed when it was created: the
     * JDK's own scheduler for a thread created outside Heddle, whatever thread starts it.
     */
    public static Executor schedulerOf(Thread thread) {
        if (UNAVAILABLE != null) {
            throw UNAVAILABLE;
        }
        return (Executor) SCHEDULER.get(thread);
    }

    /**
     * The virtual thread a continuation submitted to a carrier belongs to, for threads the
     * carrier did not create itself (started with the JDK's own API inside a task). The JDK
     * binds the continuation as a method reference whose one captured value is the thread;
     * null if that ever changes.
     */
    public static Thread threadOf(Runnable continuation) {
        for (java.lang.reflect.Field f : continuation.getClass().getDeclaredFields()) {
            if (Thread.class.isAssignableFrom(f.getType())) {
                try {
                    f.setAccessible(true);
                    return (Thread) f.get(continuation);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
