package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;

/**
 * One read of a simulated stream, or a wait until a read would not wait ({@code into} null):
 * bytes leave the stream only when the op commits, so a read cancelled or beaten in a select
 * takes nothing. Outcomes: a count, -1 at the end, the reset, or closed.
 */
final class SimReadOp extends WaitQueue.Node<SimReadOp> implements SelectableOp<Integer> {
    private final SimStream stream;
    private final byte[] into;
    private final int offset;
    private final int length;
    private int count;
    private boolean closed;
    private IOException failure;

    SimReadOp(SimStream stream, byte[] into, int offset, int length) {
        this.stream = stream;
        this.into = into;
        this.offset = offset;
        this.length = length;
    }

    /** True for a read that takes bytes, false for a wait until readable. */
    boolean consumes() {
        return into != null;
    }

    /** Commits on the stream, which is ready. */
    void commitLocked() {
        if (stream.isClosedLocked()) {
            closed = true;
        } else if (consumes()) {
            failure = stream.resetLocked();
            if (failure == null) {
                count = stream.takeLocked(into, offset, length);
            }
        }
    }

    @Override
    public boolean tryNow() {
        stream.network.lock.lock();
        try {
            if (!stream.readyLocked()) {
                return false;
            }
            commitLocked();
            return true;
        } finally {
            stream.network.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        stream.network.lock.lock();
        try {
            if (stream.readyLocked()) {
                if (waiter.tryClaim(branch)) {
                    commitLocked();
                }
                return;
            }
            stream.readers.add(this, waiter, branch);
        } finally {
            stream.network.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (waiter() != null) {
            stream.network.lock.lock();
            try {
                stream.readers.remove(this);
                stopWaiting();
            } finally {
                stream.network.unlock();
            }
        }
    }

    @Override
    public Integer result() {
        if (closed) {
            throw new UncheckedIOException(new ClosedSocketException(stream + " is closed"));
        }
        if (failure != null) {
            throw new UncheckedIOException(new SocketException("cannot read from " + stream + ": "
                    + failure.getMessage()));
        }
        return count;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }
}
