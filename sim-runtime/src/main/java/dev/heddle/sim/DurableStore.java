package dev.heddle.sim;

import dev.heddle.runtime.internal.Task;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a simulated host keeps across a crash: the bytes it would have written to its disk and
 * fsynced, by key. Everything else its code held is gone when it crashes; the body of the next
 * incarnation reads this store back.
 *
 * <pre>{@code
 * sim.host("db-1", self -> {
 *     byte[] saved = self.durable().get("term");
 *     long term = saved == null ? 0 : ByteBuffer.wrap(saved).getLong();
 *     self.durable().put("term", ByteBuffer.allocate(8).putLong(term + 1).array());
 *     serve(term + 1);
 * });
 * }</pre>
 *
 * <p>Each {@code put} is durable as soon as it returns: no write is lost, torn or reordered
 * (a disk with faults is a later step). Values are copied in and out, so an array changed
 * after {@code put} changes nothing here. The host's running incarnation writes its own
 * store, and so may the test outside every host (to prepare a disk, or to damage one); a
 * task of a crashed incarnation, or of another host, cannot: its write fails, naming it.
 * Anyone may read.
 */
public final class DurableStore {
    private final Host host;
    /** Sorted, so that {@link #keys()} comes in the same order on every run. */
    private final TreeMap<String, byte[]> entries = new TreeMap<>();

    DurableStore(Host host) {
        this.host = host;
    }

    /** A copy of the value stored under {@code key}, or null when there is none. */
    public byte[] get(String key) {
        byte[] value = entries.get(Objects.requireNonNull(key, "key"));
        return value == null ? null : value.clone();
    }

    /** Stores a copy of {@code value} under {@code key}, replacing what was there. */
    public void put(String key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        checkWriter("put \"" + key + "\"");
        entries.put(key, value.clone());
    }

    /** Removes what is stored under {@code key}; true when there was something. */
    public boolean remove(String key) {
        Objects.requireNonNull(key, "key");
        checkWriter("remove \"" + key + "\"");
        return entries.remove(key) != null;
    }

    /** The keys stored now, sorted; a copy. */
    public SortedSet<String> keys() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(entries.keySet()));
    }

    private void checkWriter(String write) {
        Task<?> task = Task.current();
        if (task == null || !(task.node() instanceof Incarnation writer)) {
            return;
        }
        if (writer.host() != host) {
            throw new IllegalStateException("task " + task + " on host " + writer.host().name() + " cannot " + write
                    + " in the durable store of host " + host.name() + ": a host's disk is its own");
        }
        if (!writer.isAlive()) {
            throw new IllegalStateException("task " + task + " of host " + host.name() + "'s incarnation "
                    + writer.number() + " cannot " + write + " in its durable store: that incarnation crashed,"
                    + " and a crashed process writes nothing");
        }
    }

    @Override
    public String toString() {
        return "DurableStore[" + host.name() + ": " + entries.size() + " key(s)]";
    }
}
