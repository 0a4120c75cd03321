package dev.heddle.agent.test;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Check-then-act on maps made to be shared: each call is atomic, the pair is not, so two tasks
 * may both find a key missing and both register it.
 */
public final class Registry {
    private final Map<String, String> synchronizedMap = Collections.synchronizedMap(new HashMap<>());
    private final Map<String, String> concurrentMap = new ConcurrentHashMap<>();

    /** True when this call registered {@code owner} for {@code key} in the synchronized map. */
    public boolean claimSynchronized(String key, String owner) {
        if (!synchronizedMap.containsKey(key)) {
            synchronizedMap.put(key, owner);
            return true;
        }
        return false;
    }

    /** True when this call registered {@code owner} for {@code key} in the concurrent map. */
    public boolean claimConcurrent(String key, String owner) {
        if (concurrentMap.get(key) == null) {
            concurrentMap.put(key, owner);
            return true;
        }
        return false;
    }
}
