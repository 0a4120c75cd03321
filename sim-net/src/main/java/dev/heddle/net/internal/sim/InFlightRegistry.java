package dev.heddle.net.internal.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every message sent and not yet delivered or lost, in send order (their numbers increase). */
final class InFlightRegistry {
    private final Map<Long, Message> messages = new LinkedHashMap<>();

    void add(Message message) {
        messages.put(message.id, message);
    }

    void remove(Message message) {
        messages.remove(message.id);
    }

    /** A copy, oldest first, safe to walk while messages come and go. */
    List<Message> all() {
        return List.copyOf(messages.values());
    }
}
