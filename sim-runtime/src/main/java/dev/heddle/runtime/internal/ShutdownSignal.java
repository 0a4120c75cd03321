package dev.heddle.runtime.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A runtime's ctrl-c: the signal that asks a program to shut down gracefully (Tokio's
 * {@code tokio::signal::ctrl_c}), and the tasks waiting for it.
 *
 * <p>On a real runtime the signal is the JVM's shutdown: SIGINT (ctrl-c in a terminal), SIGTERM
 * (what {@code kill}, Docker and Kubernetes send) or SIGHUP start the JVM's shutdown hooks, and the
 * first {@link #listen()} registers one hook for this runtime. Tokio, once a program listens for
 * ctrl-c, no longer lets the signal end the process: the program ends when it returns. A JVM
 * cannot be stopped from exiting once a signal started its shutdown, so the hook does the
 * nearest thing: it {@link #deliver() delivers} the signal to the waiting tasks and then holds
 * the JVM's exit until the program has shut the runtime down ({@link #runtimeClosed()}), for at
 * most the grace period given. In simulation nothing is registered; the test delivers the
 * signal at a virtual time of its choice ({@code Sim.sendCtrlCAfter}).
 *
 * <p>Each listener waits for the first signal after it was made, as Tokio's future completes on
 * the first ctrl-c after its first poll. The lock guards the count and the queue; it is held for
 * a few steps only, never across a suspension.
 */
public final class ShutdownSignal {
    private final boolean installsJvmHook;
    private final String threadName;
    private final Duration gracePeriod;
    /** Signals delivered so far; guarded by {@code this}. */
    private long delivered;
    /** Listeners waiting; guarded by {@code this}. */
    private final WaitQueue<CtrlCOp> waiting = new WaitQueue<>();
    /** The JVM shutdown hook, once the first listener registered it; guarded by {@code this}. */
    private Thread jvmHook;
    private boolean closed;
    private final CountDownLatch runtimeClosed = new CountDownLatch(1);

    /**
     * The ctrl-c of one runtime: with {@code installsJvmHook} (a real runtime) the first listener
     * registers a JVM shutdown hook named after {@code threadName}, which waits up to
     * {@code gracePeriod} for the runtime to close.
     */
    public ShutdownSignal(boolean installsJvmHook, String threadName, Duration gracePeriod) {
        this.installsJvmHook = installsJvmHook;
        this.threadName = threadName;
        this.gracePeriod = gracePeriod;
    }

    /** A new listener: an op that completes on the first signal delivered from now on. */
    public CtrlCOp listen() {
        synchronized (this) {
            if (installsJvmHook && jvmHook == null && !closed) {
                jvmHook = new Thread(this::onJvmShutdown, threadName + "-ctrl-c");
                java.lang.Runtime.getRuntime().addShutdownHook(jvmHook);
            }
            return new CtrlCOp(this, delivered);
        }
    }

    /** Delivers one signal: every listener made before now completes. */
    public void deliver() {
        List<CtrlCOp> woken = new ArrayList<>();
        synchronized (this) {
            delivered++;
            CtrlCOp op;
            while ((op = waiting.claimFirst()) != null) {
                woken.add(op);
            }
        }
        for (CtrlCOp op : woken) {
            op.waiter().wake();
        }
    }

    /**
     * The runtime has shut down: a JVM shutdown under way may finish now, and one to come needs
     * no hook of this runtime any more.
     */
    public void runtimeClosed() {
        runtimeClosed.countDown();
        synchronized (this) {
            closed = true;
            if (jvmHook != null) {
                try {
                    java.lang.Runtime.getRuntime().removeShutdownHook(jvmHook);
                } catch (IllegalStateException shutdownUnderWay) {
                    // The hook runs now, and returns as the latch opened.
                }
                jvmHook = null;
            }
        }
    }

    private void onJvmShutdown() {
        deliver();
        try {
            runtimeClosed.await(gracePeriod.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized boolean deliveredSince(long seen) {
        return delivered > seen;
    }

    /** Queues {@code op}, or completes it at once when a signal came since it was made; see {@link CtrlCOp#enqueue}. */
    synchronized void enqueue(CtrlCOp op, Waiter waiter, int branch) {
        if (delivered > op.seen()) {
            waiter.tryClaim(branch);
            return;
        }
        waiting.add(op, waiter, branch);
    }

    synchronized void dequeue(CtrlCOp op) {
        waiting.remove(op);
    }
}
