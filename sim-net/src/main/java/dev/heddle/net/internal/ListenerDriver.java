package dev.heddle.net.internal;

import dev.heddle.runtime.SelectableOp;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/** One TCP listener of a {@link NetBackend}: the part of {@code TcpListener} that depends on the network. */
public interface ListenerDriver extends Closeable {

    /** The address bound, with the port the system picked when port 0 was asked for. */
    InetSocketAddress localAddress();

    /**
     * Taking the next incoming connection. The connection leaves the listener only when the op
     * commits, so a losing select branch takes none. On a closed listener the op completes
     * closed ({@link SelectableOp#isClosedOutcome()}) and its {@code result()} throws.
     */
    SelectableOp<StreamDriver> acceptOp();

    /** Stops listening; waiting accepts complete closed. Idempotent. */
    @Override
    void close() throws IOException;
}
