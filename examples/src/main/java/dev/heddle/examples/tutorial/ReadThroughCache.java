package dev.heddle.examples.tutorial;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.RwLock;
import dev.heddle.sync.RwLockReadGuard;
import dev.heddle.sync.RwLockWriteGuard;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A read-through cache behind an {@link RwLock} (Tokio's {@code RwLock}): lookups share the read
 * lock, so hits never wait for each other; a miss takes the write lock, looks again (another task
 * may have loaded the key while this one waited for the lock), and only then loads the value from
 * the slow backend and stores it. The write lock is held across the load, so nobody else loads
 * the same key meanwhile.
 *
 * <p>Guarantees: however many tasks miss the same key at once, the backend loads each key exactly
 * once, and every lookup returns the backend's value for its key.
 */
public final class ReadThroughCache {
    private final RwLock<Map<String, String>> entries = new RwLock<>(new HashMap<>());
    private final Map<String, Integer> loads = new ConcurrentHashMap<>();
    private final AtomicInteger loadedWhileWaiting = new AtomicInteger();

    /** The value of {@code key}, loaded from the backend on the first lookup. */
    public String get(String key) {
        try (RwLockReadGuard<Map<String, String>> cached = entries.read()) {
            String value = cached.get().get(key);
            if (value != null) {
                return value;
            }
        }
        try (RwLockWriteGuard<Map<String, String>> cache = entries.write()) {
            String value = cache.get().get(key);   // loaded by another task while this one waited?
            if (value == null) {
                value = loadFromBackend(key);
                cache.get().put(key, value);
            } else {
                loadedWhileWaiting.incrementAndGet();
            }
            return value;
        }
    }

    /** How many times the backend loaded each key. */
    public Map<String, Integer> loads() {
        return Map.copyOf(loads);
    }

    /** How many misses found their key loaded by another task once they had the write lock. */
    public int loadedWhileWaiting() {
        return loadedWhileWaiting.get();
    }

    /** What the backend holds for {@code key}. */
    public static String backendValue(String key) {
        return "value of " + key;
    }

    private String loadFromBackend(String key) {
        Heddle.sleep(Duration.ofMillis(1 + Heddle.random().nextInt(10)));
        loads.merge(key, 1, Integer::sum);
        return backendValue(key);
    }

    /**
     * {@code readers} tasks each look up {@code lookups} keys drawn at random from {@code keys}
     * keys; returns every lookup's key and answer, as {@code "key=value"}, in no particular order.
     */
    public List<String> run(int readers, int lookups, int keys) {
        List<JoinHandle<List<String>>> running = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            running.add(Heddle.spawn("reader-" + r, () -> {
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < lookups; i++) {
                    String key = "key-" + Heddle.random().nextInt(keys);
                    answers.add(key + "=" + get(key));
                }
                return answers;
            }));
        }
        List<String> answers = new ArrayList<>();
        for (JoinHandle<List<String>> reader : running) {
            answers.addAll(reader.join());
        }
        return answers;
    }
}
