package dev.heddle.net.internal.sim;

import java.util.ArrayDeque;

/**
 * One direction of a connection: its messages in send order. A message is delivered only
 * once every earlier one of its flow was, so a stream stays ordered whatever latencies,
 * retransmissions, clogs or partitions its messages met.
 */
final class Flow {
    private final ArrayDeque<Message> sent = new ArrayDeque<>();

    void add(Message message) {
        sent.add(message);
    }

    Message head() {
        return sent.peek();
    }

    void remove(Message message) {
        sent.remove(message);
    }

    /** Takes out every message, oldest first: the connection is gone. */
    Message[] clear() {
        Message[] all = sent.toArray(Message[]::new);
        sent.clear();
        return all;
    }
}
