package dev.heddle.examples;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tokio's {@code JoinSet} pattern: fetch many resources with at most {@code limit} requests
 * in flight, collecting results in the order they complete.
 */
public final class BoundedFetcher {
    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();

    public BoundedFetcher(int limit) {
        this.limit = limit;
    }

    /** Fetches every url (a fake fetch that takes a random time) and returns the responses. */
    public List<String> fetchAll(List<String> urls) {
        List<String> responses = new ArrayList<>();
        try (JoinSet<String> set = new JoinSet<>()) {
            for (String url : urls) {
                if (set.size() == limit) {
                    responses.add(set.joinNext());
                }
                set.spawn("fetch " + url, () -> fetch(url));
            }
            responses.addAll(set.joinAll());
        }
        return responses;
    }

    /** The most requests that were ever in flight at once. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    private String fetch(String url) {
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);   // atomic: fetches may run on several workers at once
        try {
            Heddle.sleep(Duration.ofMillis(1 + Heddle.random().nextInt(50)));
            return "200 " + url;
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
