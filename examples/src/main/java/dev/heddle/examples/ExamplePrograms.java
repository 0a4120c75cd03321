package dev.heddle.examples;

import dev.heddle.sim.SimBody;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The example programs as simulation bodies, each asserting its documented outcome. The demo
 * and the tests run these same bodies, so what the demo shows is what the tests check.
 */
public final class ExamplePrograms {
    private ExamplePrograms() {}

    /**
     * Every program by name, in the order the demo shows them; only {@code racy-counter},
     * {@code kv-stale-cache} and {@code lock-order} are wrong.
     */
    public static Map<String, SimBody> all() {
        Map<String, SimBody> programs = new LinkedHashMap<>();
        programs.put("racy-counter", sim -> expect(4L, Counter.incrementConcurrently(new RacyCounter(), 4),
                "increments counted by the racy counter"));
        programs.put("safe-counter", sim -> expect(4L, Counter.incrementConcurrently(new SafeCounter(), 4),
                "increments counted by the safe counter"));
        programs.put("spawn-and-join", sim -> expect(385L, SpawnAndJoin.sumOfSquares(10), "sum of squares 1..10"));
        programs.put("bounded-fetcher", sim -> {
            BoundedFetcher fetcher = new BoundedFetcher(3);
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                urls.add("/item/" + i);
            }
            List<String> responses = fetcher.fetchAll(urls);
            expect(12, responses.size(), "responses");
            if (fetcher.peakInFlight() > 3) {
                throw new AssertionError("at most 3 requests may be in flight, saw " + fetcher.peakInFlight());
            }
        });
        programs.put("abort-with-cleanup", sim -> expect(
                List.of("connected", "working", "connection closed", "joined: cancelled"),
                AbortWithCleanup.run(), "events of an aborted worker"));
        programs.put("request-ids", sim -> {
            List<String> log = RequestIds.serve(5);
            expect(10, log.size(), "log lines");
            for (int i = 0; i < 5; i++) {
                int index = log.indexOf("req-" + i + " start");
                if (index < 0 || log.indexOf("req-" + i + " done") < index) {
                    throw new AssertionError("request req-" + i + " must log start before done: " + log);
                }
            }
        });
        programs.put("interval-ticker", sim -> expect(List.of(0L, 100L, 200L, 300L, 400L),
                Ticker.tick(5, Duration.ofMillis(100), Duration.ofMillis(30)), "tick times in ms"));
        programs.put("kv-manager", sim -> KeyValueWorkload.run(3, 6, client -> client));
        programs.put("kv-stale-cache", sim -> KeyValueWorkload.run(3, 6, StaleReadCache::new));
        programs.put("lock-order", sim -> expect(200L, LockOrder.transferBothWays(), "money in both accounts"));
        return programs;
    }

    private static void expect(Object expected, Object actual, String what) {
        if (!expected.equals(actual)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }
}
