package dev.heddle.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.util.List;

class ReadThroughCacheTest {
    static final int READERS = 6;
    static final int LOOKUPS = 5;
    static final int KEYS = 4;

    @SimTest(failOnLeakedTasks = true, expectedProbes = "two readers missed the same key at once")
    void eachKeyIsLoadedOnceAndEveryLookupGetsItsValue(Sim sim) {
        ReadThroughCache cache = new ReadThroughCache();
        List<String> answers = cache.run(READERS, LOOKUPS, KEYS);
        assertOutcome(cache, answers);
        sim.sometimes("two readers missed the same key at once", cache.loadedWhileWaiting() > 0);
    }

    @SimTest(seeds = 50, workers = 3, failOnLeakedTasks = true)
    void onThreeLogicalWorkers(Sim sim) {
        ReadThroughCache cache = new ReadThroughCache();
        assertOutcome(cache, cache.run(READERS, LOOKUPS, KEYS));
    }

    static void assertOutcome(ReadThroughCache cache, List<String> answers) {
        assertEquals(READERS * LOOKUPS, answers.size());
        for (String answer : answers) {
            String key = answer.substring(0, answer.indexOf('='));
            assertEquals(key + "=" + ReadThroughCache.backendValue(key), answer);
        }
        long distinct = answers.stream().map(a -> a.substring(0, a.indexOf('='))).distinct().count();
        assertEquals(distinct, cache.loads().size(), "only the keys looked up are loaded: " + cache.loads());
        cache.loads().forEach((key, loads) -> assertEquals(1, loads, key + " must be loaded once"));
    }
}
