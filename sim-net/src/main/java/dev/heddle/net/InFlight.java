package dev.heddle.net;

import java.time.Duration;

/**
 * A message of the simulated network sent and not yet delivered, as {@link SimNet#inFlight()}
 * shows it to a test, which may drop it or deliver it at once. Kinds: {@code "connect"} (a
 * connection request), {@code "connect-answer"} (its acceptance or refusal), {@code "stream"}
 * (bytes of a connection), {@code "stream-end"} (the end of one direction), {@code "reset"}
 * (a crashed host's reset notice) and {@code "datagram"}.
 */
public interface InFlight {

    /** The sending host's name ({@code "sim"} for the test body). */
    String from();

    /** The receiving host's name, or the address sent to when no host has it. */
    String to();

    /** What the message is: one of the kinds above. */
    String kind();

    /** The payload's size: zero for messages that carry none. */
    int bytes();

    /**
     * How long until it is due to arrive; zero once due, while it waits (held, clogged, stalled
     * by a partition, or behind an earlier message of its connection).
     */
    Duration arrivesIn();

    /** True while a hold or a clog keeps it from being delivered. */
    boolean held();

    /**
     * Loses it: a datagram is gone; a connection's message resets the connection for both
     * sides, as a real one is reset once its retransmissions fail, with a message saying the
     * test dropped it. Does nothing if it was delivered or lost meanwhile.
     */
    void drop();

    /**
     * Delivers it now, ahead of its time and whatever holds it; a connection's earlier messages
     * are delivered first, so its stream stays in order. Does nothing if it is gone.
     */
    void deliver();
}
