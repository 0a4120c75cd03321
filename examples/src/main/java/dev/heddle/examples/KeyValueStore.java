package dev.heddle.examples;

/** Gets and sets of string values by key: what the key-value examples' clients offer. */
public interface KeyValueStore {

    /** The value of {@code key}, or {@code ""} if it was never set. */
    String get(String key);

    void set(String key, String value);
}
