package dev.heddle.net.internal.nio;

import dev.heddle.net.internal.StreamDriver;
import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * One accept: takes the connection the listener pulled when it commits, so an accept that
 * never commits leaves it for the next. Its result is the connection's stream.
 */
final class AcceptOp extends InboundOp<StreamDriver> {
    private final NioListener listener;
    private final Reactor reactor;
    private StreamDriver stream;

    AcceptOp(NioListener listener, Reactor reactor) {
        super(listener);
        this.listener = listener;
        this.reactor = reactor;
    }

    @Override
    void takeLocked() {
        IOException failure = listener.takeFailureLocked();
        if (failure != null) {
            failLocked("accept on", failure);
            return;
        }
        SocketChannel connection = listener.takeAcceptedLocked();
        try {
            stream = NioStream.accepted(reactor, connection);
        } catch (IOException e) {
            try {
                connection.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            failLocked("accept on", e);
        }
    }

    @Override
    StreamDriver value() {
        return stream;
    }
}
