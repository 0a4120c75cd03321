package dev.heddle.sim;

/**
 * What a simulated network tells the trace, so that the trace hash covers the bytes in flight
 * and two runs whose networks differ are told apart. The network numbers its connections;
 * {@code a} and {@code b} are as each constant says.
 */
public enum NetworkEvent {
    /** A connection attempt. a: connection number, b: port connected to. */
    CONNECT,
    /** A connection refused, no one listening. a: connection number, b: port connected to. */
    REFUSE,
    /** Bytes handed to the network. a: 2 * connection number + side (0 client, 1 server), b: bytes (-1 for the end). */
    SEND,
    /** Bytes arriving at their reader. a: as {@link #SEND}, the sender's side, b: bytes (-1 for the end). */
    DELIVER,
    /** A connection reset for the side a (as {@link #SEND}), b: 0. */
    RESET,
    /** A datagram sent. a: port sent to, b: bytes. */
    DATAGRAM_SEND,
    /** A datagram arriving. a: port sent to, b: bytes, or -1 when no socket is bound there and it is lost. */
    DATAGRAM_DELIVER,
    /** A message lost (to a cut, the link's loss, failed retransmissions, a drop). a: message number, b: bytes. */
    DROP,
    /** A datagram sent twice by the link. a: the original's message number, b: the copy's. */
    DUPLICATE,
    /** A message kept on its way by a clog or a hold. a: message number, b: bytes. */
    HOLD,
    /** A kept message let go (unclog, release, repair, or a test's deliver). a: message number, b: bytes. */
    RELEASE;

    Trace.Event traced() {
        return switch (this) {
            case CONNECT -> Trace.Event.NET_CONNECT;
            case REFUSE -> Trace.Event.NET_REFUSE;
            case SEND -> Trace.Event.NET_SEND;
            case DELIVER -> Trace.Event.NET_DELIVER;
            case RESET -> Trace.Event.NET_RESET;
            case DATAGRAM_SEND -> Trace.Event.NET_DATAGRAM_SEND;
            case DATAGRAM_DELIVER -> Trace.Event.NET_DATAGRAM_DELIVER;
            case DROP -> Trace.Event.NET_DROP;
            case DUPLICATE -> Trace.Event.NET_DUPLICATE;
            case HOLD -> Trace.Event.NET_HOLD;
            case RELEASE -> Trace.Event.NET_RELEASE;
        };
    }
}
