package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.DatagramDriver;
import dev.heddle.net.internal.ListenerDriver;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.SelectableOp;

/**
 * Non-blocking I/O on simulated sockets, for a simulated {@code java.nio} selector and its
 * non-blocking channels: ops that wait until an operation would not wait and take nothing
 * (tried with {@code tryNow()}, they ask "is it ready?"; waited on, they wake a selector), and a
 * write that takes only what the window has room for. Each accepts only this package's sockets,
 * which are what a simulated task's channels hold.
 */
public final class SimReadiness {
    private static final byte[] NOTHING = new byte[0];

    private SimReadiness() {}

    /** Until a read would not wait: bytes, the end, a reset or closed. */
    public static SelectableOp<?> readable(StreamDriver stream) {
        return stream.readableOp();
    }

    /** Until a write would not wait: room in the window, or a write would fail. Sends nothing. */
    public static SelectableOp<?> writable(StreamDriver stream) {
        return new SimWriteOp((SimStream) stream, NOTHING, 0, 0);
    }

    /**
     * Writing at most {@code length} bytes of {@code from}, as many as the window has room for;
     * {@code tryNow()} false when it has none (a non-blocking write of 0 bytes).
     */
    public static SelectableOp<Integer> write(StreamDriver stream, byte[] from, int offset, int length) {
        return new SimWriteOp((SimStream) stream, from, offset, length);
    }

    /** Until an accept would not wait: a connection in the backlog, or the listener closed. */
    public static SelectableOp<?> acceptable(ListenerDriver listener) {
        return new SimAcceptOp((SimListener) listener, false);
    }

    /** Until a receive would not wait: a datagram arrived, or the socket closed. */
    public static SelectableOp<?> receivable(DatagramDriver socket) {
        return new SimReceiveOp((SimDatagram) socket, false);
    }

    /** Until {@code connect} (made by {@link SimNetwork#connectOp}) has its answer; takes no connection. */
    public static SelectableOp<?> answered(SelectableOp<StreamDriver> connect) {
        return new SimConnectAnsweredOp((SimConnectOp) connect);
    }
}
