package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.net.internal.ReceivedPacket;
import dev.heddle.runtime.internal.WaitQueue;
import java.io.UncheckedIOException;

/**
 * One receive: takes the next datagram that arrived when it commits, so a receive that never
 * commits leaves it for the next; completes closed on a closed socket. One that does not take
 * ({@code takes} false) waits until a receive would not wait, for a selector.
 */
final class SimReceiveOp extends NetworkOp<ReceivedPacket, SimReceiveOp> {
    private final SimDatagram socket;
    private final boolean takes;
    private ReceivedPacket packet;
    private boolean closed;

    SimReceiveOp(SimDatagram socket, boolean takes) {
        super(socket.network);
        this.socket = socket;
        this.takes = takes;
    }

    /** Ready when the socket is closed or has a datagram waiting. */
    @Override
    boolean readyLocked() {
        return socket.readyLocked();
    }

    @Override
    void commitLocked() {
        if (socket.isClosedLocked()) {
            closed = true;
        } else if (takes) {
            packet = socket.takeLocked();
        }
    }

    @Override
    WaitQueue<SimReceiveOp> queue() {
        return socket.receivers;
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
