package dev.heddle.check;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a running check's searches have done so far, for a progress line printed while it runs
 * (another thread reads it). The searches add to it where they already poll their time budget,
 * every 1,024 steps, so that it costs the inner loop nothing; the counts lag by at most that.
 */
public final class SearchProgress {
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong configurationsCached = new AtomicLong();
    private final AtomicLong deepest = new AtomicLong();

    /** Search steps taken, over all partitions: operations tried, linearized or undone. */
    public long steps() {
        return steps.get();
    }

    /** (linearized set, state) configurations in the searches' caches, over all partitions. */
    public long configurationsCached() {
        return configurationsCached.get();
    }

    /** The most operations one search has had linearized at once, at the polls so far. */
    public long deepest() {
        return deepest.get();
    }

    void searched(long moreSteps, long moreCached, int depth) {
        steps.addAndGet(moreSteps);
        if (moreCached != 0) {
            configurationsCached.addAndGet(moreCached);
        }
        if (depth > deepest.get()) {
            deepest.accumulateAndGet(depth, Math::max);
        }
    }
}
