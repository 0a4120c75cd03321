package dev.heddle.net.redis;

import dev.heddle.runtime.Heddle;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of one Redis server: string values by key, each with an optional expiry time on the
 * task's clock ({@link Heddle#now()}: virtual in a simulation, so an expiry of an hour passes in
 * no real time). A key past its expiry is gone, as in Redis, which also deletes such keys lazily
 * on access. Lost with the server: like Redis without persistence, a restarted server starts empty.
 *
 * <p>Each method is one Redis command's effect and runs under this object's lock, so commands of
 * concurrent connections are atomic, as Redis' single command thread makes them; no method waits
 * inside it.
 */
final class Keyspace {
    private static final long NEVER = Long.MAX_VALUE;

    private record Entry(byte[] value, long expiresAt) {}

    /** Keys as ISO-8859-1 strings: one char per byte, so any binary key maps to one distinct string. */
    private final Map<String, Entry> entries = new HashMap<>();

    /** GET: the value, or null if the key is absent or expired. */
    synchronized byte[] get(byte[] key) {
        Entry entry = live(name(key));
        return entry == null ? null : entry.value();
    }

    /**
     * SET with its conditions: stores {@code value}, to expire {@code ttlNanos} from now (0: never),
     * unless {@code onlyIfAbsent} (NX) and the key exists, or {@code onlyIfPresent} (XX) and it does
     * not. Returns whether it stored.
     */
    synchronized boolean set(byte[] key, byte[] value, long ttlNanos, boolean onlyIfAbsent, boolean onlyIfPresent) {
        String name = name(key);
        boolean present = live(name) != null;
        if ((onlyIfAbsent && present) || (onlyIfPresent && !present)) {
            return false;
        }
        entries.put(name, new Entry(value.clone(), ttlNanos == 0 ? NEVER : Heddle.now() + ttlNanos));
        return true;
    }

    /** DEL: removes the keys, and returns how many existed. */
    synchronized long delete(List<byte[]> keys) {
        long removed = 0;
        for (byte[] key : keys) {
            if (live(name(key)) != null) {
                entries.remove(name(key));
                removed++;
            }
        }
        return removed;
    }

    /** EXISTS: how many of the keys exist, a key named twice counted twice (as Redis does). */
    synchronized long countExisting(List<byte[]> keys) {
        long existing = 0;
        for (byte[] key : keys) {
            if (live(name(key)) != null) {
                existing++;
            }
        }
        return existing;
    }

    /**
     * INCR: adds one to the key's value read as a signed 64-bit decimal (an absent key counts as
     * 0), keeps its expiry, and returns the new value.
     *
     * @throws CommandError with Redis' reply if the value is not such a number, or is the largest one
     */
    synchronized long increment(byte[] key) throws CommandError {
        String name = name(key);
        Entry entry = live(name);
        long current = entry == null ? 0 : RedisInteger.parse(entry.value());
        if (current == Long.MAX_VALUE) {
            throw new CommandError("ERR increment or decrement would overflow");
        }
        long next = current + 1;
        entries.put(name, new Entry(Long.toString(next).getBytes(StandardCharsets.US_ASCII),
                entry == null ? NEVER : entry.expiresAt()));
        return next;
    }

    private Entry live(String name) {
        Entry entry = entries.get(name);
        if (entry != null && Heddle.now() >= entry.expiresAt()) {
            entries.remove(name);
            return null;
        }
        return entry;
    }

    private static String name(byte[] key) {
        return new String(key, StandardCharsets.ISO_8859_1);
    }
}
