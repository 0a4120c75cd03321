package dev.heddle.examples;

import java.util.HashMap;
import java.util.Map;

/**
 * A planted bug: a client-side read cache in front of {@link KeyValueManager} that is never
 * invalidated by other clients' writes. Each client sees its own writes, so single-client
 * tests pass; with two clients, a read can return a value that was overwritten before the
 * read began, and the history is no longer linearizable.
 */
public final class StaleReadCache implements KeyValueStore {
    private final KeyValueManager.Client client;
    private final Map<String, String> cache = new HashMap<>();

    public StaleReadCache(KeyValueManager.Client client) {
        this.client = client;
    }

    @Override
    public String get(String key) {
        return cache.computeIfAbsent(key, client::get);
    }

    @Override
    public void set(String key, String value) {
        client.set(key, value);
        cache.put(key, value);
    }
}
