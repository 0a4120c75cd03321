package dev.heddle.net.internal.nio;

import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.net.internal.NetExceptions;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An op that takes from a {@link Registration}'s inbox (a read, an accept, a receive) or waits
 * until it could: the selectable-op protocol of a channel's receive, with the socket as the
 * sender. Subclasses say what committing takes ({@link #takeLocked()}) and what the result is.
 *
 * <p>Outcomes: the value; closed (the channel was closed by this side: {@link #isClosedOutcome()},
 * and {@link #result()} throws a {@link ClosedSocketException}); or a failure of the socket,
 * which {@link #result()} throws, described on the taking task's thread, inside an
 * {@link UncheckedIOException} that the public classes unwrap.
 */
abstract class InboundOp<T> extends WaitQueue.Node<InboundOp<?>> implements SelectableOp<T> {
    final Registration owner;
    private boolean closed;
    private IOException failure;
    private String failureVerb;

    InboundOp(Registration owner) {
        this.owner = owner;
    }

    /** Commits from the inbox, which is ready and open; called under the owner's lock, on any thread. */
    abstract void takeLocked();

    /** The committed value, when the op neither failed nor completed closed. */
    abstract T value();

    /** Commits with {@code raw}, a failure of the socket while doing {@code verb} ("read from"), as the outcome. */
    final void failLocked(String verb, IOException raw) {
        this.failureVerb = verb;
        this.failure = raw;
    }

    /** Commits: takes from the ready inbox, or completes closed. */
    final void commitLocked() {
        if (owner.isClosedLocked()) {
            closed = true;
        } else {
            takeLocked();
        }
    }

    @Override
    public final boolean tryNow() {
        List<Waiter> woken = new ArrayList<>(0);
        owner.lock.lock();
        try {
            owner.fillAndDeliverLocked(woken);
            if (!owner.inboxReadyLocked()) {
                return false;
            }
            commitLocked();
            return true;
        } finally {
            owner.lock.unlock();
            Registration.wake(woken);
        }
    }

    @Override
    public final void enqueue(Waiter waiter, int branch) {
        List<Waiter> woken = new ArrayList<>(0);
        owner.lock.lock();
        try {
            owner.fillAndDeliverLocked(woken);
            if (owner.inboxReadyLocked()) {
                if (waiter.tryClaim(branch)) {
                    commitLocked();
                }
                return;
            }
            owner.waitInboundLocked(this, waiter, branch);
        } finally {
            owner.lock.unlock();
            Registration.wake(woken);
        }
    }

    @Override
    public final void dequeue() {
        if (waiter() != null) {
            owner.leaveInbound(this);
            stopWaiting();
        }
    }

    @Override
    public final T result() {
        if (closed) {
            throw new UncheckedIOException(new ClosedSocketException(owner.describe() + " is closed"));
        }
        if (failure != null) {
            throw new UncheckedIOException(NetExceptions.describe(failureVerb + " " + owner.describe(), failure));
        }
        return value();
    }

    @Override
    public final boolean isClosedOutcome() {
        return closed;
    }
}
