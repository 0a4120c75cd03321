package dev.heddle.net.internal.nio;

import dev.heddle.net.internal.NetExceptions;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import dev.heddle.net.internal.AddressText;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One channel registered with the {@link Reactor}, and the tasks waiting on it (Tokio's
 * {@code PollEvented}/{@code ScheduledIo}). Subclasses are the stream, the listener and the
 * datagram socket.
 *
 * <p><b>Inbound: an inbox, taken from like a channel.</b> What arrives (bytes, connections,
 * datagrams) is pulled from the socket, without blocking, into an inbox the subclass owns, and
 * only an {@link InboundOp}'s commit takes it out of the inbox. The pull is done by whoever finds
 * the inbox empty: a task trying its op, or the reactor when the socket becomes ready. So readiness
 * is never a guess (an op commits only when the inbox has something), and a cancelled or losing
 * op leaves everything it did not commit in the inbox for the next one. Invariant, under
 * {@link #lock}: while the inbox is ready, no inbound op is queued ({@link #deliverLocked} claims
 * them as soon as it is), which is why an enqueue that finds the inbox ready may take it at once.
 *
 * <p><b>Outbound: readiness.</b> A write or a connect is tried at once and, when the socket takes
 * nothing, waits on a {@link WritableOp} until the reactor sees the socket writable (or the
 * connection decided), then tries again. Nothing is committed by that wait, so a cancelled one
 * has written nothing.
 *
 * <p><b>Interest.</b> The key's interest set holds exactly what someone waits for: the inbound
 * event while inbound ops are queued, the outbound one while writers are; recomputed under the
 * lock after every change ({@link #updateInterestLocked}). The selector is level-triggered, so
 * readiness that came between a failed try and the enqueue is reported at the next selection:
 * no wake-up is lost. Waiters are woken after the lock is released.
 */
abstract class Registration {
    /** Makes the registration of a channel just bound to {@code local}. */
    @FunctionalInterface
    interface BoundChannel<C, R> {
        R register(C channel, InetSocketAddress local) throws IOException;
    }

    /**
     * Binds {@code channel} to {@code address} (port 0: a free one) and registers it with
     * {@code register}, closing the channel if either fails; {@code what} names it in the error,
     * as "a tcp listener".
     */
    static <C extends NetworkChannel, R> R bind(C channel, InetSocketAddress address, String what,
            BoundChannel<C, R> register) throws IOException {
        try {
            channel.bind(address);
            return register.register(channel, (InetSocketAddress) channel.getLocalAddress());
        } catch (IOException e) {
            channel.close();
            throw NetExceptions.describe("cannot bind " + what + " to " + AddressText.of(address), e);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Guards the inbox of the subclass, both wait queues, {@link #closed} and {@link #interest}. */
    final ReentrantLock lock = new ReentrantLock();
    private final Reactor reactor;
    private final SelectableChannel channel;
    private final SelectionKey key;
    private final WaitQueue<InboundOp<?>> inboundWaiters = new WaitQueue<>();
    private final WaitQueue<WritableOp> outboundWaiters = new WaitQueue<>();
    private boolean closed;
    private int interest;

    Registration(Reactor reactor, SelectableChannel channel) throws IOException {
        this.reactor = reactor;
        this.channel = channel;
        channel.configureBlocking(false);
        this.key = reactor.register(channel, this);
    }

    /** Pulls from the socket, without blocking, into an empty inbox; does nothing if the inbox is ready or closed. */
    abstract void fillInboxLocked();

    /** True when an inbound op would commit now: something is in the inbox, an end or a failure is, or the channel is closed. */
    abstract boolean inboxReadyLocked();

    /** The selection event meaning "something to pull": {@code OP_READ} or {@code OP_ACCEPT}. */
    abstract int inboundEvent();

    /** The selection event a {@link WritableOp} waits for: {@code OP_WRITE}, or {@code OP_CONNECT} while connecting. */
    abstract int outboundEventLocked();

    /** What this is, with its addresses, for messages: "tcp stream 127.0.0.1:5120 -> 127.0.0.1:80". */
    abstract String describe();

    /** True once {@link #close()} ran. */
    final boolean isClosedLocked() {
        return closed;
    }

    /** Called by the reactor when the channel is ready for {@code readyOps}. */
    final void onReady(int readyOps) {
        List<Waiter> woken = new ArrayList<>(1);
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if ((readyOps & inboundEvent()) != 0) {
                fillAndDeliverLocked(woken);
            }
            if ((readyOps & outboundEventLocked()) != 0) {
                releaseWritersLocked(woken);
            }
            updateInterestLocked();
        } finally {
            lock.unlock();
        }
        wake(woken);
    }

    /** Fills the inbox and hands it to the inbound ops queued first; they are ahead of the caller. */
    final void fillAndDeliverLocked(List<Waiter> woken) {
        fillInboxLocked();
        deliverLocked(woken);
    }

    /** Queues {@code op} for {@code waiter} until the inbox is ready; the caller found it not ready. */
    final void waitInboundLocked(InboundOp<?> op, Waiter waiter, int branch) {
        inboundWaiters.add(op, waiter, branch);
        updateInterestLocked();
    }

    /** Queues {@code op} for {@code waiter} until the socket may take more; claims it at once on a closed channel. */
    final void waitOutboundLocked(WritableOp op, Waiter waiter, int branch) {
        if (closed) {
            waiter.tryClaim(branch);
            return;
        }
        outboundWaiters.add(op, waiter, branch);
        updateInterestLocked();
    }

    /** Takes an inbound op out on its way out of its wait; a claimed op is out already. */
    final void leaveInbound(InboundOp<?> node) {
        lock.lock();
        try {
            if (!node.wasClaimed()) {
                inboundWaiters.remove(node);
                updateInterestLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes a writer's op out on its way out of its wait; a claimed op is out already. */
    final void leaveOutbound(WritableOp node) {
        lock.lock();
        try {
            if (!node.wasClaimed()) {
                outboundWaiters.remove(node);
                updateInterestLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the channel: completes every waiting op (inbound ones closed; writers try again and
     * find it closed), and returns once the reactor has dropped the key, which is when the JDK
     * closes the socket ({@link Reactor#awaitRelease()}). Idempotent.
     */
    public final void close() throws IOException {
        List<Waiter> woken = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            deliverLocked(woken);
            releaseWritersLocked(woken);
            key.cancel();
            discardInboxLocked();
            channel.close();
        } catch (IOException e) {
            throw NetExceptions.describe("cannot close " + describe(), e);
        } finally {
            lock.unlock();
            wake(woken);
        }
        reactor.awaitRelease();
    }

    /** True until {@link #close()}. */
    public final boolean isOpen() {
        lock.lock();
        try {
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    /** Releases what the inbox holds that needs releasing, on close; the inbox is not read again. */
    void discardInboxLocked() throws IOException {}

    static void wake(List<Waiter> woken) {
        for (Waiter waiter : woken) {
            waiter.wake();
        }
    }

    private void deliverLocked(List<Waiter> woken) {
        while (inboxReadyLocked()) {
            InboundOp<?> node = inboundWaiters.claimFirst();
            if (node == null) {
                return;
            }
            node.commitLocked();
            woken.add(node.waiter());
        }
    }

    private void releaseWritersLocked(List<Waiter> woken) {
        WritableOp node;
        while ((node = outboundWaiters.claimFirst()) != null) {
            woken.add(node.waiter());
        }
    }

    private void updateInterestLocked() {
        int wanted = 0;
        if (!closed) {
            if (!inboundWaiters.isEmpty() && !inboxReadyLocked()) {
                wanted |= inboundEvent();
            }
            if (!outboundWaiters.isEmpty()) {
                wanted |= outboundEventLocked();
            }
        }
        if (wanted == interest) {
            return;
        }
        boolean added = (wanted & ~interest) != 0;
        key.interestOps(wanted);
        interest = wanted;
        if (added) {
            reactor.wakeSelection();
        }
    }
}
