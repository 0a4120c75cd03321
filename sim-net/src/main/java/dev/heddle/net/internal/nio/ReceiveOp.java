package dev.heddle.net.internal.nio;

import dev.heddle.net.internal.ReceivedPacket;
import java.io.IOException;

/**
 * One receive: takes the datagram the socket pulled when it commits, so a receive that never
 * commits leaves it for the next.
 */
final class ReceiveOp extends InboundOp<ReceivedPacket> {
    private final NioDatagram socket;
    private ReceivedPacket packet;

    ReceiveOp(NioDatagram socket) {
        super(socket);
        this.socket = socket;
    }

    @Override
    void takeLocked() {
        IOException failure = socket.takeFailureLocked();
        if (failure != null) {
            failLocked("receive on", failure);
        } else {
            packet = socket.takeReceivedLocked();
        }
    }

    @Override
    ReceivedPacket value() {
        return packet;
    }
}
