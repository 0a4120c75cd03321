package dev.heddle.net.internal.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * The wire of each directed link with a bandwidth: a message waits until the messages before it
 * have left the wire, then takes {@code bytes / bandwidth} on it, before its latency starts.
 */
final class Wires {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** When each link's wire is next free; looked up, never iterated. */
    private final Map<DirectedLink, Long> freeAt = new HashMap<>();

    /** When a message of {@code bytes} put on {@code link} at {@code now} has left the wire. */
    long transmit(DirectedLink link, long now, int bytes, long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            return now;
        }
        long start = Math.max(now, freeAt.getOrDefault(link, now));
        long onWire = (bytes * NANOS_PER_SECOND + bytesPerSecond - 1) / bytesPerSecond;
        long end = start + onWire;
        freeAt.put(link, end);
        return end;
    }
}
