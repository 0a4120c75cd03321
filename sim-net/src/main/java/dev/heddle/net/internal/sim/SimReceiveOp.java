package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.net.internal.ReceivedPacket;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.io.UncheckedIOException;

/**
 * One receive: takes the next datagram that arrived when it commits, so a receive that never
 * commits leaves it for the next; completes closed on a closed socket.
 */
final class SimReceiveOp extends WaitQueue.Node<SimReceiveOp> implements SelectableOp<ReceivedPacket> {
    private final SimDatagram socket;
    private ReceivedPacket packet;
    private boolean closed;

    SimReceiveOp(SimDatagram socket) {
        this.socket = socket;
    }

    /** Commits from the socket, which is ready: closed, or with a datagram waiting. */
    void commitLocked() {
        if (socket.isClosedLocked()) {
            closed = true;
        } else {
            packet = socket.takeLocked();
        }
    }

    @Override
    public boolean tryNow() {
        socket.network.lock.lock();
        try {
            if (!socket.readyLocked()) {
                return false;
            }
            commitLocked();
            return true;
        } finally {
            socket.network.unlock();
        }
    }

    @Override
    public void enqueue(Waiter waiter, int branch) {
        socket.network.lock.lock();
        try {
            if (socket.readyLocked()) {
                if (waiter.tryClaim(branch)) {
                    commitLocked();
                }
                return;
            }
            socket.receivers.add(this, waiter, branch);
        } finally {
            socket.network.unlock();
        }
    }

    @Override
    public void dequeue() {
        if (waiter() != null) {
            socket.network.lock.lock();
            try {
                socket.receivers.remove(this);
                stopWaiting();
            } finally {
                socket.network.unlock();
            }
        }
    }

    @Override
    public ReceivedPacket result() {
        if (closed) {
            throw new UncheckedIOException(new ClosedSocketException(socket + " is closed"));
        }
        return packet;
    }

    @Override
    public boolean isClosedOutcome() {
        return closed;
    }
}
