package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.io.UncheckedIOException;

/**
 * One accept: takes the next connection from the listener's backlog when it commits, so an
 * accept that never commits leaves it for the next; completes closed on a closed listener.
 */
final class SimAcceptOp extends WaitQueue.Node<SimAcceptOp> implements SelectableOp<StreamDriver> {
    private final SimListener listener;
    private SimStream stream;
    private boolean closed;

    SimAcceptOp(SimListener listener) {
        this.listener = listener;
    }

    /** Commits from the listener, which is ready: closed, or with a connection waiting. */
    void commitLocked() {
        if (listener.isClosedLocked()) {
            closed = true;
        } else {
            stream = listener.takeLocked();
        }
    }

    @Override
    public boolean tryNow() {
        listener.network.lock.lock();
        try {
            if (!listener.readyLocked()) {
                return false;
            }
            commitLocked();
            return true;
        } finally {
            listener.network.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        listener.network.lock.lock();
        try {
            if (listener.readyLocked()) {
                if (waiter.tryClaim(branch)) {
                    commitLocked();
                }
                return;
            }
            listener.accepts.add(this, waiter, branch);
        } finally {
            listener.network.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (waiter() != null) {
            listener.network.lock.lock();
            try {
                listener.accepts.remove(this);
                stopWaiting();
            } finally {
                listener.network.unlock();
            }
        }
    }

    @Override
    public StreamDriver result() {
        if (closed) {
            throw new UncheckedIOException(new ClosedSocketException(listener + " is closed"));
        }
        return stream;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }
}
