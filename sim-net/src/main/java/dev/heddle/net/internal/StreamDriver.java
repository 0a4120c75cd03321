package dev.heddle.net.internal;

import dev.heddle.runtime.SelectableOp;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * One TCP connection of a {@link NetBackend}: the part of {@code TcpStream} that depends on the
 * network. Arguments are checked by the caller. One task may read while another writes.
 */
public interface StreamDriver extends Closeable {

    InetSocketAddress localAddress();

    InetSocketAddress peerAddress();

    /**
     * Reading at most {@code length} (at least 1) bytes into {@code into} from {@code offset}.
     * Its result is the number of bytes read, or -1 once the peer has shut its output and every
     * byte was read. Bytes are copied out of the stream only when the op commits, so a read that
     * is cancelled or loses a select has consumed nothing and the next read gets them.
     */
    SelectableOp<Integer> readOp(byte[] into, int offset, int length);

    /**
     * Waiting until a read would not wait: bytes are there, the stream has ended, or a read would
     * fail. Consumes nothing. On a closed stream it completes closed.
     */
    SelectableOp<Void> readableOp();

    /**
     * Writes at least one and at most {@code length} bytes of {@code from}, waiting while the
     * network takes no more, and returns how many it wrote. A write that is cancelled while it
     * waits has written nothing.
     */
    int write(byte[] from, int offset, int length) throws IOException;

    /** Waits until every byte written so far has been handed to the network. */
    void flush() throws IOException;

    /** Sends the end of the stream: the peer reads -1 once it has read everything; reading goes on. */
    void shutdownOutput() throws IOException;

    /** False once {@link #close()} was called. */
    boolean isOpen();

    /** Closes the connection; waiting reads and writes fail as closed. Idempotent. */
    @Override
    void close() throws IOException;
}
