package dev.heddle.net.internal.nio;

import dev.heddle.runtime.internal.Waiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one thread that waits on every real socket of the JVM and wakes the tasks waiting on them
 * (Tokio's I/O driver).
 *
 * <p><b>Why a reactor.</b> A Heddle wait must end when the task is aborted or its timeout
 * passes, and must then have taken nothing. A blocking {@code java.nio} read on a virtual thread
 * can do neither: the runtime wakes an aborted task with {@code LockSupport.unpark}, which a
 * thread blocked in a socket read takes as a spurious wake-up and parks again; and the only
 * other way in, {@code Thread.interrupt}, closes the channel. So every channel here is
 * non-blocking. A task that finds nothing to do queues its op on the channel's
 * {@link Registration} and parks through {@code Suspension.park}, as it waits on a Heddle
 * channel; this thread selects over all registered channels and, when one is ready, lets its
 * registration claim and complete the ops waiting on it, exactly as a sender completes a
 * waiting receive. An abort or a timeout is then an ordinary Heddle cancellation.
 *
 * <p><b>Threads.</b> One daemon platform thread, "heddle-net-reactor", started on first use and
 * kept for the life of the JVM, shared by every runtime (a socket may outlive the runtime that
 * opened it). It runs only {@link Registration#onReady}, which takes each registration's lock
 * briefly and never blocks, and lets waiting closes go ({@link #awaitRelease()}). Any thread may {@link #register} a channel and change a key's
 * interest set (safe from any thread since JDK 11); a change that adds interest then calls
 * {@link #wakeSelection()}, so that a selection already under way picks it up.
 *
 * <p><b>Closing.</b> The JDK closes the socket of a channel registered with a selector only when
 * the selector drops its cancelled key, at the start of its next selection; until then a closed
 * listener still takes connections (and resets them later), and a closed stream's port stays
 * taken. So a close waits ({@link #awaitRelease()}) until a selection has begun after it, which
 * it wakes: a short wait bounded by this thread, not by the network.
 */
final class Reactor {
    private static Reactor instance;

    private final Selector selector;
    private final Thread thread;
    /** Closes waiting for the next selection to drop their keys; any thread adds, this thread takes. */
    private final ConcurrentLinkedQueue<Waiter> awaitingRelease = new ConcurrentLinkedQueue<>();

    private Reactor(Selector selector) {
        this.selector = selector;
        this.thread = Thread.ofPlatform().daemon().name("heddle-net-reactor").unstarted(this::run);
    }

    /** The JVM's reactor, started on first call. */
    static synchronized Reactor instance() throws IOException {
        if (instance == null) {
            Reactor reactor = new Reactor(Selector.open());
            reactor.thread.start();
            instance = reactor;
        }
        return instance;
    }

    /** Registers {@code channel} (non-blocking) with no interest yet; {@code registration} handles its events. */
    SelectionKey register(SelectableChannel channel, Registration registration) throws IOException {
        return channel.register(selector, 0, registration);
    }

    /** Wakes a selection under way, so that it sees an interest just added. */
    void wakeSelection() {
        if (Thread.currentThread() != thread) {
            selector.wakeup();
        }
    }

    /**
     * Waits until a selection has begun since the call, so that every key cancelled before it is
     * dropped and its socket closed. Not cancellable: the wait is bounded by this thread, and a
     * close in the {@code finally} of an aborted task must still release its socket.
     */
    void awaitRelease() {
        if (Thread.currentThread() == thread) {
            return;
        }
        Waiter waiter = new Waiter();
        awaitingRelease.add(waiter);
        selector.wakeup();
        waiter.awaitDespiteCancellation();
    }

    private void run() {
        List<Waiter> released = new ArrayList<>();
        while (true) {
            Waiter waiter;
            while ((waiter = awaitingRelease.poll()) != null) {
                released.add(waiter);
            }
            try {
                // A selection drops cancelled keys first. When closes wait for that, do not block:
                // their wake-up may have been spent on the selection before this one.
                if (released.isEmpty()) {
                    selector.select(Reactor::dispatch);
                } else {
                    selector.selectNow(Reactor::dispatch);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the network reactor's selector failed, so no socket can wait any"
                        + " more; this is a failure of the JVM's I/O, not of one socket", e);
            }
            for (Waiter done : released) {
                done.tryClaim(0);
                done.wake();
            }
            released.clear();
        }
    }

    private static void dispatch(SelectionKey key) {
        try {
            ((Registration) key.attachment()).onReady(key.readyOps());
        } catch (CancelledKeyException closedMeanwhile) {
            // The channel was closed by a task after it was selected: its waiters were told then.
        }
    }
}
